/**
 * An independent Rabin chunker to test ours against: rabin-wasm 0.1.5
 * (Hugo Dias's AssemblyScript port of the restic/whyrusleeping algorithm,
 * what ipfs-unixfs-importer's `rabin` chunker runs), installed as a
 * dependency of the ipfs-unixfs-importer devDependency.
 *
 * rabin-wasm takes the average bits, min, max and window size, but its
 * polynomial is a constant of the compiled module, 0x3DA3358B4DC173
 * (restic's test polynomial; hugomrdias/rabin-wasm assembly/index.ts: `this.polynomial
 * = 0x3DA3358B4DC173`), not Kubo's. So the oracle comes in two forms:
 * as shipped, and with that one `i64.const` in the wasm bytes replaced by
 * another polynomial of the same degree (same encoded length), which
 * changes nothing else in the module.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const requireHere = createRequire(import.meta.url)
const wasmPackage = requireHere.resolve('rabin-wasm/package.json')
const requireWasm = createRequire(wasmPackage)
const RabinClass = requireWasm('./src/rabin.js') as new (module: unknown, bits: number, min: number, max: number, window: number) => { fingerprint: (bytes: Uint8Array) => Int32Array }
const loader = requireWasm('@assemblyscript/loader') as { instantiateSync: (bytes: Uint8Array, imports: object) => unknown }
const shipped = readFileSync(join(dirname(wasmPackage), 'dist', 'rabin.wasm'))

/** The polynomial compiled into rabin-wasm 0.1.5. */
export const RABIN_WASM_POLYNOMIAL = 0x3DA3358B4DC173n

/** Signed LEB128, as wasm encodes an i64.const operand. */
function sleb128 (value: bigint): Buffer {
  const out: number[] = []
  for (;;) {
    const byte = Number(value & 0x7fn)
    value >>= 7n
    if ((value === 0n && (byte & 0x40) === 0) || (value === -1n && (byte & 0x40) !== 0)) return Buffer.from([...out, byte])
    out.push(byte | 0x80)
  }
}

/** The wasm module's bytes with `polynomial` in place of the compiled-in one. */
function wasmWith (polynomial: bigint): Buffer {
  const bytes = Buffer.from(shipped)
  if (polynomial === RABIN_WASM_POLYNOMIAL) return bytes
  const from = Buffer.concat([Buffer.from([0x42]), sleb128(RABIN_WASM_POLYNOMIAL)])
  const to = Buffer.concat([Buffer.from([0x42]), sleb128(polynomial)])
  const at = bytes.indexOf(from)
  if (at < 0 || bytes.indexOf(from, at + 1) >= 0) throw new Error('rabin-wasm: the polynomial constant is not there exactly once')
  if (to.byteLength !== from.byteLength) throw new Error('rabin-wasm: the new polynomial must encode to the same length')
  to.copy(bytes, at)
  return bytes
}

/** Chunk lengths rabin-wasm gives for `data` in one piece; the remainder is the last chunk. */
export function oracleLengths (data: Uint8Array, options: { avg: number, min: number, max: number, window: number, polynomial: bigint }): number[] {
  // A fresh module each time: it computes its tables once, for the first window it is given.
  const module = loader.instantiateSync(wasmWith(options.polynomial), {})
  const rabin = new RabinClass(module, Math.floor(Math.log2(options.avg)), options.min, options.max, options.window)
  const cuts = [...rabin.fingerprint(data)]
  const rest = data.byteLength - cuts.reduce((a, b) => a + b, 0)
  return rest > 0 ? [...cuts, rest] : cuts
}
