/**
 * Errors in words a user can act on, by the error's name (the node sends
 * `{name, message, code}` through every door). Unknown names fall back to
 * the node's own message, never a stack.
 */
const byName: Record<string, string> = {
  NotConnectedError: 'the node is not connected. Wait for it to reconnect, then try again.',
  TransportClosedError: 'the connection to the node was lost. It reconnects by itself; try again in a moment.',
  CallCancelledError: 'cancelled.',
  InvalidCidError: 'that is not a valid CID. A CID looks like bafy… or Qm….',
  InvalidPathError: 'that is not a valid path. Use /ipfs/<CID>/… or /ipns/<name>/….',
  PathNotFoundError: 'nothing is at that path.',
  NotFoundError: 'nothing is at that path.',
  FileExistsError: 'something with that name is already there. Choose another name.',
  AlreadyExistsError: 'something with that name is already there. Choose another name.',
  NotADirectoryError: 'that is a file, not a folder.',
  DirectoryNotEmptyError: 'that folder is not empty.',
  BlockNotFoundError: 'the content could not be found on this node or its peers. Check that a peer holding it is online.',
  InvalidInputError: 'the node refused the request as malformed.',
  InvalidConfigError: 'the node refused that setting.',
  UploadFailedError: 'the upload failed.',
  DagNodeTooLargeError: 'this node is too large to show here. Open it through the gateway instead.',
  UnknownCodecError: 'this node uses a codec this node cannot read.',
  MfsExistsError: 'something with that name is already there. Choose another name.',
  MfsNotFoundError: 'nothing is at that path in Files. It may have been moved or removed.',
  MfsNotADirectoryError: 'that is a file, not a folder.',
  MfsIsADirectoryError: 'that is a folder, not a file.',
  MfsInvalidPathError: 'that is not a valid path in Files.'
}

/** The text shown for `err`. */
export function errorText (err: unknown): string {
  if (err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err)) {
    const { name, message } = err as { name?: unknown, message?: unknown }
    const known = typeof name === 'string' ? byName[name] : undefined
    const detail = typeof message === 'string' && message !== '' ? message.slice(0, 300) : ''
    if (known !== undefined) return detail === '' || name === 'CallCancelledError' ? known : `${known} (${detail})`
    if (detail !== '') return detail
  }
  return 'something went wrong.'
}
