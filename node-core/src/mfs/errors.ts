/**
 * Errors of the mutable file system (`files` verbs).
 *
 * Messages follow Kubo's where Kubo has one (`file does not exist`, `... is
 * a directory, use -r to remove directories`), so the CLI reads as Kubo's.
 */

/** No entry at the path. */
export class MfsNotFoundError extends Error {
  static override name = 'MfsNotFoundError'
  override name = 'MfsNotFoundError'
  readonly code = 'ERR_MFS_NOT_FOUND'
}

/** A path goes through, or names, something that is not a directory where one is needed. */
export class MfsNotADirectoryError extends Error {
  static override name = 'MfsNotADirectoryError'
  override name = 'MfsNotADirectoryError'
  readonly code = 'ERR_MFS_NOT_A_DIRECTORY'
}

/** A file operation (`read`, `write`) on a directory or a symlink. */
export class MfsNotAFileError extends Error {
  static override name = 'MfsNotAFileError'
  override name = 'MfsNotAFileError'
  readonly code = 'ERR_MFS_NOT_A_FILE'
}

/** Something already exists where an entry was to be created. */
export class MfsExistsError extends Error {
  static override name = 'MfsExistsError'
  override name = 'MfsExistsError'
  readonly code = 'ERR_MFS_EXISTS'
}

/** `rm` of a directory without `recursive`: refused whether or not it is empty, as in Kubo. */
export class MfsIsADirectoryError extends Error {
  static override name = 'MfsIsADirectoryError'
  override name = 'MfsIsADirectoryError'
  readonly code = 'ERR_MFS_IS_A_DIRECTORY'
}

/** A path that is not absolute, climbs above the root, or has an empty or NUL segment. */
export class MfsInvalidPathError extends Error {
  static override name = 'MfsInvalidPathError'
  override name = 'MfsInvalidPathError'
  readonly code = 'ERR_MFS_INVALID_PATH'
}

/** An option out of range: a negative offset or count, an unknown CID version or hash. */
export class MfsInvalidOptionError extends Error {
  static override name = 'MfsInvalidOptionError'
  override name = 'MfsInvalidOptionError'
  readonly code = 'ERR_MFS_INVALID_OPTION'
}

/** A target an operation cannot apply to: removing or moving `/`, moving a directory into itself. */
export class MfsInvalidTargetError extends Error {
  static override name = 'MfsInvalidTargetError'
  override name = 'MfsInvalidTargetError'
  readonly code = 'ERR_MFS_INVALID_TARGET'
}

/** A source for `cp` that is not UnixFS (dag-pb with UnixFS data, or raw). */
export class MfsNotUnixFSError extends Error {
  static override name = 'MfsNotUnixFSError'
  override name = 'MfsNotUnixFSError'
  readonly code = 'ERR_MFS_NOT_UNIXFS'
}

/** The stored root record cannot be read, or names something that is not a directory. */
export class MfsCorruptRootError extends Error {
  static override name = 'MfsCorruptRootError'
  override name = 'MfsCorruptRootError'
  readonly code = 'ERR_MFS_CORRUPT_ROOT'
}
