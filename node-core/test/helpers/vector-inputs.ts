// The inputs of test/vectors/unixfs_add.json, made real on disk: file
// contents from their generators (UTF-8 text, ChaCha20, Go's math/rand v1),
// modes, mtimes, symlinks and directories. Every generated content is checked
// against the sha256 the vector records.
import { execFileSync } from 'node:child_process'
import { createCipheriv, createHash } from 'node:crypto'
import { chmod, lutimes, mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { vectorPath } from './vectors.ts'

export interface Content { kind: string, value?: string, seed?: number | string, size?: number }
export interface Mtime { secs: number, nsecs?: number }
export interface Entry { path: string, type: 'file' | 'symlink' | 'directory', content?: Content, target?: string, mode?: number | string, mtime?: Mtime, sha256?: string }
export interface GeneratedDir { kind: string, seed: string, numFiles: number, nameLen: number, lastNameLen: number, fileContent: string }
export interface VectorInput { type: 'file' | 'symlink' | 'directory', name?: string, content?: Content, target?: string, mode?: number | string, mtime?: Mtime, sha256?: string, entries?: Entry[] | GeneratedDir }
export interface VectorCase { id: string, command: string, options: Record<string, unknown>, input: VectorInput, expected: Array<{ path: string, cid: string }> }

export const VECTORS = vectorPath('unixfs_add.json')

/** ChaCha20 keystream of `size` bytes, key SHA-256(seed), zero nonce (Kubo's test/cli generator). */
export function chacha20 (seed: string, size: number): Buffer {
  const key = createHash('sha256').update(seed).digest()
  return createCipheriv('chacha20', key, Buffer.alloc(16)).update(Buffer.alloc(size))
}

const goCache = join(tmpdir(), 'planetary-go-cache')

/** Go 1.x math/rand v1 bytes for (seed, size), from fixtures/gorand.go. */
export function goMathRand (seed: number, size: number): Buffer {
  return execFileSync('go', ['run', new URL('../fixtures/gorand.go', import.meta.url).pathname, String(seed), String(size)], {
    env: { ...process.env, GOCACHE: goCache, GOPATH: join(goCache, 'path'), GOFLAGS: '-mod=mod', HOME: process.env.HOME ?? tmpdir() },
    maxBuffer: 64 * 1024 * 1024
  })
}

/** The bytes of a content description, checked against `sha256` when given. */
export function contentBytes (content: Content, sha256?: string): Buffer {
  let bytes: Buffer
  if (content.kind === 'utf8') bytes = Buffer.from(content.value ?? '', 'utf8')
  else if (content.kind === 'chacha20') bytes = chacha20(String(content.seed), content.size ?? 0)
  else if (content.kind === 'go-math-rand-v1') bytes = goMathRand(Number(content.seed), content.size ?? 0)
  else throw new Error(`unknown content kind ${content.kind}`)
  if (sha256 !== undefined) {
    const actual = createHash('sha256').update(bytes).digest('hex')
    if (actual !== sha256) throw new Error(`generated ${content.kind} content has sha256 ${actual}, the vector says ${sha256}`)
  }
  return bytes
}

const ALPHABET_EASY = 'abcdefghijklmnopqrstuvwxyz01234567890-_'

/** Kubo test/cli createDeterministicFiles names: a ChaCha20 stream read name by name. */
export function profileDirNames (gen: GeneratedDir): string[] {
  const stream = chacha20(gen.seed, 1024 * 1024)
  const names: string[] = []
  let at = 0
  for (let i = 0; i < gen.numFiles; i++) {
    const length = i === gen.numFiles - 1 ? gen.lastNameLen : gen.nameLen
    let name = ''
    for (let j = 0; j < length; j++) name += ALPHABET_EASY[(stream[at++] ?? 0) % ALPHABET_EASY.length]
    names.push(name)
  }
  return names
}

function modeOf (mode: number | string | undefined): number | undefined {
  if (mode === undefined) return undefined
  return typeof mode === 'number' ? mode : Number.parseInt(mode, 8)
}

async function applyMeta (path: string, entry: { mode?: number | string, mtime?: Mtime }, isLink: boolean): Promise<void> {
  const mode = modeOf(entry.mode)
  if (mode !== undefined && !isLink) await chmod(path, mode)
  if (entry.mtime !== undefined) {
    const when = entry.mtime.secs + (entry.mtime.nsecs ?? 0) / 1e9
    if (isLink) await lutimes(path, when, when)
    else await utimes(path, when, when)
  }
}

/** Write a vector input under a fresh temp dir; returns the path to give `add` (and stdin bytes for files), and how to remove it. */
export async function materialize (input: VectorInput): Promise<{ path: string, bytes?: Buffer, cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'planetary-vector-'))
  const cleanup = async (): Promise<void> => { await rm(root, { recursive: true, force: true }) }
  const path = join(root, input.name ?? (input.type === 'directory' ? 'dir' : 'f'))
  if (input.type === 'file') {
    const bytes = contentBytes(input.content ?? { kind: 'utf8', value: '' }, input.sha256)
    await writeFile(path, bytes)
    await applyMeta(path, input, false)
    return { path, bytes, cleanup }
  }
  if (input.type === 'symlink') {
    await symlink(input.target ?? '', path)
    await applyMeta(path, input, true)
    return { path, cleanup }
  }
  await mkdir(path)
  const entries = input.entries ?? []
  if (Array.isArray(entries)) {
    const dirs: Array<[string, Entry]> = []
    for (const entry of entries) {
      const target = join(path, entry.path)
      await mkdir(dirname(target), { recursive: true })
      if (entry.type === 'directory') {
        await mkdir(target, { recursive: true })
        dirs.push([target, entry])
      } else if (entry.type === 'symlink') {
        await symlink(entry.target ?? '', target)
        await applyMeta(target, entry, true)
      } else {
        await writeFile(target, contentBytes(entry.content ?? { kind: 'utf8', value: '' }, entry.sha256))
        await applyMeta(target, entry, false)
      }
    }
    for (const [target, entry] of dirs) await applyMeta(target, entry, false)
  } else {
    for (const name of profileDirNames(entries)) await writeFile(join(path, name), entries.fileContent)
  }
  await applyMeta(path, input, false)
  return { path, cleanup }
}
