/**
 * The `share` namespace's LAN links: what the LAN link server serves.
 *
 * A link is made only for content this node holds (its root block in the
 * local store, a UnixFS file or folder), since the server never fetches
 * from the network. `share.linkServer` starts or stops the server of the
 * door the call came through, and saves `Share.LanLink.Enabled` so the
 * next start does the same.
 */
import { parseCid } from '../../block/block.ts'
import { LanLinkUnavailableError, LinkContentMissingError, LinkContentNotFilesError, UnknownLinkError } from '../../gateway/lan-link-errors.ts'
import { setConfigValue } from '../../repo/config/store.ts'
import { InvalidUnixFSError } from '../../unixfs/format/errors.ts'
import { statEntry } from '../../unixfs/exporter/stat.ts'
import type { LanLinkServer } from '../../gateway/lan-link.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Link } from '../../share/links.ts'
import type { Output } from '../contract.ts'
import type { Implementation } from '../dispatch.ts'
import type { EntryStat } from '../../unixfs/exporter/stat.ts'
import type { CID } from 'multiformats/cid'
import type { NodeApiOptions } from '../node-api.ts'

type ShareLinkMethods = Pick<Implementation, 'share.links' | 'share.linkServer' | 'share.linkCreate' | 'share.linkRevoke'>

/** The LAN link methods over `node`, with the server `doors` runs beside it (if any). */
export function shareLinkMethods (node: PlanetaryNode, doors: NodeApiOptions = {}): ShareLinkMethods {
  const shape = (link: Link): Output<'share.linkCreate'> => {
    const url = doors.lanLink?.urlOf(link.id)
    return { id: link.id, cid: link.cid.toString(), name: link.name, ...(url === undefined ? {} : { url }), hasPin: link.hasPin, createdAt: link.createdAt, downloads: link.downloads }
  }
  const links = async (): Promise<Output<'share.links'>> => {
    const origin = doors.lanLink?.origin
    return { enabled: node.repo.config.Share.LanLink.Enabled, ...(origin === undefined ? {} : { origin }), links: (await node.links.list()).map(shape) }
  }
  return {
    'share.links': links,
    'share.linkServer': async (input) => {
      const server = serverOf(doors)
      if (input.enabled) await server.start()
      else await server.stop()
      if (node.repo.config.Share.LanLink.Enabled !== input.enabled) await node.repo.saveConfig(setConfigValue(node.repo.config, 'Share.LanLink.Enabled', input.enabled))
      return await links()
    },
    'share.linkCreate': async (input) => {
      const cid = parseCid(input.cid)
      if (!await node.repo.blockstore.has(cid)) throw new LinkContentMissingError(`${cid.toString()} is not in this node's store: a LAN link serves only content held here`)
      const type = await entryType(node, cid)
      if (type === undefined || type === 'symlink') throw new LinkContentNotFilesError(`${cid.toString()} is ${type === undefined ? 'not UnixFS' : 'a symlink'}: a LAN link serves a file or a folder`)
      const link = await node.links.create({ cid, name: input.name ?? cid.toString(), ...(input.pin === undefined ? {} : { pin: input.pin }) })
      return shape(link)
    },
    'share.linkRevoke': async (input) => {
      if (!await node.links.revoke(input.id)) throw new UnknownLinkError(`no LAN link has the id ${input.id}`)
      return {}
    }
  }
}

/** The UnixFS type of `cid`'s root block, undefined when it is not UnixFS. */
async function entryType (node: PlanetaryNode, cid: CID): Promise<EntryStat['type'] | undefined> {
  try {
    return (await statEntry(node.repo.blockstore, cid)).type
  } catch (err) {
    if (err instanceof InvalidUnixFSError) return undefined
    throw err
  }
}

function serverOf (doors: NodeApiOptions): LanLinkServer {
  if (doors.lanLink === undefined) throw new LanLinkUnavailableError('this door runs no LAN link server (start the node with the daemon or the desktop app)')
  return doors.lanLink
}
