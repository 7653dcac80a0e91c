// Crash safety: SIGKILL a large `add` at random points; the repo must open,
// verify clean, and take the same add again. Some rounds feed the add on stdin
// and hold stdin open, so the kill surely lands before the add could finish;
// the others add the file and are killed at a random time, which may be late.
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

/** How a child ended: its signal, or `exit <code>`. */
async function ending (child: ReturnType<typeof spawn>): Promise<string> {
  const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])))
  return signal ?? `exit ${code}`
}

/**
 * Start `add` on stdin and feed it `data`, keeping stdin open so that it
 * cannot finish; SIGKILL it `ms` after it has taken the first `bytes`, the
 * rest still being written to it, so the kill lands while it works.
 */
async function addFedThenKilled (repo: string, data: Buffer, bytes: number, ms: number): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'add', '-Q'], { env: { ...process.env, PLANETARY_PATH: repo }, stdio: ['pipe', 'ignore', 'ignore'] })
  const ended = ending(child)
  child.stdin.on('error', () => {})
  let deadline: ReturnType<typeof setTimeout> | undefined
  try {
    await Promise.race([
      new Promise<void>((resolve) => child.stdin.write(data.subarray(0, bytes), () => resolve())),
      new Promise<never>((_resolve, reject) => { deadline = setTimeout(() => reject(new Error(`add did not read its first ${bytes} bytes in 60 s`)), 60_000) })
    ])
  } catch (err) {
    child.kill('SIGKILL')
    throw err
  } finally {
    clearTimeout(deadline)
  }
  child.stdin.write(data.subarray(bytes))
  await new Promise((resolve) => setTimeout(resolve, ms))
  child.kill('SIGKILL')
  return await ended
}

/** Start `add` of `file`, SIGKILL it after `ms`; resolves with how it ended. */
async function addKilledAfter (repo: string, file: string, ms: number): Promise<string> {
  const child = spawn(process.execPath, [CLI, 'add', '-Q', file], { env: { ...process.env, PLANETARY_PATH: repo }, stdio: 'ignore' })
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  const ended = await ending(child)
  clearTimeout(timer)
  return ended
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
    for (let round = 0; round < 5; round++) {
      const held = round % 2 === 0
      const ending = held
        ? await addFedThenKilled(repo, data, Math.floor((0.1 + Math.random() * 0.6) * SIZE), Math.random() * 200)
        : await addKilledAfter(repo, file, 100 + Math.random() * Math.max(100, fullAdd - 150))
      if (held) assert.equal(ending, 'SIGKILL', `round ${round}: an add still waiting for stdin ended by itself`)
      const verify = await planetary(repo, ['repo', 'verify'])
      assert.equal(verify.code, 0, `round ${round} (${ending}): repo verify failed: ${verify.stdout}${verify.stderr}`)
      assert.deepEqual(await readdir(join(repo, 'blocks', '.temp')), [], 'temporary files are removed on open')
    }
    const again = await planetaryOk(repo, ['add', '-Q', file])
    assert.equal(again.stdout.trim(), expected)
    assert.equal((await planetary(repo, ['repo', 'verify'])).code, 0)
    const cat = await planetaryOk(repo, ['cat', expected])
    assert.ok(cat.stdoutBytes.equals(data), 'cat returns the bytes that were added')
  } finally {
    await cleanup()
  }
})
