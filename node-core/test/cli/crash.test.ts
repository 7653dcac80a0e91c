// Crash safety: SIGKILL a large `add` at random points; the repo must open,
// verify clean, and take the same add again.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { createCipheriv, createHash } from 'node:crypto'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CLI, freshRepo, planetary, planetaryOk } from '../helpers/cli.ts'

const SIZE = 48 * 1024 * 1024

function seeded (size: number, seed: string): Buffer {
  const cipher = createCipheriv('chacha20', createHash('sha256').update(seed).digest(), Buffer.alloc(16))
  return cipher.update(Buffer.alloc(size))
}

/** Start `add`, SIGKILL it after `ms`; resolves with how it ended. */
async function addKilledAfter (repo: string, file: string, ms: number): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'add', '-Q', file], { env: { ...process.env, PLANETARY_PATH: repo }, stdio: 'ignore' })
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])))
  clearTimeout(timer)
  return signal ?? `exit ${code}`
}

test('SIGKILL during add leaves a repo that opens, verifies clean and takes the add again', async () => {
  const { repo, cleanup } = await freshRepo()
  try {
    const file = join(repo, '..', 'big.bin')
    const data = seeded(SIZE, 'crash-test')
    await writeFile(file, data)
    const expected = (await planetaryOk(repo, ['add', '-Q', '--only-hash', file])).stdout.trim()
    const started = performance.now()
    const reference = await freshRepo()
    await planetaryOk(reference.repo, ['add', '-Q', file])
    await reference.cleanup()
    const fullAdd = performance.now() - started
    let killed = 0
    for (let round = 0; round < 5; round++) {
      const ending = await addKilledAfter(repo, file, 100 + Math.random() * Math.max(100, fullAdd - 150))
      if (ending === 'SIGKILL') killed++
      const verify = await planetary(repo, ['repo', 'verify'])
      assert.equal(verify.code, 0, `round ${round} (${ending}): repo verify failed: ${verify.stdout}${verify.stderr}`)
      assert.deepEqual(await readdir(join(repo, 'blocks', '.temp')), [], 'temporary files are removed on open')
    }
    assert.ok(killed > 0, 'at least one add was killed mid-way')
    const again = await planetaryOk(repo, ['add', '-Q', file])
    assert.equal(again.stdout.trim(), expected)
    assert.equal((await planetary(repo, ['repo', 'verify'])).code, 0)
    const cat = await planetaryOk(repo, ['cat', expected])
    assert.ok(cat.stdoutBytes.equals(data), 'cat returns the bytes that were added')
  } finally {
    await cleanup()
  }
})
