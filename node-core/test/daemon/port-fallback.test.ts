// Ports another program holds (real sockets on the configured API, gateway
// and swarm TCP, QUIC and WebSocket ports). With `portFallback` (the
// desktop app) the daemon starts anyway on ports the system picks: the api
// file names the new API port and it answers, the gateway answers on its
// new port, node.info reports every move, the config records the new
// addresses, and the next start, the blockers gone, listens on them again.
// Without it (`planetary daemon`), the start fails with a named error
// naming the taken address.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createClient } from '../../src/api/client.ts'
import { connectWebSocket } from '../../src/api/ws-transport.ts'
import { startDaemon } from '../../src/daemon/daemon.ts'
import { openRepo } from '../../src/repo/repo.ts'
import { freshRepo, planetary, planetaryOk } from '../helpers/cli.ts'
import { blockAddresses, configureAddresses, portBlockers } from '../helpers/ports.ts'
import type { BlockedAddresses } from '../helpers/ports.ts'

const portOf = (address: string): number => Number(/\/(?:tcp|udp)\/(\d+)/.exec(address)?.[1])

async function configFile (repo: string): Promise<{ Addresses: { API: string, Gateway: string, Swarm: string[] } }> {
  return JSON.parse(await readFile(join(repo, 'config'), 'utf8')) as { Addresses: { API: string, Gateway: string, Swarm: string[] } }
}

test('with portFallback, taken ports move to free ones, recorded in the config and reused at the next start', async () => {
  const { repo: path, cleanup } = await freshRepo()
  const blockers = portBlockers()
  try {
    const blocked = await blockAddresses(blockers)
    await configureAddresses(path, blocked)
    const lines: string[] = []
    const repo = await openRepo(path)
    const daemon = await startDaemon(repo, { portFallback: true, log: (line) => { lines.push(line) } })
    let moved: BlockedAddresses
    try {
      const byKind = (kind: string): string[] => daemon.portsMoved.filter((m) => m.kind === kind).map((m) => m.configured)
      assert.deepEqual(byKind('api'), [blocked.API])
      assert.deepEqual(byKind('gateway'), [blocked.Gateway])
      assert.deepEqual(byKind('swarm').sort(), [...blocked.Swarm].sort())
      for (const move of daemon.portsMoved) {
        assert.notEqual(portOf(move.actual), portOf(move.configured), `${move.configured} moved`)
        assert.ok(portOf(move.actual) > 0)
        assert.equal(move.actual.replace(/\/(tcp|udp)\/\d+/, ''), move.configured.replace(/\/(tcp|udp)\/\d+/, ''), 'only the port changes')
      }
      assert.equal(lines.length, 5, lines.join('\n'))
      for (const move of daemon.portsMoved) assert.ok(lines.some((l) => l.includes(move.configured) && l.includes(move.actual)), `a line names ${move.configured} and ${move.actual}`)

      const apiFile = (await readFile(join(path, 'api'), 'utf8')).trim()
      assert.equal(apiFile, daemon.apiAddress)
      assert.notEqual(portOf(apiFile), portOf(blocked.API))
      // The CLI finds the daemon through the api file, and the gateway answers on its new port.
      const id = JSON.parse((await planetaryOk(path, ['id', '--enc', 'json'])).stdout) as { ID: string }
      assert.equal(id.ID, daemon.node.host.peerId.toString())
      const cid = (await planetaryOk(path, ['add', '-Q', '--cid-version', '1'], 'moved but served\n')).stdout.trim()
      assert.notEqual(portOf(daemon.gatewayAddress), portOf(blocked.Gateway))
      assert.equal(await (await fetch(`${daemon.gatewayUrl}/ipfs/${cid}`)).text(), 'moved but served\n')
      const swarmTcp = daemon.portsMoved.find((m) => m.configured === blocked.Swarm[0])?.actual ?? ''
      assert.ok(daemon.node.host.getMultiaddrs().some((a) => a.toString().startsWith(`${swarmTcp}/p2p/`)), 'the host announces the moved swarm port')

      const webui = new URL(daemon.webuiUrl)
      const client = createClient(await connectWebSocket(webui.origin, webui.hash.replace(/^#token=/, '')))
      try {
        const info = await client.node.info()
        assert.deepEqual(info.portsMoved, daemon.portsMoved)
        assert.equal(info.apiAddress, daemon.apiAddress)
        assert.equal(info.gatewayUrl, daemon.gatewayUrl)
        assert.deepEqual([...info.listenAddresses].sort(), daemon.portsMoved.filter((m) => m.kind === 'swarm').map((m) => m.actual).sort())
      } finally {
        await client.close()
      }

      const recorded = await configFile(path)
      const actualOf = (configured: string): string => daemon.portsMoved.find((m) => m.configured === configured)?.actual ?? configured
      moved = { API: actualOf(blocked.API), Gateway: actualOf(blocked.Gateway), Swarm: [actualOf(blocked.Swarm[0]), actualOf(blocked.Swarm[1]), actualOf(blocked.Swarm[2])] }
      assert.deepEqual(recorded.Addresses.API, moved.API)
      assert.deepEqual(recorded.Addresses.Gateway, moved.Gateway)
      assert.deepEqual(recorded.Addresses.Swarm, moved.Swarm, 'in the configured order')
      assert.deepEqual(repo.config.Addresses.Swarm, moved.Swarm, 'and in the open repo')
    } finally {
      await daemon.stop()
      await repo.close()
    }

    await blockers.close()
    lines.length = 0
    const again = await openRepo(path)
    const second = await startDaemon(again, { portFallback: true, log: (line) => { lines.push(line) } })
    try {
      assert.deepEqual(second.portsMoved, [])
      assert.deepEqual(lines, [])
      assert.equal(second.apiAddress, moved.API)
      assert.equal(second.gatewayAddress, moved.Gateway)
      assert.deepEqual(second.node.listening().map((b) => b.actual).sort(), [...moved.Swarm].sort())
      assert.equal((await readFile(join(path, 'api'), 'utf8')).trim(), moved.API)
      assert.deepEqual((await configFile(path)).Addresses.Swarm, moved.Swarm)
    } finally {
      await second.stop()
      await again.close()
    }
  } finally {
    await blockers.close()
    await cleanup()
  }
})

test('without portFallback, a taken port fails the start with a named error naming the address', async () => {
  const { repo: path, cleanup } = await freshRepo()
  const blockers = portBlockers()
  try {
    const blocked = await blockAddresses(blockers)
    const before = await configFile(path)
    const cases: Array<{ key: string, value: string, name: string, names: string }> = [
      { key: 'Addresses.Swarm', value: JSON.stringify([blocked.Swarm[0]]), name: 'SwarmAddressInUseError', names: blocked.Swarm[0] },
      { key: 'Addresses.Swarm', value: JSON.stringify([blocked.Swarm[1]]), name: 'SwarmAddressInUseError', names: blocked.Swarm[1] },
      { key: 'Addresses.Swarm', value: JSON.stringify([blocked.Swarm[2]]), name: 'SwarmAddressInUseError', names: blocked.Swarm[2] },
      { key: 'Addresses.Gateway', value: JSON.stringify(blocked.Gateway), name: 'GatewayAddressError', names: `127.0.0.1:${portOf(blocked.Gateway)}` },
      { key: 'Addresses.API', value: JSON.stringify(blocked.API), name: 'ApiAddressError', names: `127.0.0.1:${portOf(blocked.API)}` }
    ]
    for (const { key, value, name, names } of cases) {
      await planetaryOk(path, ['config', '--json', key, value])
      const repo = await openRepo(path)
      try {
        await assert.rejects(startDaemon(repo), (err: Error) => {
          assert.equal(err.name, name, err.message)
          assert.ok(err.message.includes(names), `${err.message} names ${names}`)
          assert.match(err.message, /in use/)
          return true
        })
      } finally {
        await repo.close()
      }
      await planetaryOk(path, ['config', '--json', key, JSON.stringify(key === 'Addresses.Swarm' ? before.Addresses.Swarm : key === 'Addresses.API' ? before.Addresses.API : before.Addresses.Gateway)])
    }
    await configureAddresses(path, blocked)
    const cli = await planetary(path, ['daemon'])
    assert.notEqual(cli.code, 0)
    assert.match(cli.stderr, /swarm address \/ip4\/127\.0\.0\.1\/(tcp|udp)\/\d+.* is already in use/)
    const after = await configFile(path)
    assert.equal(after.Addresses.API, blocked.API, 'nothing moved or recorded')
    assert.deepEqual(after.Addresses.Swarm, blocked.Swarm)
  } finally {
    await blockers.close()
    await cleanup()
  }
})
