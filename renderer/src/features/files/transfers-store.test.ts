// The transfers slice against a real daemon: real File objects uploaded
// through upload.ts (jsdom's XMLHttpRequest sends the multipart body to
// /api/v0/add) land in Files with the CIDs the CLI computes for the same
// bytes, nothing pinned; names already taken are kept both; imports queue;
// cancel leaves nothing; an unreachable node fails clearly; imports start
// strictly in the order asked for, even behind one still reading folders;
// progress counts file bytes, never past the total; "Add from IPFS" pins
// and places content, and takes back its pin when placing fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { planetaryOk, tempDir } from '../../../../node-core/test/helpers/cli.ts'
import { connectedDaemon, waitUntil } from '../../test/daemon.ts'
import { requireApi } from '../../lib/connection-store.ts'
import { files as t } from '../../texts/files.ts'
import { transferFailure } from './transfer-errors.ts'
import { useTransfers } from './transfers-store.ts'
import { upload } from '../../lib/upload.ts'
import type { ConnectedDaemon } from '../../test/daemon.ts'
import type { Transfer } from './transfers-store.ts'
import type { UploadEntry } from '../../lib/upload.ts'

let running: ConnectedDaemon
let repo: string

/** Put the jsdom page on the daemon's origin, as the web UI is (jsdom keeps its first origin for XHR's CORS check otherwise). */
function pageAt (origin: string): void {
  const env = globalThis as unknown as { jsdom: { reconfigure: (o: { url: string }) => void, window: { _origin: string } } }
  env.jsdom.reconfigure({ url: `${origin}/webui/` })
  env.jsdom.window._origin = origin
  useTransfers.setState({ origin: location.origin })
}

beforeAll(async () => {
  running = await connectedDaemon()
  repo = running.daemon.repo
  pageAt(running.daemon.origin)
})
afterAll(async () => { await running.stop() })

async function finishedTransfer (id: number): Promise<Transfer> {
  await waitUntil(() => ['done', 'failed', 'cancelled'].includes(transfer(id)?.status ?? ''), 30_000, `transfer ${id} to end`)
  return transfer(id) as Transfer
}

function transfer (id: number): Transfer | undefined {
  return useTransfers.getState().transfers.find((x) => x.id === id)
}

/** An import source whose folders are "still being read" until `release` is called. */
function slowEntries (): { entries: Promise<UploadEntry[]>, release: (list: UploadEntry[]) => void } {
  let release: (list: UploadEntry[]) => void = () => {}
  const entries = new Promise<UploadEntry[]>((resolve) => { release = resolve })
  return { entries, release }
}

function oneFile (name: string, text = name): UploadEntry[] {
  return [{ kind: 'file', path: name, file: new File([text], name) }]
}

async function recursivePins (): Promise<string[]> {
  return (await requireApi().pins.ls({ type: 'recursive' })).pins.map((p) => p.cid)
}

const odd = 'dir "q" é\nnl'
const bytes = new Uint8Array(1_300_000).map((_, i) => (i * 7) % 251)

describe('the transfers slice', () => {
  it('uploads a folder tree (empty folder, 0-byte file, odd names) into Files with the CLI\'s CIDs, pinning nothing', async () => {
    const entries: UploadEntry[] = [
      { kind: 'dir', path: odd },
      { kind: 'dir', path: `${odd}/empty` },
      { kind: 'file', path: `${odd}/zero`, file: new File([], 'zero') },
      { kind: 'file', path: `${odd}/big “quoted”.bin`, file: new File([bytes], 'big') }
    ]
    const id = useTransfers.getState().addImport({ kind: 'entries', entries }, '/in')
    const done = await finishedTransfer(id)
    expect(done.error).toBeUndefined()
    expect(done.status).toBe('done')
    expect(done.files).toBe(2)
    expect(done.total).toBe(bytes.byteLength)

    const api = requireApi()
    const [top] = (await api.files.ls({ path: '/in' })).entries
    expect(top?.name).toBe(odd)
    const inside = (await api.files.ls({ path: `/in/${odd}` })).entries
    expect(inside.map((e) => [e.name, e.type, e.size])).toEqual([['big “quoted”.bin', 'file', bytes.byteLength], ['empty', 'directory', 0], ['zero', 'file', 0]])

    // The same bytes and tree, hashed only (-n) by the CLI through the daemon.
    const fileCid = (await planetaryOk(repo, ['add', '-Q', '-n'], bytes)).stdout.trim()
    expect(inside.find((e) => e.name === 'big “quoted”.bin')?.cid).toBe(fileCid)
    const dir = await tempDir()
    try {
      await mkdir(join(dir.path, odd, 'empty'), { recursive: true })
      await writeFile(join(dir.path, odd, 'zero'), '')
      await writeFile(join(dir.path, odd, 'big “quoted”.bin'), bytes)
      const treeCid = (await planetaryOk(repo, ['add', '-r', '-Q', '-n', join(dir.path, odd)])).stdout.trim()
      expect(top?.cid).toBe(treeCid)
    } finally {
      await dir.cleanup()
    }
    expect((await api.pins.ls({ type: 'recursive' })).pins).toEqual([])
  })

  it('adds a name already in the folder as "name (2)", and runs one import at a time (the next shown queued)', async () => {
    const seen = new Map<number, Set<string>>()
    const off = useTransfers.subscribe((s) => {
      for (const x of s.transfers) seen.set(x.id, (seen.get(x.id) ?? new Set()).add(`${x.status}:${s.transfers.filter((y) => y.status === 'running').length}`))
    })
    const state = useTransfers.getState()
    const first = state.addImport({ kind: 'entries', entries: [{ kind: 'file', path: 'same.txt', file: new File([new Uint8Array(3_000_000)], 'same.txt') }] }, '/dup')
    const second = state.addImport({ kind: 'entries', entries: [{ kind: 'file', path: 'same.txt', file: new File(['two'], 'same.txt') }] }, '/dup')
    const a = await finishedTransfer(first)
    const b = await finishedTransfer(second)
    off()
    expect([a.status, b.status]).toEqual(['done', 'done'])
    expect(seen.get(second)?.has('queued:1')).toBe(true)
    expect(b.note).toBe(t.transfers.renamed('same.txt', 'same (2).txt'))
    const names = (await requireApi().files.ls({ path: '/dup' })).entries.map((e) => e.name)
    expect(names).toEqual(['same (2).txt', 'same.txt'])
  })

  it('cancels a running import: nothing in Files, nothing pinned', async () => {
    const big = new File([new Uint8Array(48_000_000).fill(1)], 'big.bin')
    const id = useTransfers.getState().addImport({ kind: 'entries', entries: [{ kind: 'file', path: 'big.bin', file: big }] }, '/cancelled')
    await waitUntil(() => transfer(id)?.status === 'running', 10_000, 'the import to start')
    useTransfers.getState().cancel(id)
    expect((await finishedTransfer(id)).status).toBe('cancelled')
    await expect(requireApi().files.ls({ path: '/cancelled/big.bin' })).rejects.toThrow()
    expect((await requireApi().pins.ls({ type: 'recursive' })).pins).toEqual([])
  })

  it('fails with a clear message when the node cannot be reached', async () => {
    useTransfers.setState({ origin: 'http://127.0.0.1:9' })
    try {
      const id = useTransfers.getState().addImport({ kind: 'entries', entries: [{ kind: 'file', path: 'x', file: new File(['x'], 'x') }] }, '/gone')
      const ended = await finishedTransfer(id)
      expect(ended.status).toBe('failed')
      expect(ended.error).toBe(t.transfers.gone)
    } finally {
      useTransfers.setState({ origin: location.origin })
    }
  })

  it('adds from IPFS: pins the content and places it in the folder', async () => {
    const cid = (await planetaryOk(repo, ['add', '-Q', '--pin=false'], 'fetched bytes')).stdout.trim()
    const id = useTransfers.getState().addFetch(`/ipfs/${cid}`, '/', 'fetched.txt')
    const ended = await finishedTransfer(id)
    expect(ended.error).toBeUndefined()
    expect(ended.status).toBe('done')
    const api = requireApi()
    expect((await api.files.stat({ path: '/fetched.txt' })).cid).toBe(cid)
    expect((await api.pins.ls({ type: 'recursive' })).pins.map((p) => p.cid)).toContain(cid)
  })

  it('starts imports strictly in the order asked for: a file dropped later waits for a folder still being read', async () => {
    const started: number[] = []
    const off = useTransfers.subscribe((s) => {
      for (const x of s.transfers) if (x.status === 'running' && !started.includes(x.id)) started.push(x.id)
    })
    const slow = slowEntries()
    const state = useTransfers.getState()
    const first = state.addImport({ kind: 'entries', entries: slow.entries }, '/order')
    const second = state.addImport({ kind: 'entries', entries: oneFile('second.txt') }, '/order')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(transfer(first)?.status).toBe('preparing')
    expect(transfer(second)?.status).toBe('queued')
    slow.release(oneFile('first.txt'))
    expect((await finishedTransfer(first)).status).toBe('done')
    expect((await finishedTransfer(second)).status).toBe('done')
    off()
    expect(started).toEqual([first, second])
    expect((await requireApi().files.ls({ path: '/order' })).entries.map((e) => e.name)).toEqual(['first.txt', 'second.txt'])
  })

  it('cancels an import still being read: the ones after it go on, and it stays cancelled when its folders arrive', async () => {
    const slow = slowEntries()
    const state = useTransfers.getState()
    const first = state.addImport({ kind: 'entries', entries: slow.entries }, '/order2')
    const second = state.addImport({ kind: 'entries', entries: oneFile('after.txt') }, '/order2')
    expect(transfer(first)?.status).toBe('preparing')
    state.cancel(first)
    expect((await finishedTransfer(second)).status).toBe('done')
    slow.release(oneFile('late.txt'))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(transfer(first)?.status).toBe('cancelled')
    expect((await requireApi().files.ls({ path: '/order2' })).entries.map((e) => e.name)).toEqual(['after.txt'])
    // Cleared, the ended ones are gone from the list.
    useTransfers.getState().clearFinished()
    expect(transfer(first)).toBeUndefined()
    expect(transfer(second)).toBeUndefined()
  })

  it('counts file bytes, not the multipart body: many small files never show more than their total', async () => {
    const entries: UploadEntry[] = [{ kind: 'dir', path: 'small' }, ...Array.from({ length: 300 }, (_, i) => ({ kind: 'file' as const, path: `small/f${i}.txt`, file: new File(['0123456789'], `f${i}.txt`) }))]
    const seen: Array<{ status: string, bytes: number, total: number | undefined }> = []
    const off = useTransfers.subscribe((s) => {
      for (const x of s.transfers) if (x.folder === '/small-files') seen.push({ status: x.status, bytes: x.bytes, total: x.total })
    })
    const id = useTransfers.getState().addImport({ kind: 'entries', entries }, '/small-files')
    const done = await finishedTransfer(id)
    off()
    expect(done.status).toBe('done')
    expect(done.total).toBe(3_000)
    expect(done.bytes).toBe(3_000)
    expect(done.imported).toBeGreaterThan(300)
    expect(seen.some((x) => x.status === 'running')).toBe(true)
    expect(Math.max(...seen.map((x) => x.bytes))).toBe(3_000)
  })

  it('says in words that a name is taken when the node refuses an upload, with the node\'s message as a detail', async () => {
    const err = await upload({ origin: location.origin, folder: '/dup', entries: oneFile('same.txt') }).then(() => undefined, (e: unknown) => e)
    const failure = transferFailure(err)
    expect(failure.error).toBe(t.transfers.exists)
    expect(failure.detail).toContain('already exists')
  })

  it('adds from IPFS into a name already taken: fails in words, and takes back the pin it made', async () => {
    const cid = (await planetaryOk(repo, ['add', '-Q', '--pin=false'], 'other bytes')).stdout.trim()
    const id = useTransfers.getState().addFetch(`/ipfs/${cid}`, '/', 'fetched.txt')
    const ended = await finishedTransfer(id)
    expect(ended.status).toBe('failed')
    expect(ended.error).toBe(t.transfers.exists)
    expect(ended.detail).toBeDefined()
    expect(await recursivePins()).not.toContain(cid)

    // A pin made before the fetch is not the fetch's to take back.
    const kept = (await planetaryOk(repo, ['add', '-Q'], 'kept bytes')).stdout.trim()
    expect(await recursivePins()).toContain(kept)
    const again = await finishedTransfer(useTransfers.getState().addFetch(`/ipfs/${kept}`, '/', 'fetched.txt'))
    expect(again.error).toBe(t.transfers.exists)
    expect(await recursivePins()).toContain(kept)
  })

  it('adds from IPFS into a folder that is gone: fails in words, nothing left pinned', async () => {
    const cid = (await planetaryOk(repo, ['add', '-Q', '--pin=false'], 'orphan bytes')).stdout.trim()
    const ended = await finishedTransfer(useTransfers.getState().addFetch(`/ipfs/${cid}`, '/no-such-folder', 'x.txt'))
    expect(ended.status).toBe('failed')
    expect(ended.error).toBe(t.transfers.folderGone)
    expect(await recursivePins()).not.toContain(cid)
  })
})
