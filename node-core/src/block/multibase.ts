/**
 * The multibases this node reads and writes: every base of the multibase
 * table that multiformats implements (base2 to base256emoji). CIDs from
 * outside are decoded with any of them, as Kubo does; `--cid-base` picks
 * one by name for output.
 */
import { bases } from 'multiformats/basics'
import type { MultibaseCodec } from 'multiformats/bases/interface'

const byName = new Map<string, MultibaseCodec<string>>(Object.values(bases).map((b) => [b.name, b]))

/** Names of the bases, as `--cid-base` takes them. */
export const BASE_NAMES: readonly string[] = [...byName.keys()]

/** The base called `name`, or undefined. */
export function baseByName (name: string): MultibaseCodec<string> | undefined {
  return byName.get(name)
}

const byPrefix = new Map<string, MultibaseCodec<string>>(Object.values(bases).map((b) => [b.prefix, b]))

/**
 * A decoder for text in any of the bases, picked by its prefix (a whole code
 * point: base256emoji's is outside the BMP, which multiformats' composed
 * decoder misses). Case-insensitive bases decode in any case.
 */
export const anyBase = {
  decode (text: string): Uint8Array<ArrayBuffer> {
    const prefix = String.fromCodePoint(text.codePointAt(0) ?? 0)
    const base = byPrefix.get(prefix)
    if (base === undefined) throw new RangeError(`unknown multibase prefix "${prefix}"`)
    return base.decoder.decode(text)
  }
}
