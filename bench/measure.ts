// Shared benchmark helpers: seeded input files, timing a child process with
// its peak RSS, the table, and the JSON record.
import { spawn } from 'node:child_process'
import { createCipheriv, createHash } from 'node:crypto'
import { mkdir, open, stat, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'

/** A timed run: wall seconds, peak RSS in bytes, and what it printed. */
export interface Run {
  seconds: number
  maxRss: number
  stdout: string
}

/** A file of `size` seeded pseudo-random bytes (ChaCha20 keystream), made once. */
export async function seededFile (dir: string, size: number, seed: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const path = join(dir, `${seed}-${size}.bin`)
  const existing = await stat(path).catch(() => undefined)
  if (existing?.size === size) return path
  const key = createHash('sha256').update(seed).digest()
  const cipher = createCipheriv('chacha20', key, Buffer.alloc(16))
  const zeros = Buffer.alloc(1 << 20)
  const file = await open(path, 'w')
  for (let written = 0; written < size; written += zeros.length) {
    await file.write(cipher.update(zeros.subarray(0, Math.min(zeros.length, size - written))))
  }
  await file.close()
  return path
}

/** Run `args` with the project's Node; the child prints its maxRSS (KiB) on stderr as `maxrss=N`. */
export async function timeChild (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', new URL('./children/report-rss.ts', import.meta.url).pathname, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const seconds = (performance.now() - started) / 1000
  if (code !== 0) throw new Error(`${args.join(' ')} exited ${code}: ${stderr}`)
  const match = /maxrss=(\d+)/.exec(stderr)
  return { seconds, maxRss: Number(match?.[1] ?? 0) * 1024, stdout }
}

/** Print rows as an aligned table. */
export function printTable (headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |'
  const text = [line(headers), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n')
  process.stdout.write(text + '\n')
  return text
}

/** The machine, for the record. */
export function machine (): string {
  return `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

/** Write a result record to bench/results/<name>-<date>.json. */
export async function saveResult (name: string, record: unknown): Promise<string> {
  const dir = new URL('./results/', import.meta.url).pathname
  await mkdir(dir, { recursive: true })
  const path = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  await writeFile(path, JSON.stringify(record, null, 2) + '\n')
  return path
}
