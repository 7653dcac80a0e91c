/**
 * The `share` namespace: this device, the devices around it, pairing, and
 * the transfers sent and received, over the node's share service. (LAN
 * links are `share-links.ts`.)
 */
import type { PlanetaryNode } from '../../node.ts'
import type { Implementation } from '../dispatch.ts'

type ShareMethods = Pick<Implementation, 'share.self' | 'share.configure' | 'share.devices' | 'share.addDevice' | 'share.updateDevice' | 'share.pairStart' | 'share.pairCancel' | 'share.pairJoin' | 'share.send' | 'share.items' | 'share.accept' | 'share.decline' | 'share.cancel' | 'share.remove' | 'share.reach' | 'share.uploads'>

/** The `share` methods over `node`. */
export function shareMethods (node: PlanetaryNode): ShareMethods {
  const share = node.share
  return {
    'share.self': async () => share.self(),
    'share.configure': async (input) => await share.configure(input),
    'share.devices': async () => ({ devices: share.devices.list() }),
    'share.addDevice': async (input, { signal }) => await share.devices.add(input.address, { signal }),
    'share.updateDevice': async (input) => {
      const device = await share.devices.update(input.peer, input)
      return device === undefined ? {} : { device }
    },
    'share.pairStart': async () => await share.pairing.start(),
    'share.pairCancel': async () => {
      await share.pairing.cancel()
      return {}
    },
    'share.pairJoin': async (input, { signal, progress }) => await share.pairing.join(input.code, { signal, onPhase: (phase) => { progress({ phase }) } }),
    'share.send': async (input, { signal, progress }) => await share.send(input, { signal, onBytes: (bytes) => { progress({ bytes }) } }),
    'share.items': async (input) => ({ items: share.items(input.direction) }),
    'share.accept': async (input) => await share.accept(input.id),
    'share.decline': async (input) => await share.decline(input.id),
    'share.cancel': async (input) => await share.cancel(input.id),
    'share.remove': async (input) => {
      await share.remove(input.id)
      return {}
    },
    'share.reach': async (input, { signal }) => await share.reach(input.cid, { signal }),
    'share.uploads': async () => ({ uploads: share.uploads() })
  }
}
