// `planetary add` while a daemon runs: the files stream to it as Kubo's
// multipart upload, and the CIDs are the ones an offline add gives for the
// same tree and flags; the roots are pinned, progress and -w/-Q/--pin work.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { chmod, mkdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freshRepo, planetary, planetaryOk, tempDir } from '../helpers/cli.ts'
import { startTestDaemon } from '../helpers/daemon.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'

test('add through the daemon gives offline add\'s CIDs for files, trees, stdin and flags; roots are pinned', async () => {
  const dir = await tempDir()
  const tree = join(dir.path, 'tree')
  await mkdir(join(tree, 'sub', 'empty'), { recursive: true })
  await writeFile(join(tree, 'big.bin'), chacha20('daemon-add', 2 * 1024 * 1024 + 3))
  await writeFile(join(tree, 'sub', 'note.txt'), 'hello\n')
  await writeFile(join(tree, '.hidden'), 'secret')
  await chmod(join(tree, 'sub', 'note.txt'), 0o600)
  await symlink('sub/note.txt', join(tree, 'link'))
  await utimes(join(tree, 'sub'), 1_700_000_000, 1_700_000_000)
  const offline = await freshRepo()
  const daemon = await startTestDaemon()
  try {
    const cases: string[][] = [
      ['-r', tree],
      ['-r', '--hidden', '--cid-version', '1', tree],
      ['-r', '--preserve-mode', '--preserve-mtime', '--raw-leaves', tree],
      ['-r', '-w', '--chunker', 'size-65536', tree, join(tree, 'big.bin')],
      ['--trickle', join(tree, 'big.bin')]
    ]
    for (const flags of cases) {
      const expected = (await planetaryOk(offline.repo, ['add', ...flags])).stdout
      assert.equal((await planetaryOk(daemon.repo, ['add', ...flags])).stdout, expected, flags.join(' '))
    }
    const piped = (await planetaryOk(daemon.repo, ['add', '-Q'], 'hello world\n')).stdout.trim()
    assert.equal(piped, 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o')
    const root = (await planetaryOk(daemon.repo, ['add', '-r', '-Q', tree])).stdout.trim()
    const pins = JSON.parse((await planetaryOk(daemon.repo, ['pin', 'ls', '--type', 'recursive', '--enc', 'json'])).stdout) as { Keys: Record<string, unknown> }
    assert.ok(pins.Keys[root] !== undefined && pins.Keys[piped] !== undefined, 'roots are pinned')
    const unpinned = (await planetaryOk(daemon.repo, ['add', '-Q', '--pin=false'], 'not kept')).stdout.trim()
    assert.equal((JSON.parse((await planetaryOk(daemon.repo, ['pin', 'ls', '--enc', 'json'])).stdout) as { Keys: Record<string, unknown> }).Keys[unpinned], undefined)
    assert.equal((await planetaryOk(daemon.repo, ['cat', `/ipfs/${root}/sub/note.txt`])).stdout, 'hello\n')
    const progress = await planetaryOk(daemon.repo, ['add', '-Q', '--progress', join(tree, 'big.bin')])
    assert.match(progress.stderr, /100%|2\.0 MiB/, 'a progress bar on stderr')
    const bad = await planetary(daemon.repo, ['add', '--chunker', 'size-0', join(tree, 'big.bin')])
    assert.notEqual(bad.code, 0)
    assert.match(bad.stderr, /chunk/)
    const missing = await planetary(daemon.repo, ['add', join(dir.path, 'nope')])
    assert.notEqual(missing.code, 0)
    assert.match(missing.stderr, /ENOENT|no such file/)
  } finally {
    await daemon.stop()
    await offline.cleanup()
    await dir.cleanup()
  }
})

test('RPC add refuses bad uploads by name and keeps serving', async () => {
  const daemon = await startTestDaemon()
  try {
    const [, , host, , port] = (await readFile(join(daemon.repo, 'api'), 'utf8')).split('/')
    const add = async (query: string, contentType: string, body: string): Promise<{ status: number, name: string }> => {
      const res = await fetch(`http://${host ?? ''}:${port ?? ''}/api/v0/add${query}`, { method: 'POST', headers: { 'Content-Type': contentType }, body })
      const text = await res.text()
      const lines = text.trim().split('\n').map((l) => JSON.parse(l) as { Name?: string, Type?: string })
      return { status: res.status, name: lines.find((l) => l.Type === 'error')?.Name ?? '' }
    }
    const part = (filename: string): string => `--b\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\nhello\r\n--b--\r\n`
    assert.deepEqual(await add('', 'text/plain', 'not multipart'), { status: 400, name: 'BadRequestError' })
    assert.deepEqual(await add('', 'multipart/form-data; boundary=b', part('..%2Fescape')), { status: 400, name: 'InvalidImportOptionsError' })
    assert.deepEqual(await add('?chunker=size-0', 'multipart/form-data; boundary=b', part('a.txt')), { status: 400, name: 'InvalidChunkerError' })
    assert.deepEqual(await add('?cid-version=7', 'multipart/form-data; boundary=b', part('a.txt')), { status: 400, name: 'BadRequestError' })
    assert.equal((await planetaryOk(daemon.repo, ['add', '-Q'], 'hello world\n')).stdout.trim(), 'QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o', 'still serving')
  } finally {
    await daemon.stop()
  }
})
