/**
 * A time chart drawn by uPlot on canvas: created when shown and again when
 * the theme changes (its colours are read from the CSS variables then),
 * sized to its box as that resizes, redrawn at most once a second and not
 * at all while the page is hidden. The canvas is hidden from assistive
 * technology; the caller gives the text summary.
 */
import { useEffect, useRef } from 'react'
import 'uplot/dist/uPlot.min.css'
import { usePageVisible } from '../../lib/visibility.ts'
import { chartOptions } from './chart-options.ts'
import { readChartColors, useDocumentTheme } from './document-theme.ts'
import type uPlot from 'uplot'
import type { ChartSpec } from './chart-options.ts'
import type { RingSeries } from './ring-series.ts'

const REDRAW_MS = 1000
const HEIGHT = 180

/** Whether this environment can draw (jsdom, for one, has no canvas). */
function canDraw (): boolean {
  return typeof ResizeObserver === 'function' && typeof matchMedia === 'function' &&
    typeof HTMLCanvasElement !== 'undefined' && document.createElement('canvas').getContext('2d') !== null
}

/** `series` drawn as `spec` says (keep `spec` constant: a new one rebuilds the chart); `version` changes when the series has new points. */
export function TimeChart ({ series, version, spec, testId }: { series: RingSeries, version: number, spec: ChartSpec, testId: string }) {
  const box = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | undefined>(undefined)
  const drawnAt = useRef(0)
  const theme = useDocumentTheme()
  const visible = usePageVisible()

  useEffect(() => {
    const element = box.current
    if (element === null || !canDraw()) return
    let cancelled = false
    let observer: ResizeObserver | undefined
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return
      const since = Date.now() / 1000 - spec.windowSeconds
      const made = new UPlot(chartOptions(spec, readChartColors(element), element.clientWidth, HEIGHT), series.data(since) as uPlot.AlignedData, element)
      plot.current = made
      drawnAt.current = Date.now()
      observer = new ResizeObserver(() => { made.setSize({ width: element.clientWidth, height: HEIGHT }) })
      observer.observe(element)
    })
    return () => {
      cancelled = true
      observer?.disconnect()
      plot.current?.destroy()
      plot.current = undefined
    }
  }, [series, spec, theme])

  useEffect(() => {
    if (!visible) return
    const draw = (): void => {
      drawnAt.current = Date.now()
      plot.current?.setData(series.data(Date.now() / 1000 - spec.windowSeconds) as uPlot.AlignedData)
    }
    const wait = REDRAW_MS - (Date.now() - drawnAt.current)
    if (wait <= 0) {
      draw()
      return
    }
    const timer = setTimeout(draw, wait)
    return () => { clearTimeout(timer) }
  }, [series, spec, version, visible])

  return <div className="time-chart" ref={box} data-testid={testId} aria-hidden="true" />
}
