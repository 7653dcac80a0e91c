// The node slice against a real daemon: connects, reconnects by itself
// after the daemon restarts, and tells a refused token from a gone daemon.
import { describe, it, expect } from 'vitest'
import { runDaemon } from '../../../node-core/test/helpers/daemon.ts'
import { planetaryOk } from '../../../node-core/test/helpers/cli.ts'
import { connectedDaemon, waitUntil } from '../test/daemon.ts'
import { startConnection, useConnection, requireApi, NotConnectedError } from './connection-store.ts'

describe('the node slice', () => {
  it('connects, turns reconnecting when the daemon stops, and is online again when it returns', async () => {
    const { daemon, stop } = await connectedDaemon()
    try {
      expect(useConnection.getState().info?.peerId).toBe(daemon.peerId)
      daemon.child.kill('SIGTERM')
      await waitUntil(() => useConnection.getState().status === 'reconnecting', 10_000, 'reconnecting')
      expect(() => requireApi()).toThrow(NotConnectedError)
      // The daemon comes back where it was (a test repo's API port is otherwise picked anew).
      await planetaryOk(daemon.repo, ['config', 'Addresses.API', `/ip4/127.0.0.1/tcp/${new URL(daemon.origin).port}`])
      const again = await runDaemon(daemon.repo, ['daemon'])
      try {
        await waitUntil(() => useConnection.getState().status === 'online', 20_000, 'online again')
        expect((await requireApi().node.info()).peerId).toBe(daemon.peerId)
      } finally {
        await again.stop()
      }
    } finally {
      await stop()
    }
  })

  it('says the token was refused when the daemon answers but the bridge does not', async () => {
    const { daemon, stop } = await connectedDaemon()
    try {
      const disconnect = startConnection({ origin: daemon.origin, token: 'x'.repeat(43) })
      // The first connection (right token) is replaced by this one's state.
      await waitUntil(() => useConnection.getState().status === 'bad-token', 10_000, 'bad-token')
      disconnect()
    } finally {
      await stop()
    }
  })
})
