// Keys and IPNS through the real CLI: the keystore on a repo (gen, list,
// rename, export, import, rm; secrets stay 0600), names published and
// resolved offline, and two daemons where one publishes, the other
// resolves and fetches, then sees a new value once the TTL has passed.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freshRepo, planetary, planetaryOk, tempDir } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'
import { waitFor } from '../helpers/nodes.ts'

test('keystore: gen, list, rename, export, import, rm; bad names and key files are refused', async () => {
  const { repo, cleanup } = await freshRepo()
  const dir = await tempDir()
  try {
    const id = (await planetaryOk(repo, ['key', 'gen', 'work'])).stdout.trim()
    assert.match(id, /^12D3KooW/)
    assert.match((await planetaryOk(repo, ['key', 'gen', '--type', 'secp256k1', 'other'])).stdout, /^16Uiu2/)
    assert.deepEqual((await planetaryOk(repo, ['key', 'list'])).stdout.trim().split('\n'), ['self', 'other', 'work'])
    assert.match((await planetaryOk(repo, ['key', 'list', '-l'])).stdout, new RegExp(`${id} work`))
    for (const name of await readdir(join(repo, 'records', 'keys'))) assert.equal((await stat(join(repo, 'records', 'keys', name))).mode & 0o777, 0o600, `${name} is owner-only`)
    assert.match((await planetaryOk(repo, ['key', 'rename', 'work', 'job'])).stdout, new RegExp(`Key ${id} renamed to job`))
    const file = join(dir.path, 'job.key')
    await planetaryOk(repo, ['key', 'export', '-o', file, 'job'])
    assert.equal((await stat(file)).mode & 0o777, 0o600)
    await planetaryOk(repo, ['key', 'rm', 'job'])
    assert.equal((await planetaryOk(repo, ['key', 'import', 'back', file])).stdout.trim(), id, 'the same key comes back')
    for (const [args, error] of [
      [['key', 'gen', 'back'], /KeyExists|exists/],
      [['key', 'gen', '../escape'], /key name/],
      [['key', 'gen', 'self'], /self/],
      [['key', 'rm', 'nothing'], /no key named/],
      [['key', 'gen', '--type', 'dsa', 'x'], /key type/]
    ] as const) {
      const r = await planetary(repo, [...args])
      assert.notEqual(r.code, 0, args.join(' '))
      assert.match(r.stderr, error, args.join(' '))
    }
    const junk = join(dir.path, 'junk.key')
    await writeFile(junk, 'not a key')
    assert.match((await planetary(repo, ['key', 'import', 'junk', junk])).stderr, /not a libp2p private key/)
  } finally {
    await cleanup()
    await dir.cleanup()
  }
})

test('name publish --allow-offline and name resolve on a repo; publish without a daemon says what it needs', async () => {
  const { repo, cleanup } = await freshRepo()
  try {
    const cid = (await planetaryOk(repo, ['add', '-Q'], 'named content')).stdout.trim()
    const refused = await planetary(repo, ['name', 'publish', cid])
    assert.notEqual(refused.code, 0)
    assert.match(refused.stderr, /needs a running daemon/)
    const published = JSON.parse((await planetaryOk(repo, ['name', 'publish', '--allow-offline', '--enc', 'json', cid])).stdout) as { Name: string, Value: string }
    assert.equal(published.Value, `/ipfs/${cid}`)
    assert.match(published.Name, /^k51/)
    assert.equal((await planetaryOk(repo, ['name', 'resolve', published.Name])).stdout.trim(), `/ipfs/${cid}`)
    assert.match((await planetary(repo, ['name', 'publish', '--allow-offline', 'not/a/path'])).stderr, /not a|invalid|publish a path/i)
    assert.match((await planetary(repo, ['name', 'resolve', 'not a name'])).stderr, /not an IPNS name/)
  } finally {
    await cleanup()
  }
})

test('two daemons: one publishes, the other resolves and fetches; a new value is seen once the TTL passes', async () => {
  let first = ''
  let second = ''
  const publisher = await startTestDaemon(async (repo) => {
    first = (await planetaryOk(repo, ['add', '-Q'], 'first version\n')).stdout.trim()
    second = (await planetaryOk(repo, ['add', '-Q'], 'second version\n')).stdout.trim()
  })
  const reader = await startTestDaemon()
  try {
    await planetaryOk(reader.repo, ['swarm', 'connect', publisher.addresses[0] ?? assert.fail('no address')])
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const name = (JSON.parse((await planetaryOk(publisher.repo, ['name', 'publish', '--ttl', '2s', '--enc', 'json', first])).stdout) as { Name: string }).Name
    assert.equal((await planetaryOk(reader.repo, ['name', 'resolve', name])).stdout.trim(), `/ipfs/${first}`)
    assert.equal((await planetaryOk(reader.repo, ['cat', `/ipns/${name}`])).stdout, 'first version\n', 'fetched through the name')
    await planetaryOk(publisher.repo, ['name', 'publish', '--ttl', '2s', second])
    assert.equal((await planetaryOk(reader.repo, ['name', 'resolve', name])).stdout.trim(), `/ipfs/${first}`, 'the cached value, within its TTL')
    await waitFor(async () => (await planetaryOk(reader.repo, ['name', 'resolve', name])).stdout.trim() === `/ipfs/${second}`, 15_000, 'the new value after the TTL')
    assert.equal((await planetaryOk(reader.repo, ['cat', `/ipns/${name}`])).stdout, 'second version\n')
  } finally {
    await reader.stop()
    await publisher.stop()
  }
})
