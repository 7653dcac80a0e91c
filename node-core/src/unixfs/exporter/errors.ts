/**
 * Errors of the UnixFS exporter.
 */

/** `cat` of something that is not a file (a directory, a symlink). */
export class NotAFileError extends Error {
  static override name = 'NotAFileError'
  override name = 'NotAFileError'
  readonly code = 'ERR_NOT_A_FILE'
}

/** Listing something that has no entries to list. */
export class NotADirectoryError extends Error {
  static override name = 'NotADirectoryError'
  override name = 'NotADirectoryError'
  readonly code = 'ERR_NOT_A_DIRECTORY'
}

/** A directory entry name that would escape the output directory, or a duplicate. */
export class UnsafePathError extends Error {
  static override name = 'UnsafePathError'
  override name = 'UnsafePathError'
  readonly code = 'ERR_UNSAFE_PATH'
}

/** An offset or length outside what a file can have. */
export class InvalidRangeError extends Error {
  static override name = 'InvalidRangeError'
  override name = 'InvalidRangeError'
  readonly code = 'ERR_INVALID_RANGE'
}
