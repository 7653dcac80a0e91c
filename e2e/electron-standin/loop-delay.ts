/**
 * A measuring hook for benchmarks: the main process's event-loop delay
 * (perf_hooks.monitorEventLoopDelay at 10 ms), started and read by the
 * test's `loop-delay` command — the loop that serves every IPC call and
 * the tray in the app.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { onCommand } from './control.ts'

let histogram: ReturnType<typeof monitorEventLoopDelay> | undefined

onCommand('loop-delay', ({ action }) => {
  if (action === 'start') {
    histogram = monitorEventLoopDelay({ resolution: 10 })
    histogram.enable()
    return true
  }
  if (histogram === undefined) throw new Error('loop-delay was not started')
  histogram.disable()
  const ms = (ns: number): number => ns / 1e6
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) }
})
