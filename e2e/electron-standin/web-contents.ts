/**
 * A window's page in the stand-in: one Chromium page in its own browser
 * context, set up before its first load with the two page worlds
 * (page-worlds.ts) and the bundled preload, and routed so that:
 *
 * - requests to a handled scheme are answered by the app's handler;
 * - a navigation the page starts (a link, `location = …`) is offered to
 *   `will-navigate` first (prevented: aborted), one the app starts with
 *   `loadURL` is not, as in Electron;
 * - a popup (`window.open`, `target=_blank`) asks the window-open handler,
 *   and is closed unless allowed (no allowed popup is reproduced);
 * - the preload's `ipcRenderer` reaches `ipcMain` through a DevTools
 *   binding that exists only in the preload's isolated world; the sender
 *   is named by the frame the call came from (its URL mapped back to the
 *   app's scheme), and replies and `send`s go back to that world.
 */
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { cloneCodec } from './clone-codec.ts'
import { IPC_BINDING, PRELOAD_WORLD, WORLD_EVENT_PREFIX, isolatedWorld, mainWorld } from './page-worlds.ts'
import { handlerFor, toAppUrl, toChromiumUrl } from './protocol.ts'
import { ipcMain } from './ipc-main.ts'
import { record } from './control.ts'
import { standinChromium } from './chromium.ts'
import type { CDPSession, Page, Route } from 'playwright-core'
import type { StandinIpcEvent } from './ipc-main.ts'

const codec = cloneCodec()
let nextId = 1

/** A preventable Electron event. */
export interface StandinEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

/** A fresh preventable event. */
export function preventable (): StandinEvent {
  return {
    defaultPrevented: false,
    preventDefault () { this.defaultPrevented = true }
  }
}

/** Options the page is made with. */
export interface PageOptions {
  width: number
  height: number
  preload?: string | undefined
  dark: boolean
}

type OpenHandler = (details: { url: string, frameName: string, features: string, disposition: string }) => { action: 'allow' | 'deny' }

function pageScripts (preloadPath: string | undefined): { main: string, isolated: string } {
  const codecSource = `(${cloneCodec.toString()})()`
  const main = `(${mainWorld.toString()})(${codecSource}, ${JSON.stringify(WORLD_EVENT_PREFIX)});`
  const preload = preloadPath === undefined ? '' : readFileSync(preloadPath, 'utf8')
  const config = JSON.stringify({ binding: IPC_BINDING, prefix: WORLD_EVENT_PREFIX })
  const isolated = `(${isolatedWorld.toString()})(${codecSource}, ${config}, function (require, module, exports) {\n${preload}\n});`
  return { main, isolated }
}

/** Electron's WebContents, the part electron/ and the harness use. */
export class StandinWebContents extends EventEmitter {
  readonly id = nextId++
  readonly mainFrame: { processId: number, routingId: number, url: string }
  readonly session = {
    setPermissionRequestHandler: (handler: unknown) => { record('session:permission-request-handler', { set: typeof handler === 'function' }) },
    setPermissionCheckHandler: (handler: unknown) => { record('session:permission-check-handler', { set: typeof handler === 'function' }) }
  }

  readonly ready: Promise<Page>
  #page: Page | undefined
  #cdp: CDPSession | undefined
  #destroyed = false
  #openHandler: OpenHandler | undefined
  #appNavigation: string | undefined
  readonly #isolatedContexts = new Map<number, string>()
  #mainFrameId: string | undefined

  constructor (options: PageOptions) {
    super()
    this.mainFrame = { processId: 1000 + this.id, routingId: 1, url: '' }
    this.ready = this.#setUp(options)
    this.ready.catch((err: unknown) => { record('window:error', { message: String(err) }) })
  }

  async #setUp (options: PageOptions): Promise<Page> {
    const { browser } = await standinChromium()
    const context = await browser.newContext({ viewport: { width: options.width, height: options.height }, colorScheme: options.dark ? 'dark' : 'light' })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    this.#page = page
    this.#cdp = cdp
    const { frameTree } = await cdp.send('Page.getFrameTree')
    this.#mainFrameId = frameTree.frame.id
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { frameId?: string } | undefined
      if (context.name === PRELOAD_WORLD && aux?.frameId !== undefined) this.#isolatedContexts.set(context.id, aux.frameId)
    })
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => { this.#isolatedContexts.delete(executionContextId) })
    cdp.on('Runtime.executionContextsCleared', () => { this.#isolatedContexts.clear() })
    cdp.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
      if (name === IPC_BINDING) void this.#fromPage(payload, executionContextId)
    })
    await cdp.send('Runtime.enable')
    await cdp.send('Page.enable')
    await cdp.send('Runtime.addBinding', { name: IPC_BINDING, executionContextName: PRELOAD_WORLD })
    const scripts = pageScripts(options.preload)
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: scripts.main })
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: scripts.isolated, worldName: PRELOAD_WORLD })
    await context.route('**/*', async (route) => { await this.#route(route) })
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.mainFrame.url = toAppUrl(frame.url())
    })
    page.on('load', () => { this.emit('did-finish-load') })
    page.on('close', () => { this.#markDestroyed() })
    return page
  }

  async #route (route: Route): Promise<void> {
    const request = route.request()
    const page = this.#page
    const frame = request.frame()
    if (page !== undefined && request.isNavigationRequest() && frame.page() !== page) {
      const url = toAppUrl(request.url())
      const decision = this.#openHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }) ?? { action: 'deny' }
      record('window:open-request', { url, action: decision.action })
      await route.abort('blockedbyclient')
      await frame.page().close()
      return
    }
    if (request.isNavigationRequest() && frame === page?.mainFrame()) {
      const url = toAppUrl(request.url())
      if (url !== this.#appNavigation) {
        const event = preventable()
        this.emit('will-navigate', event, url)
        if (event.defaultPrevented) {
          record('window:navigation-blocked', { url })
          await route.abort('blockedbyclient')
          return
        }
      }
      this.#appNavigation = undefined
    }
    const handler = handlerFor(request.url())
    if (handler === undefined) {
      await route.continue()
      return
    }
    const body = request.postDataBuffer()
    const response = await handler(new Request(toAppUrl(request.url()), { method: request.method(), headers: await request.allHeaders(), ...(body === null ? {} : { body: new Uint8Array(body) }) }))
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) })
  }

  async #fromPage (payload: string, contextId: number): Promise<void> {
    const frameId = this.#isolatedContexts.get(contextId)
    if (frameId === undefined) return
    // The preload runs in the main frame only; a call from elsewhere would name another frame.
    const isMain = frameId === this.#mainFrameId
    const event: StandinIpcEvent = {
      sender: this,
      senderFrame: { url: isMain ? this.mainFrame.url : '', processId: this.mainFrame.processId, routingId: isMain ? 1 : 2 },
      processId: this.mainFrame.processId,
      frameId: isMain ? 1 : 2
    }
    const message = JSON.parse(payload) as { op: 'invoke' | 'send', id?: number, channel: string, args: string }
    const args = codec.decode(message.args) as unknown[]
    if (message.op === 'send') {
      ipcMain.emit(message.channel, event, ...args)
      return
    }
    let ok = true
    let value: unknown
    try {
      value = await ipcMain.invoke(event, message.channel, args)
    } catch (err) {
      ok = false
      value = err
    }
    await this.#evaluateInPreload(contextId, `globalThis.__planetaryStandin.settle(${String(message.id)}, ${String(ok)}, ${JSON.stringify(codec.encode(value))})`)
  }

  async #evaluateInPreload (contextId: number, expression: string): Promise<void> {
    if (this.#destroyed) return
    await this.#cdp?.send('Runtime.evaluate', { expression, contextId }).catch(() => {})
  }

  #mainPreloadContext (): number | undefined {
    for (const [id, frameId] of this.#isolatedContexts) if (frameId === this.#mainFrameId) return id
    return undefined
  }

  /** The page (the harness drives it). */
  get page (): Page | undefined { return this.#page }

  /** Load `url` (the app's own navigation: no will-navigate). */
  async loadURL (url: string): Promise<void> {
    const page = await this.ready
    this.#appNavigation = url
    record('window:load', { url })
    await page.goto(toChromiumUrl(url))
  }

  getURL (): string { return this.mainFrame.url }

  /** Push a message to the page's preload (`ipcRenderer.on`). */
  send (channel: string, ...args: unknown[]): void {
    const contextId = this.#mainPreloadContext()
    if (contextId === undefined) return
    void this.#evaluateInPreload(contextId, `globalThis.__planetaryStandin.deliver(${JSON.stringify(channel)}, ${JSON.stringify(codec.encode(args))})`)
  }

  /** Tell the preload which paths the files about to be dropped have (webUtils.getPathForFile). */
  async registerFiles (files: Array<{ path: string, name: string, lastModified: number }>): Promise<void> {
    const contextId = this.#mainPreloadContext()
    if (contextId === undefined) throw new Error('the page has no preload')
    await this.#evaluateInPreload(contextId, `globalThis.__planetaryStandin.registerFiles(${JSON.stringify(files)})`)
  }

  setWindowOpenHandler (handler: OpenHandler): void { this.#openHandler = handler }

  isDestroyed (): boolean { return this.#destroyed }

  #markDestroyed (): void {
    if (this.#destroyed) return
    this.#destroyed = true
    this.emit('destroyed')
  }

  /** Close the page and its context. */
  async destroy (): Promise<void> {
    const page = this.#page
    this.#markDestroyed()
    await page?.context().close().catch(() => {})
  }
}
