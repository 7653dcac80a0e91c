/**
 * Where a repo lives and the names of what it holds.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The repo path: `$PLANETARY_PATH`, else `~/.planetary`. */
export function repoPath (env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PLANETARY_PATH
  return resolve(configured !== undefined && configured !== '' ? configured : join(homedir(), '.planetary'))
}

/** The files and folders inside a repo. */
export interface RepoLayout {
  config: string
  blocks: string
  datastore: string
  /** Durable named records, a folder per namespace (records.ts). */
  records: string
}

/** Where the parts of the repo at `dir` are. */
export function repoLayout (dir: string): RepoLayout {
  return {
    config: join(dir, 'config'),
    blocks: join(dir, 'blocks'),
    datastore: join(dir, 'datastore'),
    records: join(dir, 'records')
  }
}
