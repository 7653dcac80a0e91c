/**
 * Kubo's `add --to-files=<MFS path>`: the roots of an add placed in the
 * Files tree. A path ending in `/` is a directory (created with its
 * parents) that receives each top-level root under its own name; any
 * other path receives the one root itself. An entry already there is an
 * MfsExistsError, as in Kubo. The roots are linked (their blocks are all
 * here, so nothing is read again) while the add holds the shared GC lock,
 * after its blocks are synced, so no collection runs between the add and
 * the link; `pin` keeps its own meaning.
 */
import { MfsExistsError } from '../../../mfs/errors.ts'
import { formatMfsPath, parseMfsPath } from '../../../mfs/path.ts'
import { BadRequestError } from '../../errors.ts'
import type { Mfs } from '../../../mfs/mfs.ts'
import type { CID } from 'multiformats/cid'

/** Where an add's roots go in the Files tree. */
export interface ToFiles {
  /** The option as given, for messages. */
  text: string
  /** The cleaned path's segments. */
  segments: string[]
  /** The path ended in `/` (or is `/`): roots go inside it under their own names. */
  intoDirectory: boolean
}

/** A top-level root of an add: its name (path as added), CID and encoded DAG size. */
export interface AddedRoot {
  path: string
  cid: CID
  dagSize: number
}

/** Parse the option (empty means `/`); MfsInvalidPathError if it is not an MFS path. */
export function parseToFiles (text: string): ToFiles {
  const parsed = parseMfsPath(text === '' ? '/' : text)
  return { text, segments: parsed.segments, intoDirectory: parsed.trailingSlash || parsed.segments.length === 0 }
}

/** Before anything is imported: MfsExistsError if the one root's place is taken already. */
export async function checkToFiles (mfs: Mfs, target: ToFiles): Promise<void> {
  if (!target.intoDirectory) await mustBeFree(mfs, formatMfsPath(target.segments), target)
}

/**
 * Link `roots` (their blocks synced) into the Files tree, all in one MFS
 * edit: every root is placed or, if any place is taken (even by an edit
 * that ran since the check before the upload), none is. The caller holds
 * the GC lock shared.
 */
export async function placeInFiles (mfs: Mfs, roots: AddedRoot[], target: ToFiles, unnamed: (path: string) => boolean): Promise<void> {
  if (!target.intoDirectory && roots.length !== 1) {
    throw new BadRequestError(`to-files: MFS destination ${JSON.stringify(target.text)} is a file: only one entry can be copied to it (end it with "/" to copy into a directory)`)
  }
  const places = roots.map((root) => {
    if (unnamed(root.path)) throw new BadRequestError('to-files: cannot add unnamed files to MFS')
    return formatMfsPath(target.intoDirectory ? [...target.segments, baseName(root.path)] : target.segments)
  })
  for (const place of places) await mustBeFree(mfs, place, target)
  await mfs.putAll(roots.map((root, i) => ({ to: places[i] ?? '', node: { cid: root.cid, dagSize: root.dagSize } })), { parents: true, lockHeld: true })
}

async function mustBeFree (mfs: Mfs, place: string, target: ToFiles): Promise<void> {
  // Any trouble but a free place (a file where a directory should be) is the link's to report.
  const taken = await mfs.stat(place).then(() => true, () => false)
  if (taken) throw new MfsExistsError(`to-files: ${JSON.stringify(place)} already exists${target.intoDirectory ? ` in ${JSON.stringify(target.text)}` : ''}`)
}

function baseName (path: string): string {
  return path.split('/').filter((s) => s !== '').pop() ?? path
}
