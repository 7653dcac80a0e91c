/**
 * The `files` namespace: importing local files, the Files tree (Kubo's
 * MFS), fetching content from peers, and saving content to disk.
 */
import { basename } from 'node:path'
import { writeAndPin } from '../../gc/pin-durably.ts'
import { walkDag } from '../../dag/walk.ts'
import { getToDisk } from '../../unixfs/exporter/get.ts'
import { addSources } from '../../unixfs/importer/add-paths.ts'
import { resolveImporterOptions } from '../../unixfs/importer/resolve-options.ts'
import { countingSession, resolveContent } from './content.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'

type FilesMethods = Pick<Implementation, 'files.add' | 'files.ls' | 'files.stat' | 'files.mkdir' | 'files.cp' | 'files.mv' | 'files.rm' | 'files.fetch' | 'files.save'>

/** The `files` methods over `node`. */
export function filesMethods (node: PlanetaryNode): FilesMethods {
  const store = node.repo.blockstore
  return {
    'files.add': async (input, { signal, progress }) => {
      const importer = resolveImporterOptions(node.repo.config.Import, {
        ...(input.cidVersion === undefined ? {} : { cidVersion: input.cidVersion }),
        ...(input.rawLeaves === undefined ? {} : { rawLeaves: input.rawLeaves })
      })
      let bytes = 0
      const to = input.to
      // Roots placed in the Files tree are linked there in one edit while the import still holds the GC lock (all or none; no pin needed to keep them meanwhile).
      const roots = await writeAndPin({ store, pins: node.pins, lock: node.gcLock }, async () => {
        const added = await addSources(store, input.paths.map((path) => ({ path })), importer, {
          recursive: true,
          hidden: input.hidden,
          wrap: input.wrap,
          signal,
          onBytes: (n) => { progress({ bytes: bytes += n }) }
        })
        if (to !== undefined) {
          await store.sync()
          await node.mfs.putAll(added.map((root) => ({ to: `${to.replace(/\/+$/, '')}/${basename(root.path)}`, node: { cid: root.cid, dagSize: root.dagSize } })), { parents: true, lockHeld: true, signal })
        }
        return added
      }, input.pin)
      void node.reprovider.provide(roots.map((r) => r.cid), input.pin).catch(() => {})
      return { entries: roots.map((r) => ({ path: r.path, cid: r.cid.toString(), size: r.size, dagSize: r.dagSize })) }
    },
    'files.ls': async (input, { signal }) => {
      const entries = await node.mfs.ls(input.path, { long: true, signal })
      return { entries: entries.map((e) => ({ name: e.name, cid: e.cid.toString(), type: e.type ?? 'file', size: e.size ?? 0 })) }
    },
    'files.stat': async (input, { signal }) => {
      const stat = await node.mfs.stat(input.path, { signal })
      return { cid: stat.cid.toString(), type: stat.type, size: stat.size, cumulativeSize: stat.cumulativeSize, blocks: stat.blocks }
    },
    'files.mkdir': async (input, { signal }) => {
      await node.mfs.mkdir(input.path, { parents: input.parents, signal })
      return {}
    },
    'files.cp': async (input, { signal }) => {
      const reader = node.bitswap.session()
      await node.mfs.cp(input.from.startsWith('/ipns/') ? await node.ipns.resolve(input.from, { signal }) : input.from, input.to, { parents: input.parents, reader, signal })
      return {}
    },
    'files.mv': async (input, { signal }) => {
      await node.mfs.mv(input.from, input.to, { signal })
      return {}
    },
    'files.rm': async (input, { signal }) => {
      await node.mfs.rm(input.path, { recursive: input.recursive, signal })
      return {}
    },
    'files.fetch': async (input, { signal, progress }) => {
      const reader = countingSession(node, progress)
      const cid = await resolveContent(node, reader, input.path, { signal })
      let blocks = 0
      let bytes = 0
      for await (const block of walkDag(reader, cid, { signal })) {
        blocks++
        bytes += block.bytes.byteLength
      }
      await reader.stored()
      await store.sync()
      return { cid: cid.toString(), blocks, bytes }
    },
    'files.save': async (input, { signal, progress }) => {
      const reader = countingSession(node, progress)
      const cid = isContentPath(input.path) ? await resolveContent(node, reader, input.path, { signal }) : (await node.mfs.stat(input.path, { signal })).cid
      await getToDisk(reader, cid, input.to, { signal })
      return { to: input.to }
    }
  }
}

function isContentPath (path: string): boolean {
  return path.startsWith('/ipfs/') || path.startsWith('/ipns/')
}
