/**
 * uPlot options for a time chart of the last ten minutes, in the theme's
 * colours: the newest point at the right edge, zero at the bottom, values
 * on the axis and in the hover legend as people read them.
 */
import { withAlpha } from './document-theme.ts'
import type uPlot from 'uplot'
import type { ChartColors } from './document-theme.ts'

/** One line of a chart. */
export interface ChartLine {
  label: string
  color: 'accent' | 'success'
  /** Dashed, so lines are told apart without colour. */
  dashed?: boolean
  fill?: boolean
}

/** What a chart shows and how its values read. */
export interface ChartSpec {
  lines: ChartLine[]
  /** A value as text (`1.2 MB/s`, `3`). */
  format: (value: number) => string
  /** The top of the y axis is at least this. */
  minTop: number
  /** Only whole numbers on the y axis (counts). */
  integer?: boolean
  /** Seconds of history shown. */
  windowSeconds: number
}

/** The shortest span shown, so a fresh chart is not a sliver stretched across the width. */
const MIN_WINDOW_SECONDS = 60

const INTEGER_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000]

/** The x range: up to the newest point (or now), reaching back over the history held, between a minute and `windowSeconds`. */
export function timeWindow (times: ArrayLike<number>, windowSeconds: number, nowSeconds = Date.now() / 1000): [number, number] {
  const last = times.length > 0 ? (times[times.length - 1] ?? nowSeconds) : nowSeconds
  const first = times.length > 0 ? (times[0] ?? last) : last
  const span = Math.min(windowSeconds, Math.max(MIN_WINDOW_SECONDS, last - first))
  return [last - span, last]
}

/** The y range: from zero to a little above the highest value, at least `minTop`. */
export function valueRange (dataMax: number | null | undefined, minTop: number): [number, number] {
  const max = typeof dataMax === 'number' && Number.isFinite(dataMax) ? dataMax : 0
  return [0, Math.max(minTop, max * 1.15)]
}

/** A time axis label: hours and minutes, and seconds when the ticks are under a minute apart. */
export function timeLabel (seconds: number, withSeconds: boolean): string {
  return new Date(seconds * 1000).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', ...(withSeconds ? { second: '2-digit' } : {}) })
}

/** uPlot options for `spec`, `width`×`height` pixels, in `colors`. */
export function chartOptions (spec: ChartSpec, colors: ChartColors, width: number, height: number): uPlot.Options {
  const axis = {
    stroke: colors.muted,
    font: `12px ${colors.font}`,
    grid: { stroke: withAlpha(colors.border, 0.7), width: 1 },
    ticks: { stroke: colors.border, width: 1 }
  }
  return {
    width,
    height,
    // Room at the right for the newest time label, which sits on the edge.
    padding: [10, 36, 0, 0],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: true, range: (u) => timeWindow(u.data[0], spec.windowSeconds) },
      y: { range: (_u, _min, max) => valueRange(max, spec.minTop) }
    },
    axes: [
      {
        ...axis,
        space: 96,
        size: 34,
        values: (_u, splits, _axis, _space, incr) => splits.map((t) => timeLabel(t, incr < 60))
      },
      {
        ...axis,
        size: 76,
        values: (_u, splits) => splits.map((v) => spec.format(v)),
        ...(spec.integer === true ? { incrs: INTEGER_INCRS } : {})
      }
    ],
    series: [
      { label: 'Time' },
      ...spec.lines.map((line) => ({
        label: line.label,
        stroke: colors[line.color],
        width: 2,
        ...(line.dashed === true ? { dash: [6, 4] } : {}),
        ...(line.fill === true ? { fill: withAlpha(colors[line.color], 0.14) } : {}),
        points: { show: false },
        value: (_u: uPlot, v: number | null) => v === null ? '—' : spec.format(v)
      }))
    ]
  }
}
