/**
 * Parsing a verb's argv into flags and arguments, Kubo style.
 *
 * Booleans accept `--flag`, `--flag=true` and `--flag=false`; strings
 * accept `--flag value` and `--flag=value`; short flags may be grouped
 * (`-Qr`). Anything unknown is a UsageError naming it.
 */
import { parseArgs } from 'node:util'
import { UsageError } from './errors.ts'
import type { Command, Flags } from './command.ts'

/** Parse `argv` for `command`; throws UsageError on anything unknown. */
export function parseFlags (command: Command, argv: string[]): { flags: Flags, args: string[] } {
  const normalized: string[] = []
  for (const arg of argv) {
    const match = /^--([^=]+)=(true|false)$/.exec(arg)
    const spec = match === null ? undefined : command.flags[match[1] ?? '']
    if (match !== null && spec?.type === 'boolean') normalized.push(match[2] === 'true' ? `--${match[1]}` : `--no-${match[1]}`)
    else normalized.push(arg)
  }
  const options: Record<string, { type: 'boolean' | 'string', short?: string }> = {
    help: { type: 'boolean', short: 'h' }
  }
  for (const [name, spec] of Object.entries(command.flags)) {
    options[name] = { type: spec.type, ...(spec.short === undefined ? {} : { short: spec.short }) }
  }
  try {
    const { values, positionals } = parseArgs({ args: normalized, options, allowPositionals: true, allowNegative: true, strict: true })
    return { flags: values as Flags, args: positionals }
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0] ?? 'bad arguments'} (see 'planetary ${command.name} --help')`)
  }
}

/** A string flag as an integer; UsageError if it is not one. */
export function intFlag (flags: Flags, name: string, min = 0): number | undefined {
  const value = flags[name]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} must be an integer >= ${min}, got "${String(value)}"`)
  }
  return Number(value)
}

/** A string flag, or undefined. */
export function stringFlag (flags: Flags, name: string): string | undefined {
  const value = flags[name]
  return typeof value === 'string' ? value : undefined
}

/** A boolean flag: true, false, or undefined when not given. */
export function boolFlag (flags: Flags, name: string): boolean | undefined {
  const value = flags[name]
  return typeof value === 'boolean' ? value : undefined
}
