/**
 * The node's state as the tray shows it: a small state machine driven by
 * the node's lifecycle events and its peer counts, the tray icon of each
 * state, and the one-line status text.
 *
 * Events that do not apply to the current state (a peer sample after the
 * node stopped, a second `started`) are ignored: `nextTrayState` returns
 * the very same object, so a caller sees "nothing changed" with `===`.
 * Such events are normal races between the node and the shell, not bugs,
 * so throwing would only make every caller catch.
 */

/**
 * Words of the status line.
 *
 * In one place, ready for translation; `peers` makes the count's phrase.
 */
export const STATUS_TEXTS = {
  starting: 'Starting…',
  running: 'Running',
  offline: 'Offline · no peers',
  stopping: 'Stopping…',
  stopped: 'Stopped',
  error: 'Error',
  peers: (count: number): string => count === 1 ? '1 peer' : `${count} peers`,
  separator: ' · ',
  down: '↓',
  up: '↑'
}

/**
 * When a quiet node counts as offline (ms).
 *
 * Zero peers for this long while running; a shorter gap (a reconnect)
 * does not flicker the tray.
 */
export const OFFLINE_AFTER_MS = 30_000

/**
 * Longest status line, in characters.
 *
 * A longer error message is cut with an ellipsis, so the menu stays narrow.
 */
export const STATUS_MAX_LENGTH = 80

/**
 * What the node is doing.
 *
 * `offline` is a running node that has had no peers for `OFFLINE_AFTER_MS`;
 * `stopped` is a node the user stopped (or that exited), which can start
 * again; `error` is a start that failed.
 */
export type NodeStatus = 'starting' | 'running' | 'offline' | 'stopping' | 'stopped' | 'error'

/**
 * The tray's view of the node.
 *
 * Immutable: each event makes a new object (or returns this one unchanged).
 */
export interface TrayState {
  readonly status: NodeStatus
  /** Connected peers at the last sample. */
  readonly peers: number
  /** Clock time (ms) since which the node has had no peers, while running. */
  readonly zeroPeersSince: number | undefined
  /** Why the start failed, in `error`. */
  readonly error: string | undefined
}

/**
 * What happens to the node.
 *
 * `start` and `stop` are requests (the user or the app asked); `started`,
 * `start-failed` and `stopped` are the node's answers; `peers` is a
 * sample of the connected peer count at clock time `at` (ms), sent
 * regularly (the bandwidth sample's second is enough) so that a quiet
 * node becomes `offline` in time.
 */
export type TrayEvent =
  | { readonly type: 'start' }
  | { readonly type: 'started' }
  | { readonly type: 'start-failed', readonly message: string }
  | { readonly type: 'stop' }
  | { readonly type: 'stopped' }
  | { readonly type: 'peers', readonly count: number, readonly at: number }

/**
 * The panel the tray icon sits on.
 *
 * `light` takes the dark glyph, `dark` the light one
 * (`nativeTheme.shouldUseDarkColors` is a fair guess on most desktops).
 */
export type PanelTheme = 'light' | 'dark'

/**
 * A drawing of the tray icon.
 *
 * One per state in `assets/tray/`; several statuses share one.
 */
export type TrayIconState = 'starting' | 'running' | 'offline' | 'error'

/**
 * The node's transfer rates.
 *
 * Bytes per second in and out, as the `bandwidth:sample` event gives them.
 */
export interface Rates {
  readonly rateIn: number
  readonly rateOut: number
}

/**
 * The state when the app launches.
 *
 * The app starts the node at once, so the tray begins in `starting`.
 */
export const INITIAL_TRAY_STATE: TrayState = { status: 'starting', peers: 0, zeroPeersSince: undefined, error: undefined }

/**
 * The state after `event`.
 *
 * Returns `state` itself when the event does not apply to it (see the
 * file's header).
 */
export function nextTrayState (state: TrayState, event: TrayEvent): TrayState {
  const { status } = state
  switch (event.type) {
    case 'start':
      return status === 'stopped' || status === 'error' ? { ...INITIAL_TRAY_STATE } : state
    case 'started':
      return status === 'starting' ? { status: 'running', peers: 0, zeroPeersSince: undefined, error: undefined } : state
    case 'start-failed':
      return status === 'starting' ? { status: 'error', peers: 0, zeroPeersSince: undefined, error: event.message } : state
    case 'stop':
      return status === 'starting' || status === 'running' || status === 'offline' ? { ...state, status: 'stopping', zeroPeersSince: undefined } : state
    case 'stopped':
      return status === 'starting' || status === 'running' || status === 'offline' || status === 'stopping' ? { status: 'stopped', peers: 0, zeroPeersSince: undefined, error: undefined } : state
    case 'peers':
      return status === 'running' || status === 'offline' ? withPeers(state, event.count, event.at) : state
  }
}

function withPeers (state: TrayState, count: number, at: number): TrayState {
  if (!Number.isFinite(count) || count < 0) return state
  if (count > 0) return { status: 'running', peers: count, zeroPeersSince: undefined, error: undefined }
  const since = state.zeroPeersSince ?? at
  const status = state.status === 'offline' || at - since >= OFFLINE_AFTER_MS ? 'offline' : 'running'
  if (status === state.status && state.peers === 0 && since === state.zeroPeersSince) return state
  return { status, peers: 0, zeroPeersSince: since, error: undefined }
}

/**
 * The drawing a status shows.
 *
 * `stopping` keeps the transitional `starting` mark; `stopped` shows
 * `offline`.
 */
export function iconStateOf (status: NodeStatus): TrayIconState {
  switch (status) {
    case 'starting':
    case 'stopping':
      return 'starting'
    case 'running':
      return 'running'
    case 'offline':
    case 'stopped':
      return 'offline'
    case 'error':
      return 'error'
  }
}

/**
 * The tray icon's name for a status on a panel.
 *
 * `<state>-on-<panel>`, the base name of `assets/tray/<name>.svg` and of
 * its PNGs `assets/tray/png/<name>-<size>.png`: a dark glyph for a light
 * panel, a light glyph for a dark one.
 */
export function trayIconName (status: NodeStatus, panel: PanelTheme): string {
  return `${iconStateOf(status)}-on-${panel}`
}

/**
 * A rate as people read it.
 *
 * Decimal units (B/s, KB/s, MB/s, GB/s); one decimal under 10, none from
 * 10 on: `1.2 MB/s`, `40 KB/s`.
 */
export function formatRate (bytesPerSecond: number): string {
  const units = ['B/s', 'KB/s', 'MB/s', 'GB/s', 'TB/s']
  let value = Number.isFinite(bytesPerSecond) && bytesPerSecond > 0 ? bytesPerSecond : 0
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  // 9.96 shows as 10, and 999.6 as 1.0 of the next unit.
  let text = unit === 0 || value >= 9.95 ? String(Math.round(value)) : value.toFixed(1)
  if (text === '1000' && unit < units.length - 1) {
    text = '1.0'
    unit++
  }
  return `${text} ${units[unit]}`
}

/**
 * The tray's one-line status.
 *
 * `Running · 3 peers · ↓ 1.2 MB/s ↑ 40 KB/s` while running (rates when
 * known), the status word otherwise, and `Error · <message>` (on one line,
 * cut to `STATUS_MAX_LENGTH`) after a failed start.
 */
export function statusLine (state: TrayState, rates?: Rates): string {
  const t = STATUS_TEXTS
  switch (state.status) {
    case 'running': {
      const parts = [t.running, t.peers(state.peers)]
      if (rates !== undefined) parts.push(`${t.down} ${formatRate(rates.rateIn)} ${t.up} ${formatRate(rates.rateOut)}`)
      return parts.join(t.separator)
    }
    case 'error': {
      const message = (state.error ?? '').replace(/\s+/g, ' ').trim()
      const line = message === '' ? t.error : `${t.error}${t.separator}${message}`
      return line.length > STATUS_MAX_LENGTH ? `${line.slice(0, STATUS_MAX_LENGTH - 1)}…` : line
    }
    default:
      return t[state.status]
  }
}
