// The daemon's heap mode follows its real CPU use: lean at start, fast
// while this process keeps a core busy, lean again after a quiet spell.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { getHeapStatistics } from 'node:v8'
import { HeapMode } from '../../src/daemon/heap-mode.ts'
import { waitFor } from '../helpers/nodes.ts'

function spin (ms: number): void {
  const until = performance.now() + ms
  while (performance.now() < until) getHeapStatistics()
}

test('lean at start, fast while busy, lean after a quiet spell', async () => {
  const changes: string[] = []
  const heap = new HeapMode({ intervalMs: 100, busyShare: 0.3, quietMs: 300, onChange: (mode) => { changes.push(mode) } })
  heap.start()
  try {
    assert.equal(heap.mode, 'lean')
    const busy = setInterval(() => { spin(90) }, 100)
    try {
      await waitFor(() => heap.mode === 'fast', 3000, 'the fast mode under load')
    } finally {
      clearInterval(busy)
    }
    await waitFor(() => heap.mode === 'lean', 3000, 'the lean mode once quiet')
    assert.deepEqual(changes, ['lean', 'fast', 'lean'])
  } finally {
    heap.stop()
  }
})
