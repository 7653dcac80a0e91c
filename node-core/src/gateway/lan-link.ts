/**
 * The LAN link server: a web server on the LAN address that serves only
 * the links made for it (`share/links.ts`), so coworkers without the app
 * download in a browser. Off until started; what it answers is
 * `lan-link-handler.ts`.
 *
 * It listens where `Share.LanLink.Address` says (`lan-link-bind.ts`: the
 * unspecified address is each private address of this machine, one
 * listener each, all on one port). A taken port moves to one the system
 * picks, said in the log; no LAN address, or an address that cannot be
 * listened on, fails the start with an error naming why. Blocks are read
 * from the local store only. Revoking a link cuts its downloads in flight.
 */
import { createServer } from 'node:http'
import { networkInterfaces } from 'node:os'
import { isAddressInUse } from '../network/swarm-ports.ts'
import { lanBinding } from './lan-link-bind.ts'
import { LinkCookies } from './lan-link-cookie.ts'
import { LanLinkAddressError } from './lan-link-errors.ts'
import { handleLanLink } from './lan-link-handler.ts'
import { linkPath } from './lan-link-page.ts'
import { PinThrottle } from './lan-link-pin.ts'
import type { InterfaceTable } from './lan-link-bind.ts'
import type { LanLinkContext } from './lan-link-handler.ts'
import type { PinThrottleInit } from './lan-link-pin.ts'
import type { Blockstore } from '../block/blockstore.ts'
import type { LinkStore } from '../share/links.ts'
import type { Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the server needs. */
export interface LanLinkInit {
  links: Pick<LinkStore, 'get' | 'checkPin' | 'countDownload' | 'wasRevoked' | 'onRevoke'>
  /** Local storage only: `get` must never fetch from the network. */
  store: Pick<Blockstore, 'get'>
  /** `Share.LanLink.Address`, read at each start. */
  address: () => string
  /** Where a moved port and the addresses served are said; default stderr. */
  log?: (line: string) => void
  /** The interface table; default `os.networkInterfaces`. */
  interfaces?: () => InterfaceTable
  /** The PIN throttle's settings (tests make it quick). */
  pin?: PinThrottleInit
}

/** The LAN link server: start/stop, and where it can be reached. */
export class LanLinkServer {
  readonly #init: LanLinkInit
  readonly #log: (line: string) => void
  readonly #context: LanLinkContext
  readonly #serving = new Map<string, Set<ServerResponse>>()
  #servers: Server[] = []
  #hosts = new Set<string>()
  #origin: string | undefined
  #unlisten: (() => void) | undefined
  #busy: Promise<void> = Promise.resolve()

  constructor (init: LanLinkInit) {
    this.#init = init
    this.#log = init.log ?? ((line) => { process.stderr.write(`${line}\n`) })
    this.#context = {
      links: init.links,
      store: init.store,
      throttle: new PinThrottle(init.pin),
      cookies: new LinkCookies(),
      hosts: () => this.#hosts,
      track: (id, res) => { this.#track(id, res) }
    }
  }

  /** Listening now. */
  get running (): boolean {
    return this.#origin !== undefined
  }

  /** `http://<first LAN address>:<port>` while running. */
  get origin (): string | undefined {
    return this.#origin
  }

  /** The URL of link `id` while running. */
  urlOf (id: string): string | undefined {
    return this.#origin === undefined ? undefined : this.#origin + linkPath(id)
  }

  /** Listen (nothing if already listening); LanLinkAddressError or NoLanAddressError when it cannot. */
  async start (): Promise<void> {
    await this.#serial(async () => { if (!this.running) await this.#listen() })
  }

  /** Stop listening and cut every connection (nothing if not listening). */
  async stop (): Promise<void> {
    await this.#serial(async () => { await this.#close() })
  }

  async #listen (): Promise<void> {
    const address = this.#init.address()
    const { hosts, port } = lanBinding(address, (this.#init.interfaces ?? networkInterfaces)())
    const [first = '', ...rest] = hosts
    try {
      let bound: number
      try {
        bound = await this.#bind(first, port)
      } catch (err) {
        if (port === 0 || !isAddressInUse(err)) throw err
        bound = await this.#bind(first, 0)
        this.#log(`Share.LanLink.Address: port ${port} was in use on ${first}, so the LAN link listens on port ${bound} instead`)
      }
      for (const host of rest) {
        await this.#bind(host, bound).catch((err: unknown) => { this.#log(`Share.LanLink.Address: not serving on ${host}: ${(err as Error).message}`) })
      }
      this.#origin = origin(first, bound)
      this.#log(`LAN link serving on ${this.#servers.map((server) => origin((server.address() as AddressInfo).address, bound)).join(', ')}`)
    } catch (err) {
      await this.#close()
      throw new LanLinkAddressError(`cannot serve the LAN link on ${address}: ${(err as Error).message}`, { cause: err })
    }
    this.#unlisten = this.#init.links.onRevoke((id) => { this.#cut(id) })
  }

  async #bind (host: string, port: number): Promise<number> {
    const server = createServer({ maxHeaderSize: 16 * 1024, headersTimeout: 10_000, requestTimeout: 30_000 }, (req, res) => {
      void handleLanLink(this.#context, req, res)
    })
    server.keepAliveTimeout = 5_000
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    const bound = (server.address() as AddressInfo).port
    this.#servers.push(server)
    const authority = origin(host, bound).slice('http://'.length)
    this.#hosts.add(authority)
    // a browser leaves the default port out of Host
    if (bound === 80) this.#hosts.add(authority.slice(0, authority.lastIndexOf(':')))
    return bound
  }

  async #close (): Promise<void> {
    this.#unlisten?.()
    this.#unlisten = undefined
    const servers = this.#servers
    this.#servers = []
    this.#hosts = new Set()
    this.#origin = undefined
    await Promise.all(servers.map(async (server) => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => { resolve() }))
    }))
  }

  #track (id: string, res: ServerResponse): void {
    let set = this.#serving.get(id)
    if (set === undefined) {
      set = new Set()
      this.#serving.set(id, set)
    }
    set.add(res)
    res.once('close', () => {
      set.delete(res)
      if (set.size === 0) this.#serving.delete(id)
    })
  }

  #cut (id: string): void {
    for (const res of this.#serving.get(id) ?? []) res.destroy()
  }

  async #serial (step: () => Promise<void>): Promise<void> {
    const next = this.#busy.then(step)
    this.#busy = next.catch(() => undefined)
    await next
  }
}

function origin (host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}
