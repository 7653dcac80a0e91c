/**
 * `dag get`: the node at a path, or the value inside it that the path ends
 * on, encoded with the output codec (dag-json by default), as Kubo does.
 */
import { codecByName } from '../block/codecs.ts'
import { DagEncodeError } from './errors.ts'
import { loadNode } from './load.ts'
import { resolvePath, stepAll } from './resolve.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { IpfsPath } from './path.ts'
import type { ResolveOptions } from './resolve.ts'

/** Options of `dag get`; pass the UnixFS `pbLookup` to walk HAMT shards as Kubo does. */
export interface DagGetOptions extends ResolveOptions {
  /** Codec name to encode the result with; default `dag-json`. */
  outputCodec?: string
}

/** The decoded value at `path`: a whole node, or a value inside one. */
export async function dagGetValue (store: Pick<Blockstore, 'get'>, path: IpfsPath, options?: ResolveOptions): Promise<unknown> {
  const { cid, remainder } = await resolvePath(store, path, options)
  return stepAll(await loadNode(store, cid, options), remainder, cid.toString())
}

/** The value at `path`, encoded with `outputCodec`; DagEncodeError if that codec cannot hold it. */
export async function dagGet (store: Pick<Blockstore, 'get'>, path: IpfsPath, options: DagGetOptions = {}): Promise<Uint8Array> {
  const codec = codecByName(options.outputCodec ?? 'dag-json')
  const value = await dagGetValue(store, path, options)
  try {
    return codec.encode(value)
  } catch (err) {
    throw new DagEncodeError(`cannot encode the node as ${codec.name}: ${(err as Error).message}`)
  }
}
