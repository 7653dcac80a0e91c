// In-process Planetary nodes on loopback, each over its own temporary repo.
import { join } from 'node:path'
import { createNode } from '../../src/node.ts'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { tempDir } from './cli.ts'
import type { PlanetaryNode } from '../../src/node.ts'
import type { Config } from '../../src/repo/config/schema.ts'

/** A started node and how to stop it (and remove its repo). */
export interface TestNode {
  node: PlanetaryNode
  stop(): Promise<void>
}

/** Start a node with the test profile, after `edit` changes its config. */
export async function startTestNode (edit: (config: Config) => Config = (c) => c): Promise<TestNode> {
  const dir = await tempDir()
  const path = join(dir.path, 'repo')
  await initRepo(path, 'test')
  const repo = await openRepo(path)
  await repo.saveConfig(edit(repo.config))
  const node = await createNode(repo)
  await node.start()
  return {
    node,
    async stop () {
      await node.stop()
      await repo.close()
      await dir.cleanup()
    }
  }
}

/** Wait until `check` is true, polling; fails after `ms`. */
export async function waitFor (check: () => boolean | Promise<boolean>, ms: number, what: string, state?: () => string): Promise<void> {
  const deadline = Date.now() + ms
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${state === undefined ? '' : ` (${state()})`}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
