// The reading verbs while a daemon runs: they go through it, and it fetches
// what its repo lacks from a peer over Bitswap; --offline keeps them to
// the repo; bitswap stat/wantlist/ledger show the exchange.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { planetary, planetaryOk, tempDir } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'

test('cat, ls, get, block get, dag get and dag export fetch from a peer through the daemon; --offline does not', async () => {
  const dir = await tempDir()
  const tree = join(dir.path, 'tree')
  await mkdir(join(tree, 'sub'), { recursive: true })
  const big = chacha20('online-verbs', 3 * 1024 * 1024 + 7)
  await writeFile(join(tree, 'big.bin'), big)
  await writeFile(join(tree, 'sub', 'note.txt'), 'hello from a coworker\n')
  let root = ''
  const holder = await startTestDaemon(async (repo) => {
    root = (await planetaryOk(repo, ['add', '-r', '-Q', tree])).stdout.trim()
  })
  const fetcher = await startTestDaemon()
  try {
    await planetaryOk(fetcher.repo, ['swarm', 'connect', holder.addresses[0] ?? assert.fail('no address')])
    const offline = await planetary(fetcher.repo, ['--offline', 'cat', `/ipfs/${root}/sub/note.txt`])
    assert.notEqual(offline.code, 0, '--offline does not fetch')
    assert.match(offline.stderr, /not found|BlockNotFound/i)

    assert.equal((await planetaryOk(fetcher.repo, ['cat', `/ipfs/${root}/sub/note.txt`])).stdout, 'hello from a coworker\n')
    assert.ok((await planetaryOk(fetcher.repo, ['cat', `/ipfs/${root}/big.bin`])).stdoutBytes.equals(big), 'a multi-block file arrives whole')
    const part = await planetaryOk(fetcher.repo, ['cat', '--offset', '1000000', '--length', '10', `/ipfs/${root}/big.bin`])
    assert.ok(part.stdoutBytes.equals(big.subarray(1_000_000, 1_000_010)))
    assert.match((await planetaryOk(fetcher.repo, ['ls', root])).stdout, /^\S+ 3145735 big\.bin\n\S+ - sub\/\n$/)
    const out = join(dir.path, 'out')
    await planetaryOk(fetcher.repo, ['get', '-o', out, root])
    assert.ok((await readFile(join(out, 'big.bin'))).equals(big))
    assert.equal(await readFile(join(out, 'sub', 'note.txt'), 'utf8'), 'hello from a coworker\n')
    const node = JSON.parse((await planetaryOk(fetcher.repo, ['dag', 'get', root])).stdout) as { Links: unknown[] }
    assert.equal(node.Links.length, 2)
    assert.ok((await planetaryOk(fetcher.repo, ['block', 'get', root])).stdoutBytes.byteLength > 0)
    assert.ok((await planetaryOk(fetcher.repo, ['dag', 'export', root])).stdoutBytes.byteLength > big.byteLength)
    assert.equal((await planetaryOk(fetcher.repo, ['--offline', 'cat', `/ipfs/${root}/sub/note.txt`])).stdout, 'hello from a coworker\n', 'fetched blocks are kept')

    const stat = JSON.parse((await planetaryOk(fetcher.repo, ['bitswap', 'stat', '--enc', 'json'])).stdout) as { BlocksReceived: number, DataReceived: number, Wantlist: unknown[] }
    assert.ok(stat.BlocksReceived >= 14, `${stat.BlocksReceived} blocks`)
    assert.ok(stat.DataReceived >= big.byteLength)
    assert.deepEqual(stat.Wantlist, [])
    const ledger = JSON.parse((await planetaryOk(holder.repo, ['bitswap', 'ledger', fetcher.peerId, '--enc', 'json'])).stdout) as { Sent: number }
    assert.ok(ledger.Sent >= big.byteLength, 'the holder\'s ledger shows what it sent')
    assert.equal((await planetaryOk(fetcher.repo, ['bitswap', 'wantlist'])).stdout, '')
    const bad = await planetary(fetcher.repo, ['cat', '/ipfs/not-a-cid'])
    assert.notEqual(bad.code, 0)
    assert.match(bad.stderr, /invalid CID/)
  } finally {
    await fetcher.stop()
    await holder.stop()
    await dir.cleanup()
  }
})
