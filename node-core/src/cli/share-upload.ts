/**
 * What `share send` offers, put into the daemon first. The daemon may run
 * on another machine than the files, so the paths are uploaded as `add`
 * sends them (Kubo's multipart body, streamed from disk) with `pin=false`
 * and `to-files`, which keeps them in the Files tree under /Shared (so GC
 * keeps them while they are offered), placed in one edit, all or none.
 *
 * One path is placed as `/Shared/<its name>` and offered under its name.
 * Several are placed together in a new folder, `/Shared/<N> items` (the
 * name the node gives several paths it imports itself), which is the item
 * offered as wrapped, so the receiver saves its entries side by side. A name already taken in /Shared
 * gets " (1)", " (2)"... before its extension, so each send has an entry
 * of its own, which `unshare` takes back when the offer is refused.
 */
import { lstat, readdir, realpath } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { freeName, safeSegment } from '../share/names.ts'
import { multipartBody } from './multipart-upload.ts'
import { ProgressBar } from './progress.ts'
import { SendPathError } from './share-errors.ts'
import type { RpcClient } from './rpc-client.ts'
import type { Writable } from 'node:stream'

/** The Files folder that sent content is kept in. */
export const SHARED_FOLDER = '/Shared'

/** Local paths checked for sending: what they are called together, and their size. */
export interface Sendable {
  /** Absolute, symlinks resolved (a link given by name sends what it points to). */
  paths: string[]
  /** The item's name: the one path's name, or the wrapping folder's. */
  name: string
  /** Bytes of the files that will be uploaded. */
  bytes: number
}

/** Content uploaded for a send: its root, its name, and where it is in Files. */
export interface Shared {
  cid: string
  name: string
  filesPath: string
}

/**
 * Check `paths` before anything is uploaded: SendPathError for a path that
 * does not exist or is not a file or folder, or two with the same name;
 * UnsafeFileNameError for a name no receiver may save.
 */
export async function sendable (paths: string[], hidden: boolean): Promise<Sendable> {
  const resolved: string[] = []
  const names = new Set<string>()
  let bytes = 0
  for (const path of paths) {
    const real = await realpath(path).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ENOENT' || err.code === 'ENOTDIR' ? new SendPathError(`no such file or folder: ${path}`) : err
    })
    const info = await lstat(real)
    if (!info.isFile() && !info.isDirectory()) throw new SendPathError(`${path} is not a file or a folder`)
    const name = safeSegment(basename(real))
    if (names.has(name)) throw new SendPathError(`two paths are named ${JSON.stringify(name)}: send them separately or rename one`)
    names.add(name)
    bytes += await sizeOf(real, hidden)
    resolved.push(real)
  }
  const only = resolved.length === 1 ? basename(resolved[0] ?? '') : undefined
  return { paths: resolved, name: only ?? `${resolved.length} items`, bytes }
}

async function sizeOf (path: string, hidden: boolean): Promise<number> {
  const info = await lstat(path)
  if (info.isFile()) return info.size
  if (!info.isDirectory()) return 0
  let total = 0
  for (const name of await readdir(path)) {
    if (hidden || !name.startsWith('.')) total += await sizeOf(join(path, name), hidden)
  }
  return total
}

/** Upload `what` into /Shared under a free name; a progress bar on `progress` (a terminal) while it goes. */
export async function upload (daemon: RpcClient, what: Sendable, hidden: boolean, progress: Writable | undefined): Promise<Shared> {
  const taken = await sharedNames(daemon)
  const place = `${SHARED_FOLDER}/${await freeName(what.name, async (name) => taken.has(name))}`
  const wrap = what.paths.length > 1
  const { contentType, body } = multipartBody(what.paths, undefined, '', { recursive: true, hidden, preserveMode: false, preserveMtime: false })
  const query = { pin: false, 'to-files': wrap ? `${place}/` : place, progress: progress !== undefined }
  const bar = progress === undefined ? undefined : new ProgressBar(progress, what.bytes)
  let sent = 0
  for await (const line of daemon.upload('add', query, contentType, body)) {
    const { Hash, Bytes } = line as { Hash?: string, Bytes?: number }
    if (Hash === undefined) {
      bar?.advance((Bytes ?? sent) - sent)
      sent = Bytes ?? sent
    }
  }
  bar?.finish()
  const root = (await daemon.call('files/stat', [place]) as { Hash: string }).Hash
  return { cid: root, name: what.name, filesPath: place }
}

/** The names in /Shared now (none when it does not exist yet). */
async function sharedNames (daemon: RpcClient): Promise<Set<string>> {
  try {
    const { Entries } = await daemon.call('files/ls', [SHARED_FOLDER]) as { Entries: Array<{ Name: string }> | null }
    return new Set((Entries ?? []).map((entry) => entry.Name))
  } catch (err) {
    if ((err as Error).name === 'MfsNotFoundError') return new Set()
    throw err
  }
}

/** Take an upload back out of Files (its offer was refused, so nothing of it was sent). */
export async function unshare (daemon: RpcClient, shared: Shared): Promise<void> {
  await daemon.call('files/rm', [shared.filesPath], { recursive: true })
}
