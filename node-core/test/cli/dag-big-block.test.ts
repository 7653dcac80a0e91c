// `dag import --allow-big-block`, offline on the repo and through a daemon:
// a block over 2 MiB is refused by name without the flag, taken and pinned
// with it, and one over 4 MiB is refused either way.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CID } from 'multiformats/cid'
import * as raw from 'multiformats/codecs/raw'
import { sha256 } from 'multiformats/hashes/sha2'
import { BIG_BLOCK_LIMIT, MAX_BLOCK_SIZE } from '../../src/dag/limits.ts'
import { carOf } from '../helpers/car.ts'
import { startTestDaemon } from '../helpers/daemon.ts'
import { freshRepo, planetary, planetaryOk, tempDir } from '../helpers/cli.ts'

/** A CAR file in `dir` holding one raw block of `size` bytes (rooted at it), and that block's CID. */
async function bigCar (dir: string, name: string, size: number): Promise<{ file: string, cid: CID, bytes: Uint8Array }> {
  const bytes = new Uint8Array(size).map((_, i) => (i * 31) & 0xff)
  const cid = CID.createV1(raw.code, await sha256.digest(bytes))
  const file = join(dir, name)
  await writeFile(file, await carOf([cid], [{ cid, bytes }]))
  return { file, cid, bytes }
}

async function checkImports (repo: string, dir: string): Promise<void> {
  const big = await bigCar(dir, 'big.car', MAX_BLOCK_SIZE + 1024)
  const refused = await planetary(repo, ['dag', 'import', big.file])
  assert.notEqual(refused.code, 0)
  assert.match(refused.stderr, /BlockTooLargeError|over the 2097152-byte limit/)
  assert.notEqual((await planetary(repo, ['block', 'stat', '--offline', big.cid.toString()])).code, 0, 'nothing stored by the refused import')

  const taken = await planetaryOk(repo, ['dag', 'import', '--allow-big-block', big.file])
  assert.match(taken.stdout, new RegExp(`Pinned root\\t${big.cid.toString()}\\tsuccess`))
  assert.ok((await planetaryOk(repo, ['block', 'get', big.cid.toString()])).stdoutBytes.equals(big.bytes))
  assert.match((await planetaryOk(repo, ['pin', 'ls', '--type', 'recursive'])).stdout, new RegExp(big.cid.toString()))

  const over = await bigCar(dir, 'over.car', BIG_BLOCK_LIMIT + 1)
  const overRefused = await planetary(repo, ['dag', 'import', '--allow-big-block', over.file])
  assert.notEqual(overRefused.code, 0)
  assert.match(overRefused.stderr, /BlockTooLargeError|over the 4194304-byte limit/)
  assert.notEqual((await planetary(repo, ['block', 'stat', '--offline', over.cid.toString()])).code, 0, 'nothing stored by the refused import')
}

test('dag import --allow-big-block on the repo itself', async () => {
  const { repo, cleanup } = await freshRepo()
  const dir = await tempDir()
  try {
    await checkImports(repo, dir.path)
    assert.equal((await planetary(repo, ['repo', 'verify'])).code, 0)
  } finally {
    await dir.cleanup()
    await cleanup()
  }
})

test('dag import --allow-big-block through a running daemon', async () => {
  const daemon = await startTestDaemon()
  const dir = await tempDir()
  try {
    await checkImports(daemon.repo, dir.path)
  } finally {
    await dir.cleanup()
    await daemon.stop()
  }
})
