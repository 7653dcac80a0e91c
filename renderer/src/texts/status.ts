/**
 * The words of the Status page: who this node is, its traffic and peers
 * over time, and its storage.
 */

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** The Status page's texts. */
export const status = {
  title: 'Status',
  identity: {
    heading: 'This node',
    identicon: 'This node’s identicon',
    peerId: 'Peer ID',
    copyPeerId: 'Copy peer ID',
    agent: 'Agent',
    state: 'State',
    online: 'Online',
    offline: 'Offline',
    disconnected: 'Not connected to the node',
    repoPath: 'Repo',
    copyRepoPath: 'Copy repo path',
    addresses: 'Listen addresses',
    copyAddress: (address: string) => `Copy address ${address}`,
    noAddresses: 'Not listening on any address.',
    showAll: (n: number) => `Show all ${n} addresses`,
    showFewer: 'Show fewer addresses',
    loading: 'Loading…'
  },
  bandwidth: {
    heading: 'Bandwidth',
    chartLabel: 'Bandwidth over the last 10 minutes',
    in: 'In',
    out: 'Out',
    received: 'Received',
    sent: 'Sent',
    now: 'Now',
    waiting: 'Waiting for the first sample…',
    summary: (p: { rateIn: string, rateOut: string, totalIn: string, totalOut: string, peakIn: string, peakOut: string }) =>
      `Now receiving ${p.rateIn} and sending ${p.rateOut}. Since the node started: ${p.totalIn} received, ${p.totalOut} sent. Highest in the last 10 minutes: ${p.peakIn} in, ${p.peakOut} out.`
  },
  peers: {
    heading: 'Connected peers',
    chartLabel: 'Connected peers over the last 10 minutes',
    series: 'Peers',
    count: (n: number) => plural(n, 'peer', 'peers'),
    waiting: 'Counting peers…',
    summary: (p: { now: number, min: number, max: number }) =>
      `${plural(p.now, 'peer is', 'peers are')} connected now; between ${p.min} and ${p.max} over the last 10 minutes.`
  },
  storage: {
    heading: 'Storage',
    meterLabel: 'Repo storage used',
    used: (used: string, max: string) => `${used} of ${max} used`,
    blocks: (n: number) => plural(n, 'block', 'blocks'),
    loading: 'Reading the repo size…',
    statFailed: 'Could not read the repo size',
    gc: 'Collect garbage',
    gcRunning: 'Collecting garbage…',
    gcHint: 'Removes the blocks that are neither pinned nor in Files.',
    gcProgress: (blocks: number, bytes: string) => `Removed ${plural(blocks, 'block', 'blocks')} (${bytes}) so far…`,
    freed: (bytes: string, blocks: number) => `Freed ${bytes} in ${plural(blocks, 'block', 'blocks')}`,
    nothing: 'Nothing to free',
    gcFailed: 'Could not collect garbage'
  }
} as const
