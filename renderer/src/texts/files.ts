/**
 * The words of the Files page: the tree, imports, the row actions and
 * their dialogs, "Add from IPFS", and the drop overlay.
 */
import type { NameProblem } from '../features/files/names.ts'

const count = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`

export const files = {
  title: 'Files',
  root: 'Files',
  breadcrumbs: 'Folder path',
  addFiles: 'Add files',
  addFolder: 'Add folder',
  newFolder: 'New folder',
  addFromIpfs: 'Add from IPFS',
  loading: 'Loading…',
  listLabel: (folder: string) => `Contents of ${folder}`,
  summary: (folders: number, fileCount: number) => `${count(folders, 'folder', 'folders')}, ${count(fileCount, 'file', 'files')}`,
  columns: { name: 'Name', size: 'Size', cid: 'CID', pinned: 'Pinned', actions: 'Actions' },
  sortBy: (column: string) => `Sort by ${column}`,
  folder: 'Folder',
  file: 'File',
  pinnedMark: 'Pinned',
  pinnedTitle: 'Pinned: kept on this node even if it is removed from Files.',
  legend: 'Everything in Files stays on this node. A pin mark shows content that is also pinned, so it stays even when removed from Files.',
  notFound: (path: string) => `There is no folder at ${path}.`,
  goRoot: 'Go to the top of Files',
  loadFailed: 'Could not list this folder',
  keyboardHint: 'Arrow keys move, Enter opens, F2 renames, Delete deletes, the menu key shows actions.',

  empty: {
    title: 'Your Files are empty',
    body: 'Drop files or folders anywhere on this window to add them to your node, or use the buttons below. Each one gets a CID: a link anyone on IPFS can use to fetch exactly these bytes.',
    folderTitle: 'This folder is empty',
    folderBody: 'Drop files here to add them to this folder.'
  },

  drop: {
    overlay: (folder: string) => `Drop to add to ${folder}`,
    hint: 'Files and folders are imported into your node and listed here.'
  },

  actions: {
    menu: (name: string) => `Actions for ${name}`,
    open: 'Open',
    openFolder: 'Open folder',
    openFile: 'Open in a new tab',
    download: 'Download',
    save: 'Save to disk…',
    links: 'Copy links…',
    rename: 'Rename…',
    move: 'Move to…',
    delete: 'Delete…',
    explore: 'Open in Explore',
    noGateway: 'Download needs the local gateway, which this node did not report (is Addresses.Gateway set?).'
  },

  dialogs: {
    cancel: 'Cancel',
    close: 'Close',
    renameTitle: (name: string) => `Rename “${name}”`,
    renameLabel: 'New name',
    renameButton: 'Rename',
    moveTitle: (name: string) => `Move “${name}”`,
    moveLabel: 'Destination folder',
    moveHint: 'A folder path in Files, like /photos/2026.',
    moveButton: 'Move',
    moveSame: 'That is where it is already.',
    moveInside: 'A folder cannot be moved into itself.',
    movePath: 'Give a folder path starting with /.',
    newFolderTitle: 'New folder',
    newFolderLabel: 'Folder name',
    newFolderButton: 'Create',
    deleteTitle: (name: string) => `Delete “${name}”?`,
    deleteBody: 'Removed from Files. Its blocks are freed at the next garbage collection (Status → Collect garbage).',
    deletePinned: 'It stays on this node because it is pinned.',
    deleteFolder: 'The folder and everything in it are removed.',
    deleteButton: 'Delete',
    linksTitle: (name: string) => `Links to “${name}”`,
    linksCid: 'CID',
    linksIpfs: 'IPFS link (for IPFS-aware apps and browsers)',
    linksLocal: 'On this computer (local gateway)',
    linksPublic: 'On the web (public gateway, once peers can fetch it from you)',
    copy: (what: string) => `Copy ${what}`,
    saveTitle: (name: string) => `Save “${name}” to disk`,
    saveLabel: 'Save as (a full path on this computer)',
    saveButton: 'Save'
  },

  nameProblems: {
    empty: 'Give a name.',
    slash: 'A name cannot contain “/”.',
    dots: 'A name cannot be “.” or “..”.',
    long: 'That name is too long (255 bytes at most).',
    taken: 'Something with that name is already here.'
  } satisfies Record<NameProblem, string>,

  fetch: {
    title: 'Add from IPFS',
    pathLabel: 'CID or IPFS path',
    pathPlaceholder: 'bafy… or /ipfs/… or /ipns/…',
    nameLabel: 'Name in this folder',
    namePlaceholder: 'Taken from the path if empty',
    button: 'Fetch and add',
    hint: 'The content is fetched from peers, pinned, and added to this folder.',
    problems: {
      empty: 'Paste a CID or an /ipfs/ or /ipns/ path.',
      cid: 'That is not a valid CID. A CID looks like bafy… or Qm….',
      path: 'Use a CID, /ipfs/<CID>/…, /ipns/<name>/… or an ipfs:// link.'
    }
  },

  transfers: {
    label: 'Imports',
    clear: 'Clear finished',
    cancel: (name: string) => `Cancel ${name}`,
    dismiss: (name: string) => `Dismiss ${name}`,
    queued: 'Queued',
    preparing: 'Reading folders…',
    sending: 'Importing',
    finishing: 'Finishing…',
    fetching: 'Fetching',
    done: 'Added',
    cancelled: 'Cancelled — nothing was added',
    failed: 'Failed',
    gone: 'The node went away before this finished; nothing was added. Start it again, then add again.',
    exists: 'Something with that name is already in this folder, so nothing was added. Add it again under another name.',
    folderGone: 'The folder it was going into is gone (moved or deleted), so nothing was added.',
    notFound: 'The content could not be found on this node or its peers. Check that a peer holding it is online.',
    refused: 'The node refused this import; nothing was added.',
    detail: (message: string) => `The node said: ${message}`,
    uploadLabel: (names: string[], files: number) => names.length === 1 ? (names[0] ?? '') : `${count(files, 'file', 'files')} (${names.slice(0, 2).join(', ')}${names.length > 2 ? ', …' : ''})`,
    into: (folder: string) => `into ${folder}`,
    fileCount: (done: number, total: number) => `${done.toLocaleString()} of ${count(total, 'file', 'files')}`,
    current: (name: string, progress: string) => `Now: ${name} (${progress})`,
    bytes: (done: string, total: string | undefined) => total === undefined ? done : `${done} of ${total}`,
    speed: (speed: string) => speed,
    left: (time: string) => `${time} left`,
    blocks: (n: number) => count(n, 'block', 'blocks'),
    peers: (n: number) => count(n, 'peer', 'peers') + ' serving',
    progressLabel: (name: string) => `Progress of ${name}`,
    renamed: (from: string, to: string) => `“${from}” was already there; added as “${to}”.`
  },

  upload: {
    lost: 'The connection to the node was lost.',
    cancelled: 'Cancelled.',
    status: (status: number) => `The node answered with HTTP status ${status}.`,
    unknown: 'The node reported an error without a message.'
  },

  notices: {
    renamed: (name: string) => `Renamed to “${name}”`,
    moved: (folder: string) => `Moved to ${folder}`,
    deleted: (name: string) => `Deleted “${name}”`,
    created: (name: string) => `Created “${name}”`,
    added: (n: number, folder: string) => `Added ${count(n, 'item', 'items')} to ${folder}`,
    fetched: (name: string) => `Added “${name}” (pinned)`,
    saved: (to: string) => `Saved to ${to}`,
    emptyPick: 'Nothing to add: the selection holds no files.'
  },

  errors: {
    rename: 'Could not rename',
    move: 'Could not move',
    delete: 'Could not delete',
    mkdir: 'Could not create the folder',
    list: 'Could not list the folder',
    read: 'Could not read what was dropped',
    fetch: 'Could not add from IPFS',
    save: 'Could not save'
  }
} as const
