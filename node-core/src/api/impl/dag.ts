/**
 * The `dag` namespace: one IPLD node, for the Explore page. Paths resolve
 * as `cat` and `dag get` resolve them (UnixFS directories and HAMT shards
 * by name, dag-cbor and dag-json by field, `/ipns/` names first), reading
 * through a Bitswap session, so a node not held here is fetched from peers.
 */
import { codecByCode } from '../../block/codecs.ts'
import { PathNotFoundError } from '../../dag/errors.ts'
import { loadBytes } from '../../dag/load.ts'
import { parsePath } from '../../dag/path.ts'
import { resolvePath } from '../../unixfs/exporter/resolve.ts'
import { describeNode } from './dag-node.ts'
import type { AbortOptions } from '../../abort.ts'
import type { FetchSession } from '../../exchange/bitswap.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'
import type { CID } from 'multiformats/cid'

type DagMethods = Pick<Implementation, 'dag.get'>

/** The `dag` methods over `node`. */
export function dagMethods (node: PlanetaryNode): DagMethods {
  return {
    'dag.get': async (input, { signal }) => {
      const reader = node.bitswap.session()
      const cid = await resolveNode(node, reader, input.path, { signal })
      // An unknown codec is refused before anything is fetched.
      codecByCode(cid.code)
      return describeNode(cid, await loadBytes(reader, cid, { signal }))
    }
  }
}

/** The CID of the node `path` names (`/ipfs/…`, `/ipns/…` or a bare CID); PathNotFoundError if it ends on a value inside a node. */
async function resolveNode (node: PlanetaryNode, reader: Pick<FetchSession, 'get'>, path: string, options: AbortOptions): Promise<CID> {
  const ipfs = path.startsWith('/ipns/') ? await node.ipns.resolve(path, options) : path
  const { cid, remainder } = await resolvePath(reader, parsePath(ipfs), options)
  if (remainder.length > 0) throw new PathNotFoundError(`${path.slice(0, 200)}: "${remainder.join('/').slice(0, 200)}" is a value inside ${cid.toString()}, not a node of its own`)
  return cid
}
