/**
 * Kubo's chunker specs: `size-N`, `rabin`, `rabin-<avg>`,
 * `rabin-<min>-<avg>-<max>` (labels `min:`, `avg:`, `max:` allowed) and
 * `buzhash`, with Kubo's checks and messages.
 */
import { createBuzhashChunker } from './buzhash.ts'
import { createFixedSizeChunker } from './fixed.ts'
import { createRabinChunker } from './rabin.ts'
import { InvalidChunkerError } from './errors.ts'
import type { ChunkerFactory } from './chunker.ts'

/** The largest chunk a spec may ask for (a leaf must fit a 2 MiB Bitswap block). */
export const MAX_CHUNK_SIZE = 1024 * 1024
/** Kubo's default block size, which `rabin` alone averages. */
export const DEFAULT_BLOCK_SIZE = 256 * 1024

/** A factory of chunkers for `spec`; InvalidChunkerError if Kubo would refuse it. */
export function parseChunker (spec: string): ChunkerFactory {
  if (spec === '' || spec === 'default') return fixed(DEFAULT_BLOCK_SIZE)
  if (spec === 'buzhash') return () => createBuzhashChunker()
  if (spec.startsWith('size-')) return fixed(integer(spec.slice(5), spec))
  if (spec.startsWith('rabin')) return rabin(spec)
  throw new InvalidChunkerError(`unrecognized chunker option: ${spec}`)
}

function fixed (size: number): ChunkerFactory {
  if (size <= 0) throw new InvalidChunkerError('chunker size must be greater than 0')
  if (size > MAX_CHUNK_SIZE) throw new InvalidChunkerError(`chunker parameters may not exceed the maximum chunk size of ${MAX_CHUNK_SIZE}`)
  return (buffers) => createFixedSizeChunker(size, buffers)
}

function rabin (spec: string): ChunkerFactory {
  const parts = spec.split('-')
  if (parts[0] !== 'rabin') throw new InvalidChunkerError(`unrecognized chunker option: ${spec}`)
  let min: number
  let avg: number
  let max: number
  if (parts.length === 1 || parts.length === 2) {
    avg = parts.length === 1 ? DEFAULT_BLOCK_SIZE : integer(parts[1] ?? '', spec)
    min = Math.floor(avg / 3)
    max = avg + Math.floor(avg / 2)
  } else if (parts.length === 4) {
    min = labelled(parts[1] ?? '', 'min', spec)
    avg = labelled(parts[2] ?? '', 'avg', spec)
    max = labelled(parts[3] ?? '', 'max', spec)
  } else {
    throw new InvalidChunkerError("incorrect format (expected 'rabin' 'rabin-[avg]' or 'rabin-[min]-[avg]-[max]'")
  }
  if (min < 16) throw new InvalidChunkerError('rabin min must be greater than 16')
  if (avg < min || max < avg) throw new InvalidChunkerError(`rabin sizes must satisfy min <= avg <= max, got ${min}, ${avg}, ${max}`)
  if (max > MAX_CHUNK_SIZE) throw new InvalidChunkerError(`chunker parameters may not exceed the maximum chunk size of ${MAX_CHUNK_SIZE}`)
  return () => createRabinChunker(min, avg, max)
}

function labelled (part: string, label: string, spec: string): number {
  const [name, value] = part.includes(':') ? part.split(':') : [label, part]
  if (name !== label) throw new InvalidChunkerError(`${spec}: the ${label} label must be ${label}`)
  return integer(value ?? '', spec)
}

function integer (text: string, spec: string): number {
  if (!/^\d+$/.test(text)) throw new InvalidChunkerError(`${spec}: "${text}" is not a whole number`)
  return Number(text)
}
