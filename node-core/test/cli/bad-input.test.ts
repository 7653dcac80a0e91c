// Bad input at the command line: each gets a non-zero exit and a one-line
// message naming the problem, and the repo is left as it was.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { CID } from 'multiformats/cid'
import { runCli } from '../../src/cli/main.ts'
import { freshRepo, planetary, planetaryOk, tempDir } from '../helpers/cli.ts'
import { runDaemon } from '../helpers/daemon.ts'

async function expectFailure (repo: string, args: string[], pattern: RegExp, input?: string | Uint8Array): Promise<void> {
  const result = await planetary(repo, args, input)
  assert.notEqual(result.code, 0, `planetary ${args.join(' ')} should fail`)
  assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`)
  assert.match(result.stderr, /^Error: /)
  assert.match(result.stderr, pattern, `planetary ${args.join(' ')}`)
}

async function snapshot (repo: string): Promise<string> {
  const files: string[] = []
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(dir, entry.name))
      else files.push(join(dir, entry.name).slice(repo.length))
    }
  }
  await walk(repo)
  return files.sort().join('\n') + (await readFile(join(repo, 'config'), 'utf8'))
}

test('malformed CIDs and paths, missing files, unknown codecs and hashes, bad flags: named one-line errors, repo untouched', async () => {
  const { repo, cleanup } = await freshRepo()
  try {
    const hello = (await planetaryOk(repo, ['add', '-Q'], 'hello\n')).stdout.trim()
    const before = await snapshot(repo)
    await expectFailure(repo, ['cat', 'QmNotACid'], /invalid CID "QmNotACid"/)
    await expectFailure(repo, ['cat', '/ipfs/'], /invalid path/)
    await expectFailure(repo, ['cat', '/ipfx/' + hello], /invalid path/)
    await expectFailure(repo, ['cat', `/ipfs/${hello}/..`], /invalid path/)
    await expectFailure(repo, ['cat', `/ipfs/${hello}/missing`], /no link named "missing"/)
    await expectFailure(repo, ['cat', '/ipns/example.com'], /IPNS/)
    await expectFailure(repo, ['cat', '--offset=-1', hello], /--offset must be an integer/)
    await expectFailure(repo, ['add', '/no/such/file'], /no such file or directory: \/no\/such\/file/)
    await expectFailure(repo, ['add', '--hash', 'md5'], /unknown hash function "md5"/, 'x')
    await expectFailure(repo, ['add', '--cid-version', '2'], /CID version 2/, 'x')
    await expectFailure(repo, ['add', '--cid-version', '0', '--hash', 'sha2-512'], /CIDv0 only supports sha2-256/, 'x')
    await expectFailure(repo, ['add', '--chunker', 'size-0'], /chunker/, 'x')
    await expectFailure(repo, ['add', '--chunker', 'bogus'], /chunker/, 'x')
    await expectFailure(repo, ['add', '--mode', '999'], /--mode must be an octal mode/, 'x')
    await expectFailure(repo, ['add', '--mtime-nsecs', '5'], /--mtime-nsecs needs --mtime/, 'x')
    await expectFailure(repo, ['add', '--nonsense'], /Unknown option '--nonsense'/, 'x')
    await expectFailure(repo, ['block', 'put', '--cid-codec', 'nope'], /unknown codec "nope"/, 'x')
    await expectFailure(repo, ['block', 'put', '--cid-codec', 'dag-cbor'], /cannot decode dag-cbor block/, 'not cbor')
    await expectFailure(repo, ['block', 'put'], /over 2097152 bytes/, new Uint8Array(2 * 1024 * 1024 + 1))
    await expectFailure(repo, ['block', 'get', 'bafy!notbase32'], /invalid CID/)
    await expectFailure(repo, ['dag', 'put'], /cannot decode dag-json/, '{not json')
    await expectFailure(repo, ['dag', 'get', '--output-codec', 'nope', hello], /unknown codec "nope"/)
    await expectFailure(repo, ['config', 'Import.CidVersion', '--json', '7'], /Import\.CidVersion/)
    await expectFailure(repo, ['nosuchverb'], /unknown command "nosuchverb"/)
    await expectFailure(repo, ['cat'], /cat takes at least 1 argument/)
    assert.equal(await snapshot(repo), before, 'the repo is untouched')
  } finally {
    await cleanup()
  }
})

test('a corrupt CAR and a corrupt block are rejected by name; verify reports the corrupt block', async () => {
  const { repo, cleanup } = await freshRepo()
  const dir = await tempDir()
  try {
    const root = (await planetaryOk(repo, ['add', '-Q', '--chunker', 'size-1000'], Buffer.alloc(5000, 'x'))).stdout.trim()
    const car = (await planetaryOk(repo, ['dag', 'export', root])).stdoutBytes
    const flipped = Buffer.from(car)
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 0xff
    await writeFile(join(dir.path, 'bad.car'), flipped)
    await writeFile(join(dir.path, 'short.car'), car.subarray(0, car.length - 7))
    await writeFile(join(dir.path, 'junk.car'), 'this is not a car file at all')
    const other = await freshRepo()
    try {
      await expectFailure(other.repo, ['dag', 'import', join(dir.path, 'bad.car')], /InvalidCarError|bad CAR|does not match/)
      await expectFailure(other.repo, ['dag', 'import', join(dir.path, 'short.car')], /bad CAR|CAR/)
      await expectFailure(other.repo, ['dag', 'import', join(dir.path, 'junk.car')], /not a CAR file|CAR/)
      assert.equal((await planetary(other.repo, ['repo', 'verify'])).code, 0)
    } finally {
      await other.cleanup()
    }
    const stored = CID.parse(root)
    const { blockKey, shardOf } = await import('../../src/repo/blockstore/flatfs-key.ts')
    const key = blockKey(stored)
    const file = join(repo, 'blocks', shardOf(key), `${key}.data`)
    const bytes = await readFile(file)
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1
    await writeFile(file, bytes)
    await expectFailure(repo, ['block', 'get', root], /does not match its hash/)
    await expectFailure(repo, ['cat', root], /does not match its hash/)
    const verify = await planetary(repo, ['repo', 'verify'])
    assert.notEqual(verify.code, 0)
    // listed by multihash, as Kubo's flatfs lists: the CIDv1 raw form of the block
    const listed = CID.createV1(0x55, stored.multihash).toString()
    assert.match(verify.stdout, new RegExp(`block ${listed} was corrupt`))
    assert.match(verify.stderr, /1 of \d+ blocks were corrupt/)
    // the same through a daemon holding the repo, and in Kubo's JSON lines
    const daemon = await runDaemon(repo, ['daemon'])
    try {
      const online = await planetary(repo, ['repo', 'verify'])
      assert.notEqual(online.code, 0)
      assert.match(online.stdout, new RegExp(`block ${listed} was corrupt`))
      assert.match(online.stderr, /RepoCorruptError|1 of \d+ blocks were corrupt/)
      const json = await planetary(repo, ['repo', 'verify', '--enc', 'json'])
      const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { Msg: string, Progress: number })
      assert.equal(lines.filter((l) => l.Msg.startsWith(`block ${listed} was corrupt`)).length, 1)
      assert.ok(lines.some((l) => l.Progress > 1), 'progress after each block')
    } finally {
      await daemon.stop()
    }
  } finally {
    await cleanup()
    await dir.cleanup()
  }
})

test('commands on a missing repo say how to create one; help works for every verb', async () => {
  const dir = await tempDir()
  try {
    const missing = join(dir.path, 'none')
    await expectFailure(missing, ['cat', 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o'], /no repo at .*planetary init/)
    await expectFailure(missing, ['repo', 'stat'], /planetary init/)
    const help = await planetaryOk(missing, ['--help'])
    const verbs = [...help.stdout.matchAll(/^ {2}([a-z][a-z ]*?) {2,}/gm)].map((m) => m[1] ?? '')
    assert.ok(verbs.length > 20, help.stdout)
    for (const verb of verbs) {
      const out = new PassThrough()
      let text = ''
      out.on('data', (d: Buffer) => { text += d.toString() })
      const code = await runCli([...verb.split(' '), '--help'], { stdin: new PassThrough(), stdout: out, stderr: out, env: { PLANETARY_PATH: missing }, interactive: false })
      assert.equal(code, 0, verb)
      assert.match(text, new RegExp(`^USAGE\\n  planetary ${verb}`))
    }
  } finally {
    await dir.cleanup()
  }
})
