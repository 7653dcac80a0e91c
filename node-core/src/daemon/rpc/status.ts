/**
 * The HTTP status of an RPC error, by the error's name.
 */

/** Error names that mean the caller's input was bad (HTTP 400). */
const BAD_INPUT = new Set(['BadRequestError', 'InvalidImportOptionsError', 'InvalidChunkerError', 'MfsNotFoundError', 'MfsNotADirectoryError', 'MfsNotAFileError', 'MfsExistsError', 'MfsIsADirectoryError', 'MfsInvalidPathError', 'MfsInvalidOptionError', 'MfsInvalidTargetError', 'MfsNotUnixFSError', 'KeyNotFoundError', 'KeyExistsError', 'InvalidKeyError', 'InvalidNameError', 'InvalidRecordError', 'NotPinnedError', 'AlreadyPinnedError', 'InvalidPathError', 'PathNotFoundError', 'NotAFileError', 'NotADirectoryError', 'InvalidMultiaddrError', 'InvalidPeerIdError', 'InvalidCidError', 'InvalidConfigError', 'UnknownCodecError', 'UnknownHashError', 'BlockTooLargeError', 'BlockDecodeError', 'DagEncodeError', 'InvalidCarError', 'InvalidInputError', 'UnknownItemError', 'UnknownDeviceError', 'AmbiguousDeviceError', 'ItemStateError', 'ContentNotLocalError', 'UnsafeFileNameError', 'AutoAcceptNotAllowedError', 'PairingFailedError'])

/** 404 for an unknown endpoint, 401/403 for refused callers, 400 for bad input, else 500. */
export function statusOf (name: string): number {
  if (name === 'UnknownEndpointError') return 404
  if (name === 'ForbiddenOriginError' || name === 'RemoteAccessError' || name === 'ForbiddenPathError') return 403
  if (name === 'UnauthorizedError') return 401
  return BAD_INPUT.has(name) ? 400 : 500
}
