/**
 * The words of the Explore page: opening a CID or path, the node's facts,
 * its links and fields, and the preview through the local gateway.
 */
/** The Explore page's texts. */
export const explore = {
  title: 'Explore',
  intro: 'Look inside any content on IPFS: paste a CID or a path to see its blocks, links and a preview.',
  input: {
    label: 'CID or path',
    placeholder: 'bafy…, /ipfs/bafy…/file.txt or /ipns/example.com',
    button: 'Open',
    invalid: 'Enter a CID (bafy… or Qm…) or a path starting with /ipfs/ or /ipns/.'
  },
  loading: 'Loading…',
  cancel: 'Cancel',
  retry: 'Try again',
  error: 'Could not open this path',
  breadcrumbs: 'Path',
  facts: {
    cid: 'CID',
    codec: 'Codec',
    blockSize: 'Block size',
    unixfsType: 'UnixFS type',
    fileSize: 'File size',
    links: 'Links',
    copyCid: 'Copy CID'
  },
  unixfsTypes: {
    file: 'File',
    directory: 'Directory',
    'hamt-sharded-directory': 'Directory (sharded)',
    symlink: 'Symbolic link',
    raw: 'Raw data',
    metadata: 'Metadata'
  } as Record<string, string>,
  links: {
    title: 'Links',
    none: 'This node links to nothing.',
    name: 'Name',
    cid: 'CID',
    size: 'Size',
    unnamed: '(unnamed)',
    shard: (prefix: string) => `(shard ${prefix})`,
    more: (shown: number, total: number) => `Show more (${shown} of ${total} shown)`
  },
  fields: {
    title: 'Fields',
    expand: (key: string) => `Expand ${key}`,
    collapse: (key: string) => `Collapse ${key}`,
    items: (n: number) => n === 1 ? '1 item' : `${n} items`,
    keys: (n: number) => n === 1 ? '1 key' : `${n} keys`,
    bytes: (chars: number) => `bytes (base64, ${chars} characters)`,
    link: 'link',
    more: (shown: number, total: number) => `Show all (${shown} of ${total} shown)`,
    root: 'value'
  },
  preview: {
    title: 'Preview',
    label: 'Preview of this file',
    noGateway: 'This node runs no local gateway, so there is nothing to preview through.',
    open: 'Open through the gateway',
    large: (size: string) => `This file (${size}) has no known type; preview it in a frame?`,
    show: 'Preview'
  }
} as const
