/**
 * The IPLD codecs this node reads and writes.
 *
 * Looked up by Kubo's names (`dag-pb`, `raw`, `dag-cbor`, `dag-json`, `json`)
 * or by multicodec code. Decoding wraps every codec failure in
 * BlockDecodeError so that bad bytes from outside get one named error.
 */
import * as dagCbor from '@ipld/dag-cbor'
import * as dagJson from '@ipld/dag-json'
import * as dagPb from '@ipld/dag-pb'
import * as json from 'multiformats/codecs/json'
import * as raw from 'multiformats/codecs/raw'
import { BlockDecodeError, UnknownCodecError } from './errors.ts'

/** A codec: its multicodec name and code, and its encoder and decoder. */
export interface Codec {
  readonly name: string
  readonly code: number
  encode(value: unknown): Uint8Array
  decode(bytes: Uint8Array): unknown
}

/** The identity multihash code; CIDs with it carry their bytes inline. */
export const IDENTITY_CODE = 0x00

const all: Codec[] = [
  dagPb as unknown as Codec,
  raw as unknown as Codec,
  dagCbor as unknown as Codec,
  dagJson as unknown as Codec,
  json as unknown as Codec
]

const byName = new Map(all.map((c) => [c.name, c]))
const byCode = new Map(all.map((c) => [c.code, c]))

/** The codec Kubo calls `name`; throws UnknownCodecError for any other. */
export function codecByName (name: string): Codec {
  const codec = byName.get(name)
  if (codec === undefined) throw new UnknownCodecError(`unknown codec "${name}" (known: ${[...byName.keys()].join(', ')})`)
  return codec
}

/** The codec for a multicodec code; throws UnknownCodecError for any other. */
export function codecByCode (code: number): Codec {
  const codec = byCode.get(code)
  if (codec === undefined) throw new UnknownCodecError(`unknown codec 0x${code.toString(16)}`)
  return codec
}

/** Decode `bytes` with the codec `code`; any failure is a BlockDecodeError. */
export function decodeWith (code: number, bytes: Uint8Array): unknown {
  const codec = codecByCode(code)
  try {
    return codec.decode(bytes)
  } catch (err) {
    throw new BlockDecodeError(`cannot decode ${codec.name} block: ${(err as Error).message}`)
  }
}
