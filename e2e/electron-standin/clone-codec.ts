/**
 * Values as text, with the structured-clone algorithm's reach: what
 * Electron's IPC carries (undefined, NaN, -0, bigint, Date, RegExp, Map,
 * Set, ArrayBuffer and typed arrays, Error) survives the trip, and what it
 * refuses (functions, symbols, DOM objects) is refused here too, unless the
 * caller's `other` hook takes it (the page worlds use that for functions
 * and promises crossing the context bridge).
 *
 * Self-contained on purpose: its source is also injected into the page
 * (`cloneCodec.toString()`), so it may use nothing from outside its body.
 */

/** A value that `encode` did not know, as the caller's hook tagged it. */
export type OtherNode = [string, ...unknown[]]

/** The codec: `encode` to a JSON string, `decode` back. */
export interface CloneCodec {
  encode(value: unknown, other?: (value: unknown) => OtherNode | undefined): string
  decode(text: string, revive?: (node: OtherNode) => unknown): unknown
}

/** Make the codec (a function, so the page can run its source as it is). */
export function cloneCodec (): CloneCodec {
  const TYPED: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = {
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array
  }
  const cloneError = (what: string): Error => {
    const err = new Error(`${what} could not be cloned.`)
    err.name = 'DataCloneError'
    return err
  }
  const bytesOf = (buffer: ArrayBuffer): number[] => Array.from(new Uint8Array(buffer))
  const bufferOf = (bytes: number[]): ArrayBuffer => new Uint8Array(bytes).buffer

  function encodeNode (value: unknown, other: ((value: unknown) => OtherNode | undefined) | undefined, seen: Set<object>): unknown {
    if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
    if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : ['n', String(value)]
    if (value === undefined) return ['u']
    if (typeof value === 'bigint') return ['b', value.toString()]
    const taken = other?.(value)
    if (taken !== undefined) return taken
    if (typeof value !== 'object') throw cloneError(typeof value === 'function' ? 'A function' : `A ${typeof value}`)
    if (seen.has(value)) throw cloneError('A cyclic object')
    seen.add(value)
    try {
      if (Array.isArray(value)) return ['a', ...Array.from(value, (item) => encodeNode(item, other, seen))]
      if (value instanceof Date) return ['d', value.getTime()]
      if (value instanceof RegExp) return ['r', value.source, value.flags]
      if (value instanceof Map) return ['m', ...[...value].map(([k, v]) => [encodeNode(k, other, seen), encodeNode(v, other, seen)])]
      if (value instanceof Set) return ['s', ...[...value].map((v) => encodeNode(v, other, seen))]
      if (value instanceof ArrayBuffer) return ['ab', bytesOf(value)]
      if (ArrayBuffer.isView(value)) {
        const name = value.constructor.name
        if (!(name in TYPED) && name !== 'DataView') throw cloneError(`A ${name}`)
        return ['t', name, bytesOf(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) as ArrayBuffer)]
      }
      if (value instanceof Error) return ['e', value.name, value.message]
      const proto = Object.getPrototypeOf(value) as unknown
      if (proto !== Object.prototype && proto !== null) throw cloneError(`An object of class ${(value as { constructor?: { name?: string } }).constructor?.name ?? 'unknown'}`)
      const out: Record<string, unknown> = {}
      for (const [key, item] of Object.entries(value)) out[key] = encodeNode(item, other, seen)
      return ['o', out]
    } finally {
      seen.delete(value)
    }
  }

  function decodeNode (node: unknown, revive: ((node: OtherNode) => unknown) | undefined): unknown {
    if (!Array.isArray(node)) return node
    const [tag, ...rest] = node as [string, ...unknown[]]
    switch (tag) {
      case 'u': return undefined
      case 'n': return Number(rest[0])
      case 'b': return BigInt(rest[0] as string)
      case 'a': return rest.map((item) => decodeNode(item, revive))
      case 'd': return new Date(rest[0] as number)
      case 'r': return new RegExp(rest[0] as string, rest[1] as string)
      case 'm': return new Map((rest as Array<[unknown, unknown]>).map(([k, v]) => [decodeNode(k, revive), decodeNode(v, revive)]))
      case 's': return new Set(rest.map((v) => decodeNode(v, revive)))
      case 'ab': return bufferOf(rest[0] as number[])
      case 't': {
        const buffer = bufferOf(rest[1] as number[])
        return rest[0] === 'DataView' ? new DataView(buffer) : new (TYPED[rest[0] as string] ?? Uint8Array)(buffer)
      }
      case 'e': {
        const err = new Error(rest[1] as string)
        err.name = rest[0] as string
        return err
      }
      case 'o': {
        const out: Record<string, unknown> = {}
        for (const [key, item] of Object.entries(rest[0] as Record<string, unknown>)) out[key] = decodeNode(item, revive)
        return out
      }
      default:
        if (revive === undefined) throw new Error(`cannot decode a value tagged ${String(tag)}`)
        return revive(node as OtherNode)
    }
  }

  return {
    encode: (value, other) => JSON.stringify(encodeNode(value, other, new Set())),
    decode: (text, revive) => decodeNode(JSON.parse(text), revive)
  }
}
