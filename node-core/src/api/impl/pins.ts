/**
 * The `pins` namespace: pin (fetching what is missing, recorded once
 * durable), unpin, list.
 */
import { parseCid } from '../../block/block.ts'
import { pinDurably } from '../../gc/pin-durably.ts'
import { pinLs, pinRm } from '../../pin/pinning.ts'
import { countingSession, resolveContent } from './content.ts'
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'

type PinMethods = Pick<Implementation, 'pins.add' | 'pins.rm' | 'pins.ls'>

/** The `pins` methods over `node`. */
export function pinMethods (node: PlanetaryNode): PinMethods {
  const store = node.repo.blockstore
  return {
    'pins.add': async (input, { signal, progress }) => {
      const reader = countingSession(node, progress)
      const cid = await resolveContent(node, reader, input.path, { signal })
      const ctx = { reader, fetched: async () => { await reader.stored() }, store, pins: node.pins, lock: node.gcLock }
      await pinDurably(ctx, cid, { signal, ...(input.name === undefined ? {} : { name: input.name }) })
      return { cid: cid.toString() }
    },
    'pins.rm': async (input) => {
      await pinRm(node.pins, parseCid(input.cid))
      return {}
    },
    'pins.ls': async (input, { signal }) => {
      const pins = []
      for await (const pin of pinLs(store, node.pins, input.type, [], { signal })) pins.push({ cid: pin.cid.toString(), type: pin.type, name: pin.name })
      return { pins }
    }
  }
}
