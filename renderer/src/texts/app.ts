/**
 * The words of the app's shell: navigation, connection states, the token
 * page. Every text a user reads lives under `texts/`, one file per feature,
 * so that a translation replaces these files alone.
 */
export const app = {
  name: 'Planetary',
  nav: {
    label: 'Main',
    files: 'Files',
    devices: 'Devices',
    status: 'Status',
    peers: 'Peers',
    explore: 'Explore',
    settings: 'Settings'
  },
  skipToContent: 'Skip to content',
  connecting: 'Connecting to your node…',
  reconnecting: 'Disconnected from your node — reconnecting…',
  reconnectingHint: 'Is “planetary daemon” still running? This page reconnects by itself when it is back.',
  online: (peers: number) => peers === 1 ? 'Online · 1 peer' : `Online · ${peers} peers`,
  offline: 'Offline',
  token: {
    missingTitle: 'Open the web UI from your node’s link',
    badTitle: 'This link’s token was refused',
    body: 'The web UI needs the link the node prints when it starts, which carries a secret token. In the terminal where “planetary daemon” runs, find the line that starts with',
    line: 'WebUI: http://127.0.0.1:5001/webui/#token=…',
    after: 'and open that whole address. If the daemon was started with another repo, its link has another token.',
    noDaemon: 'No daemon yet? Start one with:',
    command: 'npx planetary daemon --init'
  },
  welcome: {
    running: 'Your node is running.',
    lan: (n: number) => n === 0 ? 'No other Planetary or IPFS nodes on your local network yet: they appear here by themselves.' : n === 1 ? '1 peer on your local network.' : `${n} peers on your local network.`,
    connecting: 'Starting your node…'
  },
  common: {
    close: 'Close',
    dismiss: 'Dismiss',
    copy: 'Copy',
    copied: 'Copied',
    copiedToast: 'Copied to the clipboard',
    copyFailed: 'Could not copy'
  },
  notFound: 'There is no page here.',
  goFiles: 'Go to Files'
} as const
