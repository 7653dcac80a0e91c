// The remembered window bounds: kept when they are numbers, big enough and
// with the title bar on a display (a second monitor included), shrunk to
// a smaller display, and otherwise the default centred on the primary
// display: nothing saved, garbage, too small, off every display.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MIN_HEIGHT, MIN_WIDTH, centredDefault, restoreWindowBounds } from '../src/window-bounds.ts'
import type { DisplayArea } from '../src/window-bounds.ts'

// A 1920×1080 laptop panel with a 40 px task bar, and a 2560×1440 monitor to its right.
const PRIMARY: DisplayArea = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
const RIGHT: DisplayArea = { workArea: { x: 1920, y: 0, width: 2560, height: 1440 } }
const DISPLAYS = [PRIMARY, RIGHT]
const DEFAULT = { x: 360, y: 120, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT }

describe('window bounds', () => {
  it('centres the default on the primary work area, shrinking it on a small screen', () => {
    assert.deepEqual(centredDefault(PRIMARY.workArea), DEFAULT)
    assert.deepEqual(centredDefault({ x: 100, y: 25, width: 1024, height: 743 }), { x: 100, y: 25, width: 1024, height: 743 })
  })

  it('keeps saved bounds on a display, the second one included, and the maximized flag', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700 }
    assert.deepEqual(restoreWindowBounds(saved, DISPLAYS, PRIMARY), { bounds: saved, maximized: false })
    const onRight = { x: 2500, y: 300, width: 1400, height: 900, maximized: true }
    assert.deepEqual(restoreWindowBounds(onRight, DISPLAYS, PRIMARY), { bounds: { x: 2500, y: 300, width: 1400, height: 900 }, maximized: true })
    // Fractions from a scaled display are rounded.
    assert.deepEqual(restoreWindowBounds({ x: 10.4, y: 20.6, width: 800.5, height: 600.2 }, DISPLAYS, PRIMARY).bounds, { x: 10, y: 21, width: 801, height: 600 })
  })

  it('shrinks bounds saved on a bigger display to the one they are on now, moved to its edge', () => {
    const saved = { x: 1800, y: 0, width: 3000, height: 1400 }
    assert.deepEqual(restoreWindowBounds(saved, [PRIMARY], PRIMARY).bounds, { x: 0, y: 0, width: 1920, height: 1040 })
  })

  it('falls back to the centred default for anything not usable', () => {
    const cases: unknown[] = [
      undefined,
      null,
      'x=1,y=2',
      42,
      {},
      { x: 100, y: 100, width: 1000 },
      { x: '100', y: 100, width: 1000, height: 700 },
      { x: Number.NaN, y: 100, width: 1000, height: 700 },
      { x: 100, y: Number.POSITIVE_INFINITY, width: 1000, height: 700 },
      { x: 1e9, y: 100, width: 1000, height: 700 },
      { x: 100, y: 100, width: MIN_WIDTH - 1, height: 700 },
      { x: 100, y: 100, width: 1000, height: MIN_HEIGHT - 1 },
      // On a monitor that is gone.
      { x: 2500, y: 300, width: 1400, height: 900 },
      // Title bar above the top of the screen.
      { x: 100, y: -30, width: 1000, height: 700 },
      // Below the bottom.
      { x: 100, y: 1040, width: 1000, height: 700 },
      // Only a sliver on screen.
      { x: -950, y: 100, width: 1000, height: 700 }
    ]
    for (const saved of cases) assert.deepEqual(restoreWindowBounds(saved, [PRIMARY], PRIMARY), { bounds: DEFAULT, maximized: false }, JSON.stringify(saved))
  })

  it('keeps a window mostly off to the side while enough of its title bar shows', () => {
    const saved = { x: -900, y: 100, width: 1000, height: 700 }
    assert.deepEqual(restoreWindowBounds(saved, [PRIMARY], PRIMARY).bounds, saved)
  })

  it('uses the primary display for the default, wherever it is', () => {
    const left: DisplayArea = { workArea: { x: -1280, y: 200, width: 1280, height: 1024 } }
    assert.deepEqual(restoreWindowBounds(undefined, [PRIMARY, left], left).bounds, { x: -1240, y: 312, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT })
  })
})
