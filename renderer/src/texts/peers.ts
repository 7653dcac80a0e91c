/**
 * The words of the Peers page: the world map, the network graph, the
 * table of connected peers and connecting one by hand.
 */
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** The Peers page's texts. */
export const peers = {
  title: 'Peers',
  summary: (n: number) => n === 0 ? 'No peers connected' : `${plural(n, 'peer', 'peers')} connected`,
  views: { label: 'Peers view', world: 'World', network: 'Network' },
  peerCount: (n: number) => plural(n, 'peer', 'peers'),
  world: {
    mapLabel: (countries: number, n: number) => `World map: ${plural(n, 'peer', 'peers')} in ${plural(countries, 'country', 'countries')}`,
    listLabel: 'Peers by location',
    loading: 'Loading the map…',
    local: 'Local network',
    localHint: 'On this machine or your private network: no location on the map.',
    unknown: 'Unknown location',
    unknownHint: 'Relayed, or not in the node’s location database.'
  },
  network: {
    graphLabel: (lan: number, wan: number, relayed: number) => `Network graph: this node in the middle, ${lan} on the local network, ${wan} over the internet, ${relayed} relayed`,
    legend: 'Legend',
    self: 'This node',
    lan: 'Local network (mDNS, LAN DHT)',
    wan: 'Internet (DHT, direct)',
    relayed: 'Relayed (through a relay, dashed)',
    distance: 'Shorter links: lower latency.'
  },
  table: {
    label: 'Connected peers',
    peer: 'Peer',
    address: 'Address',
    transport: 'Transport',
    direction: 'Direction',
    latency: 'Latency',
    agent: 'Agent',
    country: 'Country',
    sortBy: (column: string) => `Sort by ${column}`,
    copyId: 'Copy peer ID',
    inbound: 'Inbound',
    outbound: 'Outbound',
    lan: 'Local network',
    relayed: 'relayed',
    unknown: '—',
    latencyMs: (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`
  },
  empty: {
    title: 'No peers connected yet',
    body: 'Other Planetary or IPFS nodes on your local network appear here by themselves (found by mDNS) within a few seconds. To reach a node elsewhere, paste its address below.'
  },
  connect: {
    title: 'Connect to a peer',
    label: 'Peer address (multiaddr ending in /p2p/<peer ID>)',
    placeholder: '/ip4/192.168.1.20/tcp/4001/p2p/12D3KooW…',
    button: 'Connect',
    connecting: 'Connecting…',
    badInput: 'An address starts with / and ends in /p2p/<peer ID>, for example /ip4/192.168.1.20/tcp/4001/p2p/12D3KooW….',
    connected: (peer: string) => `Connected to ${peer}`,
    failed: 'Could not connect'
  }
} as const
