/**
 * The `planetary` command: global flags, verb dispatch, help, and the one
 * place errors become a one-line message and a non-zero exit.
 */
import { repoPath } from '../repo/paths.ts'
import { openRepo } from '../repo/repo.ts'
import { commands } from './commands/index.ts'
import { UsageError } from './errors.ts'
import { checkCidBase } from './format.ts'
import { parseFlags } from './flags.ts'
import { commandHelp, mainHelp } from './help.ts'
import type { Command, CommandContext } from './command.ts'
import type { Repo } from '../repo/repo.ts'
import type { Readable, Writable } from 'node:stream'

/** Where the CLI reads and writes; the process's own by default. */
export interface CliIo {
  stdin: Readable
  stdout: Writable
  stderr: Writable
  env: NodeJS.ProcessEnv
  interactive: boolean
}

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli (argv: string[], io: CliIo): Promise<number> {
  let repo: Repo | undefined
  try {
    const { globals, rest } = splitGlobals(argv)
    const found = findCommand(rest)
    if (found === undefined) {
      if (rest.length === 0 || rest[0] === 'help' || globals.help) {
        io.stdout.write(mainHelp(commands))
        return rest.length === 0 && !globals.help ? 1 : 0
      }
      throw new UsageError(`unknown command "${rest.join(' ')}" (see 'planetary --help')`)
    }
    const { command, argv: verbArgv } = found
    const { flags, args } = parseFlags(command, verbArgv)
    if (flags.help === true || globals.help) {
      io.stdout.write(commandHelp(command))
      return 0
    }
    if (args.length < command.minArgs || args.length > command.maxArgs) {
      throw new UsageError(`${command.name} takes ${describeArity(command)} (see 'planetary ${command.name} --help')`)
    }
    checkCidBase(globals.cidBase)
    const ctx: CommandContext = {
      repoPath: globals.repoDir ?? repoPath(io.env),
      repo: async () => {
        repo ??= await openRepo(ctx.repoPath)
        return repo
      },
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      interactive: io.interactive,
      enc: globals.enc,
      cidBase: globals.cidBase,
      offline: globals.offline
    }
    await command.run(ctx, flags, args)
    await repo?.close()
    repo = undefined
    return 0
  } catch (err) {
    await repo?.close().catch(() => {})
    io.stderr.write(`Error: ${describeError(err)}\n`)
    return 1
  }
}

interface Globals {
  repoDir: string | undefined
  enc: 'text' | 'json'
  cidBase: string | undefined
  offline: boolean
  help: boolean
}

/** Take the global flags out of argv, wherever they stand before `--`. */
function splitGlobals (argv: string[]): { globals: Globals, rest: string[] } {
  const globals: Globals = { repoDir: undefined, enc: 'text', cidBase: undefined, offline: false, help: false }
  const rest: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (arg === '--offline') {
      globals.offline = true
      continue
    }
    const match = /^--(repo-dir|enc|encoding|cid-base)(?:=(.*))?$/.exec(arg)
    if (match === null) {
      if (rest.length === 0 && (arg === '--help' || arg === '-h')) globals.help = true
      else rest.push(arg)
      continue
    }
    const value = match[2] ?? argv[++i]
    if (value === undefined) throw new UsageError(`--${match[1]} needs a value`)
    if (match[1] === 'repo-dir') globals.repoDir = value
    else if (match[1] === 'cid-base') globals.cidBase = value
    else if (value === 'json' || value === 'text') globals.enc = value
    else throw new UsageError(`--enc must be json or text, got "${value}"`)
  }
  return { globals, rest }
}

function findCommand (rest: string[]): { command: Command, argv: string[] } | undefined {
  for (let words = Math.min(3, rest.length); words > 0; words--) {
    const name = rest.slice(0, words).join(' ')
    const command = commands.find((c) => c.name === name)
    if (command !== undefined) return { command, argv: rest.slice(words) }
  }
  return undefined
}

function describeArity (command: Command): string {
  if (command.minArgs === command.maxArgs) return command.minArgs === 0 ? 'no arguments' : `exactly ${command.minArgs} argument${command.minArgs === 1 ? '' : 's'}: ${command.args}`
  if (command.maxArgs === Infinity) return `at least ${command.minArgs} argument${command.minArgs === 1 ? '' : 's'}: ${command.args}`
  return `${command.minArgs} to ${command.maxArgs} arguments: ${command.args}`
}

function describeError (err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && 'path' in err) return `no such file or directory: ${String(err.path)}`
    if (code === 'EACCES' && 'path' in err) return `permission denied: ${String(err.path)}`
    return err.message.split('\n')[0] ?? err.name
  }
  return String(err)
}
