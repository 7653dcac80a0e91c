/**
 * The pin set: recursive and direct pins, one durable record each (see
 * repo/records.ts), keyed by the CIDv1 form so that a CIDv0 and its CIDv1
 * are one pin, as in Kubo. Indirect pins are computed, never stored.
 */
import { CID } from 'multiformats/cid'
import { CorruptPinError } from './errors.ts'
import type { RecordStore } from '../repo/records.ts'

/** How a CID is pinned. */
export type PinType = 'recursive' | 'direct'

/** One stored pin. */
export interface Pin {
  cid: CID
  type: PinType
  /** Kubo's optional pin name. */
  name: string
}

function key (cid: CID): string {
  return cid.toV1().toString()
}

/** The stored pins. */
export class PinSet {
  readonly #records: RecordStore

  constructor (records: RecordStore) {
    this.#records = records
  }

  /** The pin of `cid`, or undefined. */
  async get (cid: CID): Promise<Pin | undefined> {
    const bytes = await this.#records.get(key(cid))
    return bytes === undefined ? undefined : parse(key(cid), bytes)
  }

  /** Store (or replace) a pin. */
  async put (pin: Pin): Promise<void> {
    await this.#records.put(key(pin.cid), JSON.stringify({ cid: pin.cid.toString(), type: pin.type, name: pin.name }))
  }

  /** Remove the pin of `cid`; false if there was none. */
  async delete (cid: CID): Promise<boolean> {
    return await this.#records.delete(key(cid))
  }

  /** Every stored pin. */
  async * list (): AsyncIterable<Pin> {
    for (const name of await this.#records.names()) {
      const bytes = await this.#records.get(name)
      if (bytes !== undefined) yield parse(name, bytes)
    }
  }
}

function parse (name: string, bytes: Uint8Array): Pin {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as { cid: string, type: string, name?: string }
    if (value.type !== 'recursive' && value.type !== 'direct') throw new Error(`type ${String(value.type)}`)
    return { cid: CID.parse(value.cid), type: value.type, name: value.name ?? '' }
  } catch (err) {
    throw new CorruptPinError(`pin record ${name}: ${(err as Error).message}`)
  }
}
