/**
 * The shape of a CLI verb: its name, help, flags, arguments and action.
 *
 * Flags are declared once here per verb; the parser, the help text and the
 * action's typed view of them all come from that declaration.
 */
import type { Repo } from '../repo/repo.ts'
import type { Readable, Writable } from 'node:stream'

/** A flag of a verb. */
export interface FlagSpec {
  type: 'boolean' | 'string'
  short?: string
  description: string
  /** Shown in help as the value's name, e.g. `<N>`. */
  value?: string
}

/** What a verb's action gets. */
export interface CommandContext {
  /** The repo path (`$PLANETARY_PATH`, `--repo-dir`, or `~/.planetary`). */
  repoPath: string
  /** Open the repo (taking its lock); closed by the CLI after the action. */
  repo(): Promise<Repo>
  stdin: Readable
  stdout: Writable
  stderr: Writable
  /** Whether stderr is a terminal (progress bars only then). */
  interactive: boolean
  /** `--enc`: `text` (default) or `json`. */
  enc: 'text' | 'json'
  /** `--cid-base`, when given. */
  cidBase: string | undefined
  /** `--offline`: never ask the daemon to fetch from peers. */
  offline: boolean
}

/** Parsed flags: booleans, strings, or absent. */
export type Flags = Record<string, string | boolean | undefined>

/** A CLI verb such as `add` or `block put`. */
export interface Command {
  name: string
  summary: string
  /** Positional arguments as shown in help, e.g. `<path>...`. */
  args: string
  minArgs: number
  maxArgs: number
  flags: Record<string, FlagSpec>
  /** Longer help text shown under the synopsis. */
  help?: string
  run(ctx: CommandContext, flags: Flags, args: string[]): Promise<void>
}
