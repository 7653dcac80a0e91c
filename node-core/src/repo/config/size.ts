/**
 * Human byte sizes in config values: `10GB`, `256KiB`, `1048576`.
 */
import { InvalidConfigError } from '../errors.ts'

const units: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 2 ** 10,
  MIB: 2 ** 20,
  GIB: 2 ** 30,
  TIB: 2 ** 40
}

/** Bytes in a size string; InvalidConfigError if it is not one. */
export function parseSize (text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)?$/i.exec(text.trim())
  const unit = units[(match?.[2] ?? 'B').toUpperCase()]
  if (match === null || unit === undefined) throw new InvalidConfigError(`invalid size "${text}" (expected e.g. 10GB or 256KiB)`)
  return Math.floor(Number(match[1]) * unit)
}
