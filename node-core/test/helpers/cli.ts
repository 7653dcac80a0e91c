// Run the real `planetary` executable in a child process, as a user would.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** What a run printed and how it exited. */
export interface CliResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  stdoutBytes: Buffer
}

/** The `planetary` executable (spelled without `new URL(…, import.meta.url)`, which Vite rewrites when the web UI's tests import this helper). */
export const CLI = join(dirname(fileURLToPath(import.meta.url)), '../../bin/planetary.js')

/** Run `planetary ...args` against the repo at `repo`, feeding `input` on stdin. */
export async function planetary (repo: string, args: string[], input?: Uint8Array | string): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, PLANETARY_PATH: repo }, stdio: ['pipe', 'pipe', 'pipe'] })
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout.on('data', (d: Buffer) => out.push(d))
  child.stderr.on('data', (d: Buffer) => err.push(d))
  child.stdin.end(input)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])))
  const stdoutBytes = Buffer.concat(out)
  return { code, signal, stdout: stdoutBytes.toString(), stderr: Buffer.concat(err).toString(), stdoutBytes }
}

/** Like `planetary`, but fails the test with its stderr unless it exits 0. */
export async function planetaryOk (repo: string, args: string[], input?: Uint8Array | string): Promise<CliResult> {
  const result = await planetary(repo, args, input)
  if (result.code !== 0) throw new Error(`planetary ${args.join(' ')} exited ${result.code}: ${result.stderr}`)
  return result
}

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir (prefix = 'planetary-test-'): Promise<{ path: string, cleanup: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  // maxRetries: a recursive rm can meet ENOTEMPTY once on a loaded machine (seen on CI, a flatfs test's dir) and succeeds when tried again.
  return { path, cleanup: async () => { await rm(path, { recursive: true, force: true, maxRetries: 3 }) } }
}

/** A new repo (test profile plus `profiles`) in a fresh temp dir. */
export async function freshRepo (profiles = ''): Promise<{ repo: string, cleanup: () => Promise<void> }> {
  const dir = await tempDir()
  const repo = join(dir.path, 'repo')
  await planetaryOk(repo, ['init', '--profile', ['test', profiles].filter((p) => p !== '').join(',')])
  return { repo, cleanup: dir.cleanup }
}
