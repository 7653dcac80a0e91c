/**
 * Kubo's `--chunker` / `Import.UnixFSChunker` specs, as boxo's
 * chunker.FromString reads them (chunker/parse.go and registry.go):
 *
 * - `""`, `default`: size-262144;
 * - `size-N`: 1 ≤ N ≤ 2 MiB − 256 (ChunkSizeLimit since boxo#1101, Kubo 0.40);
 * - `rabin`: avg 262144; `rabin-A`: min A/3, max A + A/2, refused if
 *   int(float32(A)·1.5) exceeds the limit, with no other check (so A < 48
 *   gives min < 16, and one chunk: see rabin.ts);
 * - `rabin-MIN-AVG-MAX` (each may be labelled `min:`, `avg:`, `max:`):
 *   16 ≤ MIN < AVG < MAX ≤ the limit;
 * - `buzhash`.
 *
 * The chunker's name is what comes before the first dash. Numbers are read
 * as Go's strconv.Atoi reads them (an optional sign, decimal digits, 64-bit).
 * Anything else throws InvalidChunkerError with Kubo's message.
 */
import { createBuzhashChunker } from './buzhash.ts'
import { createFixedSizeChunker } from './fixed.ts'
import { createRabinChunker } from './rabin.ts'
import { InvalidChunkerError } from './errors.ts'
import type { ChunkerFactory } from './chunker.ts'

/** Kubo's default chunk size (DefaultBlockSize). */
export const DEFAULT_BLOCK_SIZE = 256 * 1024
/** The largest block Bitswap must carry (BlockSizeLimit). */
export const BLOCK_SIZE_LIMIT = 2 * 1024 * 1024
/** Room left in a block for the leaf's protobuf framing (ChunkOverheadBudget). */
export const CHUNK_OVERHEAD_BUDGET = 256
/** The largest chunk size a spec may ask for (ChunkSizeLimit). */
export const CHUNK_SIZE_LIMIT = BLOCK_SIZE_LIMIT - CHUNK_OVERHEAD_BUDGET

const ERR_SIZE_MAX = `chunker parameters may not exceed the maximum chunk size of ${CHUNK_SIZE_LIMIT}`
const RABIN_FORMAT = "incorrect format (expected 'rabin' 'rabin-[avg]' or 'rabin-[min]-[avg]-[max]'"

/** A factory of chunkers for `spec`; InvalidChunkerError if Kubo would refuse it. */
export function parseChunker (spec: string): ChunkerFactory {
  if (spec === '' || spec === 'default') return fixed(DEFAULT_BLOCK_SIZE)
  const parts = spec.split('-')
  switch (parts[0]) {
    case 'size':
      if (parts.length !== 2) throw new InvalidChunkerError('incorrect chunker string format (expected size-{size})')
      return fixed(atoi(parts[1] ?? ''))
    case 'rabin':
      return rabin(parts)
    case 'buzhash':
      if (parts.length !== 1) throw new InvalidChunkerError("incorrect format (expected 'buzhash')")
      return (buffers) => createBuzhashChunker(buffers)
    default:
      throw new InvalidChunkerError(`unrecognized chunker option: ${spec}`)
  }
}

function fixed (size: number): ChunkerFactory {
  if (size <= 0) throw new InvalidChunkerError('chunker size must be greater than 0')
  if (size > CHUNK_SIZE_LIMIT) throw new InvalidChunkerError(ERR_SIZE_MAX)
  return (buffers) => createFixedSizeChunker(size, buffers)
}

function rabin (parts: string[]): ChunkerFactory {
  if (parts.length === 1 || parts.length === 2) {
    const avg = parts.length === 1 ? DEFAULT_BLOCK_SIZE : atoi(parts[1] ?? '')
    // Go: int(float32(size)*1.5) > ChunkSizeLimit. Past int64 that conversion goes negative in
    // Go and Kubo then panics allocating the buffer; here such sizes are simply too large.
    if (avg < 0 || Math.trunc(Math.fround(Math.fround(avg) * 1.5)) > CHUNK_SIZE_LIMIT) throw new InvalidChunkerError(ERR_SIZE_MAX)
    const min = Math.floor(avg / 3)
    const max = avg + Math.floor(avg / 2)
    return (buffers) => createRabinChunker(min, avg, max, buffers)
  }
  if (parts.length !== 4) throw new InvalidChunkerError(RABIN_FORMAT)
  const min = labelled(parts[1] ?? '', 'min', 'first label must be min')
  if (min < 16) throw new InvalidChunkerError('rabin min must be greater than 16')
  const avg = labelled(parts[2] ?? '', 'avg', 'second label must be avg')
  const max = labelled(parts[3] ?? '', 'max', 'final label must be max')
  if (min >= avg) throw new InvalidChunkerError('incorrect format: rabin-min must be smaller than rabin-avg')
  if (avg >= max) throw new InvalidChunkerError('incorrect format: rabin-avg must be smaller than rabin-max')
  if (max > CHUNK_SIZE_LIMIT) throw new InvalidChunkerError(ERR_SIZE_MAX)
  return (buffers) => createRabinChunker(min, avg, max, buffers)
}

/** A `label:value` or bare `value` part; as in Go, the value is what follows the last colon. */
function labelled (part: string, label: string, message: string): number {
  const sub = part.split(':')
  if (sub.length > 1 && sub[0] !== label) throw new InvalidChunkerError(message)
  return atoi(sub[sub.length - 1] ?? '')
}

/** Go's strconv.Atoi: optional sign, decimal digits, within int64; its error messages. */
function atoi (text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text)) throw new InvalidChunkerError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`)
  const value = BigInt(text)
  if (value > 0x7fffffffffffffffn || value < -0x8000000000000000n) throw new InvalidChunkerError(`strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`)
  return Number(value)
}
