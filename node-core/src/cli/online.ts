/**
 * Reading verbs while a daemon runs: the daemon holds the repo lock, so
 * `cat`, `ls`, `block get`, `dag get` and `dag export` ask it instead, and it
 * fetches what the repo lacks from peers (`offline` keeps it to the repo).
 * With no daemon they read the repo directly, offline by nature.
 */
import { findDaemon } from './rpc-client.ts'
import type { CommandContext } from './command.ts'
import type { RpcClient } from './rpc-client.ts'

/** The daemon to read through, or undefined to read the repo. */
export async function daemonFor (ctx: CommandContext): Promise<RpcClient | undefined> {
  return await findDaemon(ctx.repoPath)
}

/** Options every reading RPC carries. */
export function readOptions (ctx: CommandContext): Record<string, boolean> {
  return ctx.offline ? { offline: true } : {}
}

/** Copy a byte stream to stdout, respecting backpressure. */
export async function writeAll (ctx: CommandContext, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const bytes of chunks) {
    if (!ctx.stdout.write(bytes)) await new Promise((resolve) => ctx.stdout.once('drain', resolve))
  }
}
