// The parent's handle on one bitswap-peer.ts process: lines to its stdin,
// JSON lines from its stdout, its peak RSS from /proc/<pid>/status.
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { ChildProcess } from 'node:child_process'

export type Message = Record<string, unknown>

const NODE_ARGS = (process.env.BENCH_BITSWAP_NODE_ARGS ?? '').split(' ').filter((a) => a !== '')

export class PeerProcess {
  readonly #child: ChildProcess
  readonly #messages: Message[] = []
  readonly #exit: Promise<number | null>
  #wake: () => void = () => {}
  #code: number | null | undefined

  constructor (script: string, args: string[], env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []) {
    this.#child = spawn(process.execPath, [...nodeArgs, ...NODE_ARGS, script, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] })
    createInterface({ input: this.#child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      try {
        this.#messages.push(JSON.parse(line) as Message)
      } catch {
        process.stderr.write(`${line}\n`)
      }
      this.#wake()
    })
    this.#exit = new Promise((resolve) => this.#child.on('close', (code) => {
      this.#code = code
      this.#wake()
      resolve(code)
    }))
  }

  /** The first message with `key` (an error message from the child throws). */
  async expect (key: string, ms: number): Promise<Message> {
    const deadline = Date.now() + ms
    while (true) {
      const error = this.#messages.find((m) => 'error' in m)
      if (error !== undefined) throw new Error(`peer ${this.#child.pid}: ${String(error.error)}`)
      const index = this.#messages.findIndex((m) => key in m)
      if (index >= 0) return this.#messages.splice(index, 1)[0] as Message
      if (this.#code !== undefined) throw new Error(`peer ${this.#child.pid} exited ${this.#code} before saying ${key}`)
      if (Date.now() > deadline) throw new Error(`peer ${this.#child.pid}: no ${key} after ${ms} ms`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(1000, Math.max(0, deadline - Date.now())))
        this.#wake = () => { clearTimeout(timer); resolve() }
      })
    }
  }

  send (line: string): void {
    this.#child.stdin?.write(`${line}\n`)
  }

  /** Peak resident set (VmHWM) in MiB, read while the process lives. */
  async peakRssMiB (): Promise<number> {
    const status = await readFile(`/proc/${this.#child.pid ?? 0}/status`, 'utf8')
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
  }

  async exited (): Promise<number | null> {
    return await this.#exit
  }

  kill (): void {
    if (this.#code === undefined) this.#child.kill('SIGKILL')
  }
}
