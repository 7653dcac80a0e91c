/**
 * Errors of the on-disk repo.
 */

/** No repo at the path; the message says how to create one. */
export class RepoNotFoundError extends Error {
  static override name = 'RepoNotFoundError'
  override name = 'RepoNotFoundError'
  readonly code = 'ERR_REPO_NOT_FOUND'
}

/** `init` on a path that already holds a repo. */
export class RepoExistsError extends Error {
  static override name = 'RepoExistsError'
  override name = 'RepoExistsError'
  readonly code = 'ERR_REPO_EXISTS'
}

/** Another live process holds the repo lock. */
export class RepoLockedError extends Error {
  static override name = 'RepoLockedError'
  override name = 'RepoLockedError'
  readonly code = 'ERR_REPO_LOCKED'
}

/** The config file does not match the schema, or a config value is invalid. */
export class InvalidConfigError extends Error {
  static override name = 'InvalidConfigError'
  override name = 'InvalidConfigError'
  readonly code = 'ERR_INVALID_CONFIG'
}

/** A repo written by a version of Planetary this one cannot read. */
export class RepoVersionError extends Error {
  static override name = 'RepoVersionError'
  override name = 'RepoVersionError'
  readonly code = 'ERR_REPO_VERSION'
}

/** A profile name that does not exist. */
export class UnknownProfileError extends Error {
  static override name = 'UnknownProfileError'
  override name = 'UnknownProfileError'
  readonly code = 'ERR_UNKNOWN_PROFILE'
}

/** `repo verify` found blocks that do not match their hashes. */
export class RepoCorruptError extends Error {
  static override name = 'RepoCorruptError'
  override name = 'RepoCorruptError'
  readonly code = 'ERR_REPO_CORRUPT'
}

/** A record name that could escape its directory or is not allowed. */
export class InvalidRecordNameError extends Error {
  static override name = 'InvalidRecordNameError'
  override name = 'InvalidRecordNameError'
  readonly code = 'ERR_INVALID_RECORD_NAME'
}

/** A write to a repo after it was closed (and its lock released). */
export class RepoClosedError extends Error {
  static override name = 'RepoClosedError'
  override name = 'RepoClosedError'
  readonly code = 'ERR_REPO_CLOSED'
}

/** A repo write the disk refused for want of space (ENOSPC, or a quota: EDQUOT). */
export class DiskFullError extends Error {
  static override name = 'DiskFullError'
  override name = 'DiskFullError'
  readonly code = 'ERR_DISK_FULL'
}

/** A repo on a read-only file system (EROFS). */
export class RepoReadOnlyError extends Error {
  static override name = 'RepoReadOnlyError'
  override name = 'RepoReadOnlyError'
  readonly code = 'ERR_REPO_READ_ONLY'
}

/** A repo this user may not read or write (EACCES, EPERM). */
export class RepoPermissionError extends Error {
  static override name = 'RepoPermissionError'
  override name = 'RepoPermissionError'
  readonly code = 'ERR_REPO_PERMISSION'
}
