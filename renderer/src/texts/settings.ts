/**
 * The words of the Settings page: each setting's label and help, the
 * values it offers, what validation says, and what saving says.
 */
/** Ports as words: `4123`, `4123 and 4124`, `4123, 4124 and 4125`. */
const listOf = (ports: readonly number[]): string => ports.length < 2 ? ports.join('') : `${ports.slice(0, -1).join(', ')} and ${ports.at(-1) ?? ''}`
/** What each kind of listener serves. */
const LISTENERS = { api: 'API and web UI', gateway: 'gateway', swarm: 'peer connections' } as const

/** The Settings page's texts. */
export const settings = {
  title: 'Settings',
  intro: 'Changes are saved to this node’s config file.',
  loading: 'Loading the settings…',
  loadFailed: 'Could not read the settings',
  retry: 'Try again',
  restartNeeded: 'Restart the node to apply your saved changes.',
  restartHow: 'Stop planetary daemon (Ctrl+C) and start it again, or quit and reopen the desktop app.',
  saving: 'Saving…',
  saved: 'Saved.',
  savedRestart: 'Saved. Restart the node to apply.',
  save: 'Save',
  addresses: {
    legend: 'Addresses',
    api: 'API and web UI',
    gateway: 'Gateway',
    swarm: 'Peer connections',
    copy: (what: string) => `Copy the ${what} address`,
    none: 'Not running',
    movedTitle: 'Some ports were taken by another program',
    moved: (kind: keyof typeof LISTENERS, from: number, to: readonly number[]) => `Port ${from} (${LISTENERS[kind]}) was in use, so Planetary listens on ${listOf(to)} instead.`,
    movedSaved: 'The new ports are saved in the config, so Planetary keeps using them. To go back, stop the other program (another IPFS node, perhaps), set the usual ports as below, and restart.',
    note: 'To change them, set them from a terminal and restart the node, for example:',
    command: 'planetary config Addresses.API /ip4/127.0.0.1/tcp/5001',
    commandGateway: 'planetary config Addresses.Gateway /ip4/127.0.0.1/tcp/8080',
    commandSwarm: 'planetary config --json Addresses.Swarm \'["/ip4/0.0.0.0/tcp/4001", "/ip4/0.0.0.0/udp/4001/quic-v1"]\''
  },
  device: {
    legend: 'This device',
    name: 'Device name',
    nameHelp: 'How coworkers see this device when they send files to it.',
    nameEmpty: 'Enter a name.',
    nameLong: 'A name is at most 64 characters.',
    nameControl: 'A name cannot hold control characters.',
    inbox: 'Save received files to',
    inboxHelp: 'A folder on the computer where the node runs, as a full path (like /home/ana/Downloads or C:\\Users\\Ana\\Downloads). Received items are also kept in Files under /Inbox.',
    folderEmpty: 'Enter a folder.',
    folderRelative: 'Enter a full path, starting with / (or a drive, like C:\\, on Windows).',
    linkServer: 'LAN links',
    linkServerHelp: 'Serves only what you make a LAN link for, on this network, so coworkers without the app can download in a browser.',
    linkServerOn: (origin: string) => `Serving on ${origin}.`,
    linkServerUnavailable: 'LAN links are not available on this node yet.'
  },
  storage: {
    legend: 'Storage',
    max: 'Storage cap',
    maxHelp: 'How much disk the repo may use, like 10GB, 500MB or 1TiB. Past the watermark below, the node collects garbage by itself.',
    watermark: 'Garbage collection watermark (%)',
    watermarkHelp: 'The share of the cap at which automatic garbage collection starts, from 1 to 100.',
    sizeEmpty: 'Enter a size, like 10GB.',
    sizeBad: (text: string) => `“${text}” is not a size. Use a number and a unit, like 10GB, 500MB or 1TiB.`,
    sizeZero: 'The cap must be more than zero.',
    percentBad: 'Enter a whole percentage from 1 to 100.'
  },
  network: {
    legend: 'Network',
    routing: 'DHT mode',
    routingHelp: 'How this node takes part in the public DHT, where peers find who holds content.',
    routingTypes: {
      auto: 'Automatic (recommended)',
      dht: 'DHT (same as Automatic)',
      dhtclient: 'Client only',
      dhtserver: 'Server',
      none: 'None'
    } as Record<string, string>,
    routingDetails: {
      auto: 'A DHT client until this node is reachable from the internet, then a server too.',
      dht: 'Kubo’s other name for Automatic.',
      dhtclient: 'Asks the DHT but never answers other peers’ queries: less bandwidth, and others find less through this node.',
      dhtserver: 'Always answers other peers’ queries: best for a node reachable from the internet.',
      none: 'No public DHT: content and peers are found on the local network and through peers already connected.'
    } as Record<string, string>,
    mdns: 'Find peers on the local network (mDNS)',
    mdnsHelp: 'Announces this node to computers on the same network and finds theirs.',
    bootstrap: 'Connect to the IPFS bootstrap peers',
    bootstrapHelp: 'The well-known peers a node dials when it starts, to join the public network. Off empties the list; on restores the default list.',
    bootstrapCustom: (n: number) => `Your list has ${n === 1 ? '1 peer' : `${n} peers`} of your own; turning this off removes ${n === 1 ? 'it' : 'them'}.`,
    reprovider: 'Announce content',
    reproviderHelp: 'Which blocks this node regularly tells the network it can provide.',
    strategies: {
      all: 'All blocks in the repo',
      pinned: 'Pinned content (every block of each pin)',
      roots: 'Only the roots of pins'
    } as Record<string, string>
  },
  appearance: {
    legend: 'Appearance',
    theme: 'Theme',
    themeHelp: 'Kept in this browser (or desktop window) only.',
    choices: { light: 'Light', dark: 'Dark', system: 'Same as the system' }
  }
} as const
