/**
 * Reading, validating, changing and writing the config file.
 *
 * The file is JSON, readable only by its owner (it holds the private key),
 * replaced atomically on every change. Every read and every change is
 * checked against the schema; a bad value names the key and the rule.
 */
import { readFile } from 'node:fs/promises'
import { writeFileAtomic } from '../atomic-file.ts'
import { InvalidConfigError, RepoVersionError } from '../errors.ts'
import { CONFIG_VERSION, ConfigSchema } from './schema.ts'
import type { Config } from './schema.ts'

/** Keys that `config` never prints or sets. */
const PRIVATE_KEYS = new Set(['Identity.PrivKey'])

/** Parse and validate config text. */
export function parseConfig (text: string, source = 'config'): Config {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new InvalidConfigError(`${source} is not valid JSON: ${(err as Error).message}`)
  }
  const version = (value as { Version?: unknown } | null)?.Version
  if (typeof version === 'number' && version > CONFIG_VERSION) {
    throw new RepoVersionError(`${source} has version ${version}; this Planetary reads version ${CONFIG_VERSION}: upgrade Planetary`)
  }
  return validateConfig(value, source)
}

/** Validate a config value against the schema. */
export function validateConfig (value: unknown, source = 'config'): Config {
  const result = ConfigSchema.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.join('.') ?? ''
    throw new InvalidConfigError(`${source}: ${where === '' ? '' : where + ': '}${issue?.message ?? 'invalid'}`)
  }
  return result.data
}

/** Read and validate the config file at `path`. */
export async function readConfig (path: string): Promise<Config> {
  return parseConfig(await readFile(path, 'utf8'), path)
}

/** Validate and write `config` to `path` atomically (mode 0600). */
export async function writeConfig (path: string, config: Config): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(validateConfig(config), null, 2) + '\n', 0o600)
}

/** The value at a dotted key (`Addresses.API`); InvalidConfigError if absent. */
export function getConfigValue (config: Config, key: string): unknown {
  if (PRIVATE_KEYS.has(key)) throw new InvalidConfigError(`${key} is private and cannot be read with config`)
  let node: unknown = config
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) {
      throw new InvalidConfigError(`config key "${key}" does not exist`)
    }
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** A copy of `config` with `key` set to `value`, validated. */
export function setConfigValue (config: Config, key: string, value: unknown): Config {
  if (PRIVATE_KEYS.has(key)) throw new InvalidConfigError(`${key} is private and cannot be set with config`)
  const copy = structuredClone(config) as Record<string, unknown>
  const parts = key.split('.')
  let node = copy
  for (const part of parts.slice(0, -1)) {
    const next = node[part]
    if (next === null || typeof next !== 'object') throw new InvalidConfigError(`config key "${key}" does not exist`)
    node = next as Record<string, unknown>
  }
  const last = parts[parts.length - 1] ?? ''
  if (!Object.hasOwn(node, last)) throw new InvalidConfigError(`config key "${key}" does not exist`)
  node[last] = value
  return validateConfig(copy)
}

/** The config without its private keys, for `config show`. */
export function publicConfig (config: Config): unknown {
  const { PrivKey: _, ...identity } = config.Identity
  return { ...config, Identity: identity }
}
