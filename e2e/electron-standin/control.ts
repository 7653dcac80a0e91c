/**
 * The stand-in's line to the test (harness.ts): newline-delimited JSON on
 * the Unix socket named by `PLANETARY_STANDIN_CONTROL`.
 *
 * Out: a hello (pid, argv, V8 flags, start environment), then a record of
 * everything the app asked Electron to show or do (tray menus, dialogs,
 * notifications, windows, exits). In: commands (click a menu item, close
 * the window, drop files, answer dialogs), each answered by id. Without
 * the variable, records go to stderr and no command comes.
 */
import { connect } from 'node:net'
import type { Socket } from 'node:net'

/** The environment variable naming the harness's socket. */
export const CONTROL_ENV = 'PLANETARY_STANDIN_CONTROL'

/** A command's handler: its answer is sent back (or its error's message). */
export type CommandHandler = (args: Record<string, unknown>) => unknown

const handlers = new Map<string, CommandHandler>()
const path = process.env[CONTROL_ENV]
let socket: Socket | undefined
let buffered = ''

function write (message: Record<string, unknown>): void {
  const line = `${JSON.stringify(message)}\n`
  if (socket === undefined) process.stderr.write(`standin: ${line}`)
  else socket.write(line)
}

async function run (id: number, name: string, args: Record<string, unknown>): Promise<void> {
  try {
    const handler = handlers.get(name)
    if (handler === undefined) throw new Error(`no command named ${name}`)
    write({ type: 'reply', id, ok: true, value: await handler(args) ?? null })
  } catch (err) {
    write({ type: 'reply', id, ok: false, error: err instanceof Error ? err.message : String(err) })
  }
}

if (path !== undefined) {
  socket = connect(path)
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => {
    buffered += chunk
    let end
    while ((end = buffered.indexOf('\n')) >= 0) {
      const { id, name, args } = JSON.parse(buffered.slice(0, end)) as { id: number, name: string, args: Record<string, unknown> }
      buffered = buffered.slice(end + 1)
      void run(id, name, args)
    }
  })
  socket.on('error', (err) => { process.stderr.write(`standin: control socket: ${err.message}\n`) })
  socket.unref()
  write({ type: 'hello', pid: process.pid, argv: process.argv, execArgv: process.execArgv, env: { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE, PLANETARY_RELAUNCHED: process.env.PLANETARY_RELAUNCHED } })
}

/** Tell the test that the app did `kind`. */
export function record (kind: string, data: Record<string, unknown> = {}): void {
  write({ type: 'record', kind, data, pid: process.pid, at: Date.now() })
}

/** Answer the test's command `name`. */
export function onCommand (name: string, handler: CommandHandler): void {
  handlers.set(name, handler)
}

/** Wait until every record so far has left (before the process exits). */
export async function flushControl (): Promise<void> {
  const current = socket
  if (current === undefined || current.destroyed) return
  await new Promise<void>((resolve) => { current.end(resolve) })
}
