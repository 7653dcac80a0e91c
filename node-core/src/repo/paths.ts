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
export function repoLayout (dir: string): { config: string, blocks: string, datastore: string } {
  return {
    config: join(dir, 'config'),
    blocks: join(dir, 'blocks'),
    datastore: join(dir, 'datastore')
  }
}
