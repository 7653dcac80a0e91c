// Round trips through a real repo: what `add` stores, `cat` (whole and in
// ranges) and `get` give back byte for byte, for files at the sizes where DAG
// shapes change, a tree with symlinks, modes and mtimes, and a HAMT shard.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { lstat, mkdir, readdir, readFile, readlink, symlink, utimes, chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freshRepo, planetaryOk, tempDir } from '../helpers/cli.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'

const CHUNK = 262144

/** Every entry under `root`: relative path, kind, bytes or target, mode, mtime. */
async function describe (root: string, withMeta: boolean): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name)
      const info = await lstat(path)
      const meta = withMeta && !info.isSymbolicLink() ? ` mode=${(info.mode & 0o7777).toString(8)} mtime=${Math.floor(info.mtimeMs / 1000)}` : ''
      if (info.isSymbolicLink()) out.push(`${rel}${name} -> ${await readlink(path)}`)
      else if (info.isDirectory()) {
        out.push(`${rel}${name}/${meta}`)
        await walk(path, `${rel}${name}/`)
      } else out.push(`${rel}${name} ${(await readFile(path)).toString('base64').slice(0, 64)} ${info.size}${meta}`)
    }
  }
  await walk(root, '')
  return out
}

test('cat returns the bytes added, whole and in ranges, at every DAG shape', async () => {
  const { repo, cleanup } = await freshRepo()
  try {
    for (const size of [0, 1, CHUNK + 1, 174 * CHUNK + 1, 40 * 1024 * 1024]) {
      const bytes = chacha20(`roundtrip-${size}`, size)
      for (const flags of [[], ['--cid-version', '1'], ['--trickle']]) {
        const cid = (await planetaryOk(repo, ['add', '-Q', ...flags], bytes)).stdout.trim()
        assert.ok((await planetaryOk(repo, ['cat', cid])).stdoutBytes.equals(bytes), `${size} ${flags.join(' ')}`)
        for (const [offset, length] of [[0, 1], [CHUNK - 3, 7], [Math.floor(size / 2), CHUNK + 11], [size - 1, 10]]) {
          if (size === 0 || offset === undefined || length === undefined || offset < 0) continue
          const part = (await planetaryOk(repo, ['cat', '--offset', String(offset), '--length', String(length), cid])).stdoutBytes
          assert.ok(part.equals(bytes.subarray(offset, offset + length)), `${size} ${flags.join(' ')} [${offset}, +${length})`)
        }
      }
    }
  } finally {
    await cleanup()
  }
})

test('get reproduces a tree with symlinks, modes and mtimes, and a HAMT-sharded directory', async () => {
  const { repo, cleanup } = await freshRepo('unixfs-v1-2025')
  const dir = await tempDir()
  try {
    const tree = join(dir.path, 'tree')
    await mkdir(join(tree, 'docs', 'empty'), { recursive: true })
    await writeFile(join(tree, 'docs', 'big.bin'), chacha20('big', 3 * 1024 * 1024 + 5))
    await writeFile(join(tree, 'script.sh'), '#!/bin/sh\necho hi\n')
    await chmod(join(tree, 'script.sh'), 0o751)
    await symlink('docs/big.bin', join(tree, 'link'))
    await symlink('/nowhere/at/all', join(tree, 'dangling'))
    const shard = join(tree, 'many')
    await mkdir(shard)
    for (let i = 0; i < 12000; i++) await writeFile(join(shard, `file-${i}`), String(i))
    for (const p of ['docs/empty', 'docs', 'script.sh', '']) await utimes(join(tree, p), 1_600_000_000, 1_600_000_000 + p.length)
    const root = (await planetaryOk(repo, ['add', '-r', '-Q', '--preserve-mode', '--preserve-mtime', tree])).stdout.trim()
    const ls = (await planetaryOk(repo, ['ls', `/ipfs/${root}/many`])).stdout.trim().split('\n')
    assert.equal(ls.length, 12000, 'ls lists every entry of the shard')
    assert.equal((await planetaryOk(repo, ['cat', `/ipfs/${root}/many/file-11999`])).stdout, '11999')
    const out = join(dir.path, 'out')
    await planetaryOk(repo, ['get', '-o', out, root])
    // Kubo (boxo's HAMT) stores no mode or mtime on a sharded directory, so the shard comes back with the defaults.
    const withoutShardMeta = (lines: string[]): string[] => lines.map((line) => line.startsWith('many/ ') ? 'many/' : line)
    assert.deepEqual(withoutShardMeta(await describe(out, true)), withoutShardMeta(await describe(tree, true)))
  } finally {
    await cleanup()
    await dir.cleanup()
  }
})
