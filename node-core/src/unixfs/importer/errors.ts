/**
 * Errors of the UnixFS importer.
 */

/** A directory given to `add` without `-r`. */
export class IsDirectoryError extends Error {
  static override name = 'IsDirectoryError'
  override name = 'IsDirectoryError'
  readonly code = 'ERR_IS_DIRECTORY'
}

/** A device, socket or FIFO given to `add`. */
export class UnsupportedFileTypeError extends Error {
  static override name = 'UnsupportedFileTypeError'
  override name = 'UnsupportedFileTypeError'
  readonly code = 'ERR_UNSUPPORTED_FILE_TYPE'
}

/** `add` options that contradict each other or are out of range. */
export class InvalidImportOptionsError extends Error {
  static override name = 'InvalidImportOptionsError'
  override name = 'InvalidImportOptionsError'
  readonly code = 'ERR_INVALID_IMPORT_OPTIONS'
}

/** A path given to `add` that is gone or cannot be read (moved, deleted, no permission). */
export class SourceUnreadableError extends Error {
  static override name = 'SourceUnreadableError'
  override name = 'SourceUnreadableError'
  readonly code = 'ERR_SOURCE_UNREADABLE'
}
