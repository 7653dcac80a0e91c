// Where the interop vectors live: node-core/test/vectors/, copied from the
// project's shared vectors so that a clean clone runs them anywhere.
import { readFileSync } from 'node:fs'

/** The path of the vector file `name` (e.g. `unixfs_add.json`). */
export function vectorPath (name: string): string {
  return new URL(`../vectors/${name}`, import.meta.url).pathname
}

/** The parsed vector file `name`. */
export function readVectors<T> (name: string): T {
  return JSON.parse(readFileSync(vectorPath(name), 'utf8')) as T
}
