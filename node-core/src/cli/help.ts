/**
 * Help text for the CLI and for each verb.
 */
import type { Command } from './command.ts'

/** Help for one verb. */
export function commandHelp (command: Command): string {
  const lines = [`USAGE\n  planetary ${command.name}${Object.keys(command.flags).length > 0 ? ' [flags]' : ''}${command.args === '' ? '' : ' ' + command.args}`, '', `  ${command.summary}`]
  if (command.help !== undefined) lines.push('', ...command.help.split('\n').map((l) => `  ${l}`))
  const flags = Object.entries(command.flags)
  if (flags.length > 0) {
    lines.push('', 'FLAGS')
    for (const [name, spec] of flags) {
      const short = spec.short === undefined ? '    ' : `-${spec.short}, `
      const value = spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''
      lines.push(`  ${short}--${name}${value}`.padEnd(36) + spec.description)
    }
  }
  return lines.join('\n') + '\n'
}

/** Help for the whole CLI: every verb and its summary. */
export function mainHelp (commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 4
  return [
    'USAGE',
    '  planetary [--repo-dir <path>] [--enc json] [--cid-base <base>] [--offline] <command> ...',
    '',
    '  Planetary is an IPFS node. The repo is at $PLANETARY_PATH (default ~/.planetary).',
    '  While a daemon runs, reading verbs go through it and fetch what the repo lacks from',
    '  peers; --offline keeps them to the repo.',
    '',
    'COMMANDS',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    "Use 'planetary <command> --help' for more about a command.",
    ''
  ].join('\n')
}
