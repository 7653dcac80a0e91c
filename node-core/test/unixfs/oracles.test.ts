// Seeded random files at the sizes where DAG shapes change (chunk and link
// boundaries, tens of MiB), and directories (nested, empty, HAMT-sharded):
// our importer's root CID against ipfs-unixfs-importer's with the same Kubo
// options, and, for Kubo's defaults, against Debian's ipfs_cid.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MemoryBlockstore as OracleStore } from 'blockstore-core/memory'
import { importer } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced, trickle } from 'ipfs-unixfs-importer/layout'
import { addSources } from '../../src/unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { defaultConfig } from '../../src/repo/config/defaults.ts'
import { tempDir } from '../helpers/cli.ts'
import { chacha20 } from '../helpers/vector-inputs.ts'
import type { ImportFlags } from '../../src/unixfs/importer/resolve-options.ts'
import type { ImportCandidate } from 'ipfs-unixfs-importer'

const CHUNK = 262144
const SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 174 * CHUNK, 174 * CHUNK + 1, 175 * CHUNK, 40 * 1024 * 1024]
const discard = { put: async (): Promise<void> => {} }
const imports = defaultConfig({ PeerID: 'x', PrivKey: 'x' }).Import

interface Variant { name: string, flags: ImportFlags, oracle: Record<string, unknown> }
const variants: Variant[] = [
  { name: 'default', flags: {}, oracle: { cidVersion: 0, rawLeaves: false, reduceSingleLeafToSelf: true, layout: balanced({ maxChildrenPerNode: 174 }) } },
  { name: '--cid-version 1', flags: { cidVersion: 1 }, oracle: { cidVersion: 1, rawLeaves: true, reduceSingleLeafToSelf: true, layout: balanced({ maxChildrenPerNode: 174 }) } },
  { name: '--raw-leaves', flags: { rawLeaves: true }, oracle: { cidVersion: 0, rawLeaves: true, reduceSingleLeafToSelf: true, layout: balanced({ maxChildrenPerNode: 174 }) } },
  { name: '--trickle', flags: { trickle: true }, oracle: { cidVersion: 0, rawLeaves: false, leafType: 'raw', reduceSingleLeafToSelf: false, layout: trickle({ maxChildrenPerNode: 174, layerRepeat: 4 }) } }
]

async function ours (path: string, flags: ImportFlags, config = imports): Promise<string> {
  const [root] = await addSources(discard, [{ path }], resolveImporterOptions(config, flags), { recursive: true, hidden: true })
  return root?.cid.toString() ?? ''
}

async function oracle (candidates: ImportCandidate[], options: Record<string, unknown>): Promise<string> {
  let last = ''
  for await (const entry of importer(candidates, new OracleStore(), { chunker: fixedSize({ chunkSize: CHUNK }), wrapWithDirectory: false, ...options })) last = entry.cid.toString()
  return last
}

test('files at chunk and link boundaries and 40 MiB: same root as ipfs-unixfs-importer and ipfs_cid', async () => {
  const dir = await tempDir()
  try {
    for (const size of SIZES) {
      const bytes = chacha20(`oracle-${size}`, size)
      const path = join(dir.path, `f${size}`)
      await writeFile(path, bytes)
      for (const v of variants) {
        const expected = await oracle([{ path: 'f', content: bytes }], v.oracle)
        assert.equal(await ours(path, v.flags), expected, `${size} bytes, ${v.name}`)
        if (v.name === 'default') assert.equal((JSON.parse(execFileSync('ipfs_cid', [path]).toString()) as { CIDv0: string }).CIDv0, expected, `${size} bytes: ipfs_cid`)
      }
    }
  } finally {
    await dir.cleanup()
  }
})

test('nested directories with empty ones, and a HAMT-sharded directory: same root as ipfs-unixfs-importer', async () => {
  const dir = await tempDir()
  try {
    const tree = join(dir.path, 'tree')
    const files: Array<[string, Uint8Array]> = [['a.txt', chacha20('a', 10)], ['sub/b.bin', chacha20('b', 300_000)], ['sub/deeper/c', chacha20('c', 5)], ['z', new Uint8Array(0)]]
    for (const [name, bytes] of files) {
      await mkdir(join(tree, name, '..'), { recursive: true })
      await writeFile(join(tree, name), bytes)
    }
    await mkdir(join(tree, 'empty'))
    await mkdir(join(tree, 'sub', 'also-empty'))
    const candidates: ImportCandidate[] = [
      ...files.map(([name, bytes]) => ({ path: `tree/${name}`, content: bytes })),
      { path: 'tree/empty' },
      { path: 'tree/sub/also-empty' }
    ]
    for (const v of variants.slice(0, 2)) assert.equal(await ours(tree, v.flags), await oracle(candidates, v.oracle), `tree, ${v.name}`)

    const big = join(dir.path, 'big')
    await mkdir(big)
    const names = Array.from({ length: 5000 }, (_, i) => `entry-${i.toString(36).padStart(6, '0')}-with-a-longer-name`)
    for (const name of names) await writeFile(join(big, name), name)
    const bigCandidates = names.map((name) => ({ path: `big/${name}`, content: new TextEncoder().encode(name) }))
    for (const [estimation, strategy] of [['links', 'links-bytes'], ['block', 'block-bytes']] as const) {
      const config = { ...imports, UnixFSHAMTDirectorySizeEstimation: estimation }
      const expected = await oracle(bigCandidates, { ...variants[1]?.oracle, shardSplitThresholdBytes: 262144, shardSplitStrategy: strategy })
      assert.equal(await ours(big, { cidVersion: 1 }, config), expected, `HAMT, ${estimation}`)
    }
  } finally {
    await dir.cleanup()
  }
})
