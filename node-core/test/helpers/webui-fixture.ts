// A web UI folder of its own for tests (serveWebui's `root`), six levels
// down a temporary tree that holds, at every level above it, files named
// like the repo's (package.json, webui.ts, node-core/src/daemon/webui.ts)
// whose text is a marker no served page contains: a request that escapes
// the folder and reads one shows its marker.
import { request } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tempDir } from './cli.ts'

/** How many levels above the root hold marker files. */
export const DEPTHS = 6

/** A web UI folder and the marker files around it. */
export interface WebuiFixture {
  /** The folder to serve: index.html, assets/app.js. */
  root: string
  /** What a marker file at `depth` levels above the root says. */
  marker(depth: number): string
  /** Paths, relative to the level `depth` above the root, of that level's marker files. */
  targets: readonly string[]
  cleanup(): Promise<void>
}

const TARGETS = ['package.json', 'webui.ts', 'node-core/src/daemon/webui.ts'] as const

/** Make the folder and its markers. */
export async function webuiFixture (): Promise<WebuiFixture> {
  const dir = await tempDir('planetary-webui-')
  const levels = Array.from({ length: DEPTHS }, (_, i) => `level${DEPTHS - i}`)
  const root = join(dir.path, ...levels, 'dist')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Planetary</title><div id="root"></div>\n')
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("app")\n')
  const marker = (depth: number): string => `ESCAPED-MARKER-${depth}-OUT-OF-THE-WEBUI`
  for (let depth = 1; depth <= DEPTHS; depth++) {
    const level = join(dir.path, ...levels.slice(0, DEPTHS - depth + 1))
    for (const target of TARGETS) {
      await mkdir(join(level, target, '..'), { recursive: true })
      await writeFile(join(level, target), `${marker(depth)}\n`)
    }
  }
  return { root, marker, targets: TARGETS, cleanup: dir.cleanup }
}

/** Request paths that try to leave the web UI folder `depth` levels up to `target`, plain and encoded every way a server might decode. */
export function escapes (depth: number, target: string): string[] {
  const up = (step: string): string => step.repeat(depth)
  const encodedTarget = target.replaceAll('/', '%2f')
  return [
    `/webui/${up('../')}${target}`,
    `/webui/${up('%2e%2e%2f')}${target}`,
    `/webui/${up('%2E%2E%2F')}${encodedTarget}`,
    `/webui/${up('..%2f')}${target}`,
    `/webui/${up('..%2F')}${encodedTarget}`,
    `/webui/${up('%2e%2e/')}${target}`,
    `/webui/${up('.%2e/')}${target}`,
    `/webui/assets/..%2f${up('..%2f')}${target}`,
    `/webui/${up('..%5c')}${target}`,
    `/webui/${up('%252e%252e%252f')}${target}`,
    `/webui/${up('....//')}${target}`
  ]
}

/** GET `path` from 127.0.0.1:`port` with the request target sent exactly as written. */
export async function rawGet (port: number, path: string): Promise<{ status: number, headers: Record<string, string | string[] | undefined>, text: string }> {
  return await new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }) })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}
