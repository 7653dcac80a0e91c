// Pins and garbage collection through the real CLI on a repo: add pins by
// default, GC keeps pinned DAGs (recursive, direct, indirect) and removes
// the rest, pin rm/verify/ls behave as in Kubo, and bad requests are named.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freshRepo, planetary, planetaryOk } from '../helpers/cli.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'

async function blockFiles (repo: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(dir, entry.name))
      else if (entry.name.endsWith('.data')) out.push(join(dir, entry.name))
    }
  }
  await walk(join(repo, 'blocks'))
  return out
}

test('add pins by default; gc keeps pinned DAGs and removes the rest; pin rm, ls, verify', async () => {
  const { repo, cleanup } = await freshRepo()
  try {
    const kept = chacha20('kept', 600_000)
    const dropped = chacha20('dropped', 600_000)
    const keptCid = (await planetaryOk(repo, ['add', '-Q'], kept)).stdout.trim()
    const droppedCid = (await planetaryOk(repo, ['add', '-Q', '--pin=false'], dropped)).stdout.trim()
    const direct = (await planetaryOk(repo, ['block', 'put'], 'a block pinned directly')).stdout.trim()
    await planetaryOk(repo, ['pin', 'add', '--recursive=false', direct])

    const ls = JSON.parse((await planetaryOk(repo, ['pin', 'ls', '--enc', 'json'])).stdout) as { Keys: Record<string, { Type: string }> }
    assert.equal(ls.Keys[keptCid]?.Type, 'recursive')
    assert.equal(ls.Keys[direct]?.Type, 'direct')
    assert.equal(ls.Keys[droppedCid], undefined, '--pin=false pins nothing')
    assert.equal(Object.values(ls.Keys).filter((k) => k.Type === 'indirect').length, 3, 'the three leaves of the kept file are indirect')
    assert.match((await planetaryOk(repo, ['pin', 'ls', '--type', 'recursive'])).stdout, new RegExp(`^${keptCid} recursive\n$`))

    const removed = (await planetaryOk(repo, ['repo', 'gc'])).stdout.trim().split('\n')
    assert.equal(removed.length, 4, 'the unpinned file: root and three leaves')
    assert.ok((await planetaryOk(repo, ['cat', keptCid])).stdoutBytes.equals(kept))
    assert.ok((await planetaryOk(repo, ['block', 'get', direct])).stdout === 'a block pinned directly')
    const gone = await planetary(repo, ['cat', droppedCid])
    assert.notEqual(gone.code, 0)
    assert.match(gone.stderr, /BlockNotFound|not found/i)
    assert.equal((await planetaryOk(repo, ['repo', 'gc'])).stdout, '', 'a second gc finds nothing')

    const notRecursive = await planetary(repo, ['pin', 'rm', '--recursive=false', keptCid])
    assert.notEqual(notRecursive.code, 0)
    assert.match(notRecursive.stderr, /pinned recursively/)
    const notPinned = await planetary(repo, ['pin', 'rm', droppedCid])
    assert.match(notPinned.stderr, /NotPinned|not pinned/)
    const badType = await planetary(repo, ['pin', 'ls', '--type', 'sideways'])
    assert.match(badType.stderr, /pin type must be/)

    await planetaryOk(repo, ['pin', 'verify'])
    const [victim] = (await blockFiles(repo)).sort()
    await writeFile(victim ?? assert.fail('no block files'), 'corrupted')
    const verify = await planetary(repo, ['pin', 'verify'])
    assert.notEqual(verify.code, 0, 'a corrupt pinned block is reported')
    assert.match(verify.stdout + verify.stderr, /broken/)

    await planetaryOk(repo, ['pin', 'rm', keptCid])
    await planetaryOk(repo, ['pin', 'rm', direct])
    await planetaryOk(repo, ['repo', 'gc'])
    const left = await blockFiles(repo)
    assert.equal(left.length, 1, 'with no pins, gc leaves only the Files tree\'s (empty) root')
    assert.match(left[0] ?? '', /CIQFTFEEHEDF6KLBT32BFAGLXEZL4UWFNWM4LFTLMXQBCERZ6CMLX3Y\.data$/, 'QmUNLL…, the empty directory')
  } finally {
    await cleanup()
  }
})
