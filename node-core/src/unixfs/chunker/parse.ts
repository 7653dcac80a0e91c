/**
 * Kubo's chunker specs: `size-N`.
 */
import { createFixedSizeChunker } from './fixed.ts'
import { InvalidChunkerError } from './errors.ts'
import type { ChunkerFactory } from './chunker.ts'

/** A factory of chunkers for `spec`; InvalidChunkerError if Kubo would refuse it. */
export function parseChunker (spec: string): ChunkerFactory {
  const match = /^size-(\d+)$/.exec(spec)
  if (match === null) throw new InvalidChunkerError(`unrecognized chunker option: ${spec}`)
  const size = Number(match[1])
  if (size <= 0 || size > 2 * 1024 * 1024) throw new InvalidChunkerError(`chunker size must be between 1 and 2097152 bytes, got ${size}`)
  return (buffers) => createFixedSizeChunker(size, buffers)
}
