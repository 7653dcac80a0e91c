/**
 * The two halves of a sandboxed, context-isolated window, as scripts run in
 * the page at document start (their sources are injected; each function
 * uses nothing from outside its body but its arguments):
 *
 * - `isolatedWorld` runs in a DevTools isolated world (the page's own
 *   scripts cannot see its globals), only in the main frame (Electron's
 *   `nodeIntegrationInSubFrames: false`). It runs the bundled preload with
 *   what a sandboxed preload gets — `require('electron')` giving
 *   `contextBridge`, `ipcRenderer` and `webUtils`, any other `require`
 *   throwing as Electron's sandbox does — and carries `ipcRenderer` to the
 *   main process through a DevTools binding that exists in this world only.
 * - `mainWorld` runs in the page's world and receives what the preload
 *   exposes through `contextBridge.exposeInMainWorld`: a copy, where
 *   functions become proxies and promises new promises, as Electron's
 *   context bridge does.
 *
 * The two worlds share only the DOM: a call crosses as a DOM event whose
 * detail is text (the clone codec), and a File crosses inside an
 * `<input type=file>`'s FileList, the one way a DOM object is shared.
 */
import type { CloneCodec, OtherNode } from './clone-codec.ts'

/** What the isolated world is told. */
export interface IsolatedWorldConfig {
  /** The DevTools binding's name (present in the isolated world only). */
  binding: string
  /** The prefix of the DOM events the worlds exchange. */
  prefix: string
}

/** The event prefix both worlds use. */
export const WORLD_EVENT_PREFIX = 'planetary-standin:'
/** The isolated world's name (DevTools `worldName`). */
export const PRELOAD_WORLD = 'planetary-standin-preload'
/** The binding's name. */
export const IPC_BINDING = '__planetaryStandinIpc'

/** A preload, as a function of what CommonJS gives a module. */
export type PreloadModule = (require: (id: string) => unknown, module: { exports: unknown }, exports: unknown) => void

/** The page's world: receives exposed objects, proxies calls into the isolated world. */
export function mainWorld (codec: CloneCodec, prefix: string): void {
  const fns = new Map<number, (...args: unknown[]) => unknown>()
  const pending = new Map<number, { resolve: (value: unknown) => void, reject: (err: unknown) => void }>()
  let nextFn = 1

  const marshal = (value: unknown, files: File[]): string => codec.encode(value, (item) => {
    if (typeof item === 'function') {
      const id = nextFn++
      fns.set(id, item as (...args: unknown[]) => unknown)
      return ['f', id]
    }
    if (item instanceof File) {
      files.push(item)
      return ['file', files.length - 1]
    }
    return undefined
  })

  const revive = (node: OtherNode): unknown => {
    const [tag, id] = node as [string, number]
    if (tag === 'p') return new Promise((resolve, reject) => { pending.set(id, { resolve, reject }) })
    if (tag === 'f') {
      return (...args: unknown[]): unknown => {
        const files: File[] = []
        const detail = JSON.stringify({ fn: id, args: marshal(args, files) })
        const input = document.createElement('input')
        input.type = 'file'
        input.hidden = true
        if (files.length > 0) {
          const transfer = new DataTransfer()
          for (const file of files) transfer.items.add(file)
          input.files = transfer.files
        }
        document.documentElement.append(input)
        try {
          input.dispatchEvent(new CustomEvent(`${prefix}call`, { detail }))
        } finally {
          input.remove()
        }
        const reply = input.getAttribute('data-reply')
        if (reply === null) throw new Error('the preload did not answer')
        const { ok, value } = JSON.parse(reply) as { ok: boolean, value: string }
        const result = codec.decode(value, revive)
        if (!ok) throw result
        return result
      }
    }
    throw new Error(`unknown value ${String(tag)} from the preload`)
  }

  document.addEventListener(`${prefix}expose`, (event) => {
    const { key, value } = JSON.parse((event as CustomEvent<string>).detail) as { key: string, value: string }
    Object.defineProperty(window, key, { value: codec.decode(value, revive), enumerable: true })
  })
  document.addEventListener(`${prefix}settle`, (event) => {
    const { id, ok, value } = JSON.parse((event as CustomEvent<string>).detail) as { id: number, ok: boolean, value: string }
    const waiter = pending.get(id)
    pending.delete(id)
    const result = codec.decode(value, revive)
    if (ok) waiter?.resolve(result)
    else waiter?.reject(result)
  })
  document.addEventListener(`${prefix}callback`, (event) => {
    const { fn, args } = JSON.parse((event as CustomEvent<string>).detail) as { fn: number, args: string }
    fns.get(fn)?.(...codec.decode(args, revive) as unknown[])
  })
}

/** The preload's world: `electron` for the preload, IPC through the binding, exposure to the page. */
export function isolatedWorld (codec: CloneCodec, config: IsolatedWorldConfig, preload: PreloadModule): void {
  if (window !== window.top) return
  const scope = globalThis as unknown as Record<string, unknown>
  const send = scope[config.binding] as (payload: string) => void
  delete scope[config.binding]
  const prefix = config.prefix
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const invokes = new Map<number, { resolve: (value: unknown) => void, reject: (err: unknown) => void }>()
  const fns = new Map<number, (...args: unknown[]) => unknown>()
  const dropped = new Map<string, string>()
  let nextInvoke = 1
  let nextFn = 1
  let nextPromise = 1

  const post = (message: Record<string, unknown>): void => { send(JSON.stringify(message)) }
  // Electron's words when an argument cannot cross (the structured-clone algorithm's own check).
  const encodeArgs = (args: unknown[]): string => {
    try {
      structuredClone(args)
      return codec.encode(args)
    } catch {
      throw new Error('An object could not be cloned.')
    }
  }

  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]): Promise<unknown> => {
      const encoded = encodeArgs(args)
      const id = nextInvoke++
      const reply = new Promise((resolve, reject) => { invokes.set(id, { resolve, reject }) })
      post({ op: 'invoke', id, channel: String(channel), args: encoded })
      return await reply
    },
    send: (channel: string, ...args: unknown[]): void => { post({ op: 'send', channel: String(channel), args: encodeArgs(args) }) },
    on (channel: string, listener: (...args: unknown[]) => void) {
      let set = listeners.get(channel)
      if (set === undefined) listeners.set(channel, set = new Set())
      set.add(listener)
      return ipcRenderer
    },
    removeListener (channel: string, listener: (...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    }
  }
  const fileKey = (name: string, lastModified: number): string => `${name}\u0000${Math.floor(lastModified / 1000)}`
  const webUtils = {
    getPathForFile: (file: unknown): string => {
      if (!(file instanceof File)) throw new TypeError('getPathForFile takes a File')
      return dropped.get(fileKey(file.name, file.lastModified)) ?? dropped.get(fileKey(file.name, -1000)) ?? ''
    }
  }

  const marshal = (value: unknown): string => codec.encode(value, (item) => {
    if (typeof item === 'function') {
      const id = nextFn++
      fns.set(id, item as (...args: unknown[]) => unknown)
      return ['f', id]
    }
    if (item instanceof Promise) {
      const id = nextPromise++
      const settle = (ok: boolean, result: unknown): void => {
        document.dispatchEvent(new CustomEvent(`${prefix}settle`, { detail: JSON.stringify({ id, ok, value: marshal(result) }) }))
      }
      item.then((result) => { settle(true, result) }, (err: unknown) => { settle(false, err) })
      return ['p', id]
    }
    return undefined
  })
  const contextBridge = {
    exposeInMainWorld (key: string, api: unknown) {
      document.dispatchEvent(new CustomEvent(`${prefix}expose`, { detail: JSON.stringify({ key: String(key), value: marshal(api) }) }))
    }
  }

  document.addEventListener(`${prefix}call`, (event) => {
    const input = event.target as HTMLInputElement
    const { fn, args } = JSON.parse((event as CustomEvent<string>).detail) as { fn: number, args: string }
    const files = Array.from(input.files ?? [])
    let reply: { ok: boolean, value: string }
    try {
      const decoded = codec.decode(args, (node) => {
        const [tag, id] = node as [string, number]
        if (tag === 'file') return files[id]
        if (tag === 'f') {
          return (...callbackArgs: unknown[]) => {
            document.dispatchEvent(new CustomEvent(`${prefix}callback`, { detail: JSON.stringify({ fn: id, args: marshal(callbackArgs) }) }))
          }
        }
        throw new Error(`unknown value ${String(tag)} from the page`)
      }) as unknown[]
      const target = fns.get(fn)
      if (target === undefined) throw new Error('that function is gone')
      reply = { ok: true, value: marshal(target(...decoded)) }
    } catch (err) {
      reply = { ok: false, value: marshal(err instanceof Error ? err : new Error(String(err))) }
    }
    input.setAttribute('data-reply', JSON.stringify(reply))
  }, true)

  scope.__planetaryStandin = {
    settle (id: number, ok: boolean, value: string) {
      const waiter = invokes.get(id)
      invokes.delete(id)
      const result = codec.decode(value)
      if (ok) waiter?.resolve(result)
      else waiter?.reject(result)
    },
    deliver (channel: string, args: string) {
      const decoded = codec.decode(args) as unknown[]
      const event = { sender: ipcRenderer, senderId: 0, ports: [] }
      for (const listener of [...listeners.get(channel) ?? []]) listener(event, ...decoded)
    },
    registerFiles (files: Array<{ path: string, name: string, lastModified: number }>) {
      for (const file of files) {
        dropped.set(fileKey(file.name, file.lastModified), file.path)
        dropped.set(fileKey(file.name, -1000), file.path)
      }
    }
  }

  const electron = { contextBridge, ipcRenderer, webUtils }
  const require = (id: string): unknown => {
    if (id === 'electron') return electron
    throw new Error(`module not found: ${id}`)
  }
  const module = { exports: {} as unknown }
  preload(require, module, module.exports)
}
