/**
 * The main window's remembered size and position: what was saved is
 * checked before use (whole numbers, at least the minimum size, its title
 * bar on a display that exists now), shrunk to fit its display's work
 * area, and replaced by a default centred on the primary display when it
 * does not pass — a monitor unplugged since, a hand-edited file.
 *
 * Save `win.getNormalBounds()` and `win.isMaximized()`; the displays come
 * from `screen.getAllDisplays()` and `screen.getPrimaryDisplay()`.
 */
import type { Display, Rectangle } from 'electron'

/**
 * Smallest window width, in pixels.
 *
 * Saved bounds narrower than this are not used.
 */
export const MIN_WIDTH = 720

/**
 * Smallest window height, in pixels.
 *
 * Saved bounds lower than this are not used.
 */
export const MIN_HEIGHT = 480

/**
 * The first launch's width, in pixels.
 *
 * Shrunk to the work area on a smaller screen.
 */
export const DEFAULT_WIDTH = 1200

/**
 * The first launch's height, in pixels.
 *
 * Shrunk to the work area on a smaller screen.
 */
export const DEFAULT_HEIGHT = 800

/**
 * How much of the title bar must lie on a display, in pixels.
 *
 * Enough to grab it and drag the window back.
 */
export const MIN_VISIBLE = 100

/**
 * A display as the bounds need it.
 *
 * Its work area: the screen without task bars and docks.
 */
export type DisplayArea = Pick<Display, 'workArea'>

/**
 * The window's placement.
 *
 * `bounds` for `new BrowserWindow(bounds)`; `maximized` to maximize after.
 */
export interface WindowPlacement {
  bounds: Rectangle
  maximized: boolean
}

/**
 * Where the window opens.
 *
 * `saved` is whatever was stored (checked here, so any value is safe);
 * `displays` every display now, `primary` the primary one.
 */
export function restoreWindowBounds (saved: unknown, displays: readonly DisplayArea[], primary: DisplayArea): WindowPlacement {
  const maximized = isRecord(saved) && saved.maximized === true
  const rect = rectangleOf(saved)
  if (rect !== undefined && rect.width >= MIN_WIDTH && rect.height >= MIN_HEIGHT) {
    const display = displays.find((d) => titleBarOn(rect, d.workArea))
    if (display !== undefined) return { bounds: fitSize(rect, display.workArea), maximized }
  }
  return { bounds: centredDefault(primary.workArea), maximized }
}

/**
 * The default bounds on a work area.
 *
 * `DEFAULT_WIDTH` × `DEFAULT_HEIGHT` (or the work area, if smaller),
 * centred.
 */
export function centredDefault (area: Rectangle): Rectangle {
  const width = Math.min(DEFAULT_WIDTH, area.width)
  const height = Math.min(DEFAULT_HEIGHT, area.height)
  return {
    x: area.x + Math.floor((area.width - width) / 2),
    y: area.y + Math.floor((area.height - height) / 2),
    width,
    height
  }
}

function isRecord (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function rectangleOf (value: unknown): Rectangle | undefined {
  if (!isRecord(value)) return undefined
  const { x, y, width, height } = value
  const numbers = [x, y, width, height]
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 1e6)) return undefined
  return { x: Math.round(x as number), y: Math.round(y as number), width: Math.round(width as number), height: Math.round(height as number) }
}

/** The top edge within the area's height, and at least MIN_VISIBLE pixels of it across the area. */
function titleBarOn (rect: Rectangle, area: Rectangle): boolean {
  const topInside = rect.y >= area.y && rect.y < area.y + area.height
  const overlap = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x)
  return topInside && overlap >= MIN_VISIBLE
}

/** No larger than the area (a display made smaller since); a side that was cut starts at the area's edge. */
function fitSize (rect: Rectangle, area: Rectangle): Rectangle {
  const wide = rect.width > area.width
  const tall = rect.height > area.height
  return {
    x: wide ? area.x : rect.x,
    y: tall ? area.y : rect.y,
    width: wide ? area.width : rect.width,
    height: tall ? area.height : rect.height
  }
}
