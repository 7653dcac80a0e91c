/**
 * The words of sending to coworkers: the Devices page (cards, adding a
 * device, pairing), the Inbox and Sent lists, the offer prompt, reachability
 * and LAN links, and the share errors by name.
 */
import { errorText } from './errors.ts'

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

const OS: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows', freebsd: 'FreeBSD', openbsd: 'OpenBSD', android: 'Android', ios: 'iOS' }

/** What a transfer's state is called, by direction. */
const STATES = {
  in: { waiting: 'Waiting for your answer', transferring: 'Receiving', paused: 'Paused — resumes when the sender is back', done: 'Received', declined: 'Declined', cancelled: 'Cancelled', expired: 'Expired (not answered in time)', failed: 'Failed' },
  out: { waiting: 'Waiting for them to accept', transferring: 'Sending', paused: 'Paused — resumes when they are back', done: 'Delivered', declined: 'Declined by them', cancelled: 'Cancelled', expired: 'Expired (not answered in time)', failed: 'Failed' }
} as const

/** Share errors in words a user can act on, by the node's error name. */
const byName: Record<string, string> = {
  ShareMessageError: 'the other device sent something this app cannot read.',
  ShareVersionError: 'the other device runs a Planetary version that shares differently. Update both to the same version.',
  ShareReplayError: 'the other device repeated an old message, so it was refused.',
  ShareRateLimitError: 'too many offers in a short time. Wait a minute and try again.',
  ShareTimeoutError: 'the other device did not answer in time. Check that Planetary is running there.',
  DeviceUnreachableError: 'the device could not be reached. Check that it is on and Planetary is running there.',
  UnknownDeviceError: 'there is no such device. It may have been forgotten.',
  AmbiguousDeviceError: 'several devices have that name. Pick the device by its card.',
  UnknownItemError: 'that transfer no longer exists.',
  ItemStateError: 'that transfer has already moved on (accepted, declined or finished).',
  UnsafeFileNameError: 'a file name in it is not safe to save on this computer.',
  OfferMismatchError: 'what arrived does not match what was offered, so it was not saved.',
  NotEnoughSpaceError: 'there is not enough free disk space for it. Free some space, then accept again.',
  InvalidReceiptError: 'the other device’s receipt could not be verified.',
  PairingFailedError: 'no device answered to that code. Check the code on the other screen; it is valid for a few minutes only.',
  SenderGoneError: 'the sender went away. The transfer resumes by itself when it is back.',
  AutoAcceptNotAllowedError: 'only paired favourites may send without asking. Pair with the device and mark it a favourite first.',
  ContentNotLocalError: 'not all of it is on this node, so it cannot be sent. Fetch it completely first.',
  InvalidLinkError: 'the link’s name or PIN was refused. A PIN is 4 to 8 digits.',
  CorruptLinkError: 'that link’s record is damaged, so it is not served. Revoke it and make a new one.',
  LanLinkAddressError: 'the LAN link address in the config (Share.LanLink.Address) cannot be listened on. Check it, or another program holds its port.',
  NoLanAddressError: 'this computer is not connected to a local network (no private address), so LAN links cannot be served.',
  LanLinkUnavailableError: 'this window cannot run the LAN link server. Use the desktop app or the daemon’s web UI.',
  LinkContentMissingError: 'that content is no longer on this node, so it cannot be linked.',
  LinkContentNotFilesError: 'only files and folders can be shared by a LAN link.',
  UnknownLinkError: 'that link no longer exists.',
  InvalidPinError: 'the PIN must be 4 to 8 digits.'
}

/** The text for a share error (falling back on the app's error texts), never a stack. */
export function shareErrorText (err: unknown): string {
  if (typeof err === 'object' && err !== null && 'name' in err) {
    const name = (err as { name?: unknown }).name
    const known = typeof name === 'string' ? byName[name] : undefined
    if (known !== undefined) return known
  }
  return errorText(err)
}

/** The Devices page's and the transfers' texts. */
export const share = {
  title: 'Devices',
  intro: 'Drop files or folders onto a device to send them. The other side accepts, and the files arrive in its inbox folder.',
  osName: (os: string) => OS[os] ?? (os === '' ? 'Unknown system' : os),
  fingerprint: (peer: string) => { const end = peer.slice(-8); return `${end.slice(0, 4)} ${end.slice(4)}` },
  fingerprintLabel: 'Fingerprint (the end of the peer ID): check it matches on the other screen',
  self: {
    label: 'This device',
    seenAs: (name: string) => `Others see this device as “${name}”.`,
    rename: 'Change in Settings'
  },
  devices: {
    label: 'Devices',
    loading: 'Looking for devices…',
    count: (n: number) => n === 0 ? 'No devices yet' : plural(n, 'device', 'devices'),
    online: 'Online',
    offline: (when: string) => `Offline · last seen ${when}`,
    neverSeen: 'Offline',
    lan: 'On this network',
    paired: 'Paired',
    favourite: (name: string) => `Favourite: ${name}`,
    autoAccept: 'Accept without asking',
    autoAcceptHelp: 'Files from this paired favourite are received without a prompt.',
    sendFiles: 'Send files…',
    sendFolder: 'Send a folder…',
    sendTo: (name: string) => `Send files to ${name}`,
    sendFolderTo: (name: string) => `Send a folder to ${name}`,
    dropHere: (name: string) => `Drop to send to ${name}`,
    cardLabel: (name: string, os: string, online: boolean) => `${name}, ${os}, ${online ? 'online' : 'offline'}. Drop files here to send them.`,
    changeFailed: (name: string) => `Could not change ${name}`,
    forget: 'Forget',
    forgetLabel: (name: string) => `Forget ${name}`,
    uploading: (pct: number) => `Preparing… ${pct}%`,
    offering: 'Offering…',
    sent: (name: string, device: string) => `Offered “${name}” to ${device}. It appears under Sent.`,
    sendFailed: (device: string) => `Could not send to ${device}`,
    nothingToSend: 'Nothing to send: the drop held no files.',
    dropOnCard: 'Drop onto a device’s card to send to it.'
  },
  empty: {
    title: 'No devices found on this network',
    body: 'Start Planetary on the other computer, on the same network: it appears here by itself. On another network, a VPN or a guest Wi-Fi, pair with a code or add it by address.'
  },
  add: {
    button: 'Add by address…',
    title: 'Add a device by address',
    label: 'Address (multiaddr)',
    help: 'The other device shows it under Settings → Addresses. It ends in /p2p/ and its peer ID.',
    placeholder: '/ip4/192.168.1.20/tcp/4001/p2p/12D3KooW…',
    submit: 'Add',
    adding: 'Adding…',
    added: (name: string) => `Added ${name}`,
    failed: 'Could not add the device',
    empty: 'Enter the device’s address.',
    notMultiaddr: 'An address starts with /, like /ip4/192.168.1.20/tcp/4001/p2p/12D3KooW….',
    noPeer: 'The address must end with /p2p/ and the device’s peer ID.',
    badIp: (ip: string) => `“${ip}” is not an IP address.`,
    badPort: (port: string) => `“${port}” is not a port (1 to 65535).`,
    badProtocol: (name: string) => `“${name}” is not an address protocol this app knows.`,
    badPeer: 'The peer ID after /p2p/ is not valid.'
  },
  pair: {
    button: 'Pair with a code…',
    title: 'Pair with a code',
    intro: 'Pairing connects two devices that cannot find each other, and lets a paired favourite send without asking.',
    showTab: 'Show my code',
    enterTab: 'Enter a code',
    tabsLabel: 'How to pair',
    showHelp: 'On the other device, choose “Pair with a code” → “Enter a code”, and type this code.',
    codeLabel: 'Your pairing code',
    expiresIn: (time: string) => `Valid for ${time}`,
    expired: 'The code expired.',
    failed: 'Pairing failed: the code was used up or a wrong code was tried.',
    newCode: 'New code',
    starting: 'Making a code…',
    paired: (name: string) => `Paired with ${name}.`,
    enterLabel: 'Code shown on the other device',
    enterHelp: 'Six digits.',
    enterBad: 'Enter the six digits shown on the other device.',
    join: 'Pair',
    phases: { finding: 'Finding the device…', connecting: 'Connecting…', verifying: 'Checking the code…' },
    joinFailed: 'Could not pair',
    done: 'Done'
  },
  transfers: {
    label: 'Transfers',
    tabsLabel: 'Received or sent',
    inbox: 'Inbox',
    sent: 'Sent',
    count: (n: number) => n.toLocaleString('en'),
    loading: 'Loading transfers…',
    emptyInbox: 'Nothing received yet. What coworkers send you appears here.',
    emptySent: 'Nothing sent yet. Drop files onto a device above.',
    listLabel: (which: string, n: number) => `${which}: ${plural(n, 'transfer', 'transfers')}`,
    from: (device: string) => `from ${device}`,
    to: (device: string) => `to ${device}`,
    state: (direction: 'in' | 'out', state: keyof typeof STATES.in) => STATES[direction][state],
    bytes: (done: string, total: string) => `${done} of ${total}`,
    sources: (n: number) => plural(n, 'source', 'sources'),
    files: (n: number) => plural(n, 'file', 'files'),
    verified: 'Verified',
    verifiedHint: 'Every block was checked against its content ID.',
    savedTo: (path: string) => `Saved to ${path}`,
    showInFiles: 'Show in Files',
    delivered: (when: string) => `Delivered ${when} (receipt checked)`,
    declined: 'Declined',
    message: (text: string) => `“${text}”`,
    progressLabel: (name: string) => `Progress of ${name}`,
    accept: 'Accept',
    decline: 'Decline',
    cancel: 'Cancel',
    remove: 'Remove',
    details: 'Details',
    acceptLabel: (name: string) => `Accept ${name}`,
    declineLabel: (name: string) => `Decline ${name}`,
    cancelLabel: (name: string) => `Cancel ${name}`,
    removeLabel: (name: string) => `Remove ${name} from the list`,
    detailsLabel: (name: string) => `Details and LAN link of ${name}`,
    failed: (what: string) => `Could not ${what}`,
    actions: { accept: 'accept', decline: 'decline', cancel: 'cancel', remove: 'remove' }
  },
  offer: {
    label: 'Incoming files',
    waiting: (n: number) => `${n.toLocaleString('en')} waiting for your answer`,
    title: (device: string) => `${device} wants to send you`,
    what: (name: string, size: string) => `${name} (${size})`,
    files: (n: number) => plural(n, 'file', 'files'),
    accept: 'Accept',
    decline: 'Decline',
    later: 'Later',
    laterLabel: 'Decide later (it stays in the Inbox)',
    autoAccepted: (device: string, name: string, size: string) => `Receiving ${name} (${size}) from ${device}, accepted automatically.`,
    accepted: (name: string) => `Accepted ${name}. Its progress is in the Inbox.`
  },
  details: {
    title: (name: string) => `Details of ${name}`,
    cid: 'Content ID',
    reach: 'Who can download it',
    reachLoading: 'Asking the devices around…',
    reachFailed: 'Could not check',
    holders: (n: number) => n === 0 ? 'No device on this network holds it yet.' : `Held by ${plural(n, 'device', 'devices')}:`,
    lanDht: 'Local network DHT',
    wanDht: 'Public DHT',
    announced: (when: string) => `announced ${when}`,
    notAnnounced: 'not announced',
    refresh: 'Check again'
  },
  links: {
    label: 'LAN links',
    intro: 'A LAN link lets coworkers without the app download in a browser, on this network only. Only what you link is served.',
    make: 'Make a LAN link',
    makeTitle: (name: string) => `LAN link for ${name}`,
    pinLabel: 'PIN (optional)',
    pinHelp: '4 to 8 digits. Whoever opens the link must type it.',
    pinBad: 'A PIN is 4 to 8 digits, or leave it empty.',
    create: 'Make the link',
    creating: 'Making the link…',
    createFailed: 'Could not make the link',
    url: 'Link',
    copy: 'Copy the link',
    qr: (url: string) => `QR code of ${url}`,
    revoke: 'Revoke',
    revokeLabel: (name: string) => `Revoke the LAN link of ${name}`,
    revoked: 'Link revoked.',
    revokeFailed: 'Could not revoke the link',
    none: 'No live links.',
    downloads: (n: number) => plural(n, 'download', 'downloads'),
    pinned: 'PIN',
    serverOff: 'The LAN link server is off, so links cannot be opened.',
    turnOn: 'Turn it on',
    turnOff: 'Turn off',
    serverOn: (origin: string) => `Serving on ${origin}`,
    serverFailed: 'Could not change the LAN link server',
    unavailable: 'LAN links are not available on this node yet.',
    noUrl: 'The link gets its address when the LAN link server is on.'
  },
  time: {
    now: 'just now',
    minutes: (n: number) => `${n} min ago`,
    hours: (n: number) => `${n} h ago`,
    days: (n: number) => plural(n, 'day', 'days') + ' ago'
  }
} as const
