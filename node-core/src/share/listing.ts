/**
 * What an item holds, as an offer lists it: its files (path and size, the
 * first MAX_OFFERED_FILES), how many and how many bytes. The sender lists
 * what it offers; the receiver lists what arrived and compares, so content
 * that is not what was offered is never saved.
 */
import { ls } from '../unixfs/exporter/ls.ts'
import { statEntry } from '../unixfs/exporter/stat.ts'
import { OfferMismatchError, UnsafeFileNameError } from './errors.ts'
import { MAX_OFFERED_FILES } from './limits.ts'
import { safeRelativePath } from './names.ts'
import type { AbortOptions } from '../abort.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { CID } from 'multiformats/cid'

/** An item's files. */
export interface Listing {
  files: Array<{ path: string, size: number }>
  fileCount: number
  totalBytes: number
}

/** List the item at `root`: its entries (`wrapped`) or itself under `name`, every name checked safe. */
export async function listItem (store: Pick<Blockstore, 'get'>, root: CID, name: string, wrapped: boolean, options: AbortOptions = {}): Promise<Listing> {
  const listing: Listing = { files: [], fileCount: 0, totalBytes: 0 }
  const add = (path: string, size: number): void => {
    safeRelativePath(path)
    listing.fileCount++
    listing.totalBytes += size
    if (listing.files.length < MAX_OFFERED_FILES) listing.files.push({ path, size })
  }
  const walk = async (cid: CID, prefix: string): Promise<void> => {
    for await (const entry of ls(store, cid, { ...options, sort: true })) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`
      if (entry.type === 'directory' || entry.type === 'hamt-directory') await walk(entry.cid, path)
      else if (entry.type === 'symlink') throw new UnsafeFileNameError(`${path} is a symbolic link: links are not sent, their targets are`)
      else add(path, entry.size)
    }
  }
  if (wrapped) {
    await walk(root, '')
  } else {
    const stat = await statEntry(store, root, options)
    if (stat.type === 'directory' || stat.type === 'hamt-directory') await walk(root, safeRelativePath(name))
    else if (stat.type === 'symlink') throw new UnsafeFileNameError(`${name} is a symbolic link: links are not sent, their targets are`)
    else add(name, stat.size)
  }
  return listing
}

/** OfferMismatchError unless `got` is what `offered` said. */
export function sameListing (offered: Listing, got: Listing): void {
  if (offered.fileCount !== got.fileCount) throw new OfferMismatchError(`${offered.fileCount} files were offered, ${got.fileCount} arrived`)
  if (offered.totalBytes !== got.totalBytes) throw new OfferMismatchError(`${offered.totalBytes} bytes were offered, ${got.totalBytes} arrived`)
  for (let i = 0; i < offered.files.length; i++) {
    const a = offered.files[i]
    const b = got.files[i]
    if (a?.path !== b?.path || a?.size !== b?.size) throw new OfferMismatchError(`${JSON.stringify(a?.path)} was offered, ${JSON.stringify(b?.path)} arrived`)
  }
}
