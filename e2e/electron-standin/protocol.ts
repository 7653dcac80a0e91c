/**
 * The stand-in's `protocol`: custom schemes' handlers, and where their
 * pages live in Chromium.
 *
 * Chromium cannot load a scheme it does not know, so a registered scheme's
 * URL `<scheme>://<host>/<path>` is loaded as
 * `http://<host>.<scheme>.standin/<path>`, every request to it answered by
 * the app's own handler (Playwright's request routing: nothing listens on
 * that name). The page's origin is therefore an http one: the handler's
 * CSP is enforced by Chromium as sent, but `'self'` means that origin, and
 * the scheme's privileges (`standard`, `secure`) are not reproduced.
 * Everything the app sees (navigations, IPC senders) is mapped back to the
 * scheme's URL.
 */
import { record } from './control.ts'
import type { CustomScheme } from 'electron'

type Handler = (request: Request) => Response | Promise<Response>

const handlers = new Map<string, Handler>()
const SUFFIX = '.standin'

/** The URL Chromium loads for `url` (unchanged unless its scheme has a handler). */
export function toChromiumUrl (url: string): string {
  const parsed = URL.parse(url)
  const scheme = parsed?.protocol.slice(0, -1)
  if (parsed === null || scheme === undefined || !handlers.has(scheme)) return url
  return `http://${parsed.host}.${scheme}${SUFFIX}${parsed.pathname}${parsed.search}${parsed.hash}`
}

/** The app's URL for what Chromium loaded (unchanged unless it is a handled scheme's). */
export function toAppUrl (url: string): string {
  const parsed = URL.parse(url)
  if (parsed?.protocol !== 'http:' || !parsed.hostname.endsWith(SUFFIX)) return url
  const labels = parsed.hostname.slice(0, -SUFFIX.length).split('.')
  const scheme = labels.pop() ?? ''
  return `${scheme}://${labels.join('.')}${parsed.pathname}${parsed.search}${parsed.hash}`
}

/** The handler for a Chromium URL of a handled scheme, if any. */
export function handlerFor (chromiumUrl: string): Handler | undefined {
  const appUrl = toAppUrl(chromiumUrl)
  if (appUrl === chromiumUrl) return undefined
  return handlers.get(appUrl.slice(0, appUrl.indexOf(':')))
}

/** Electron's `protocol`, the part electron/ uses. */
export const protocol = {
  registerSchemesAsPrivileged (schemes: CustomScheme[]): void {
    record('protocol:privileged', { schemes: schemes.map((scheme) => ({ scheme: scheme.scheme, privileges: scheme.privileges ?? {} })) })
  },
  handle (scheme: string, handler: Handler): void {
    if (handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`)
    handlers.set(scheme, handler)
    record('protocol:handle', { scheme })
  },
  unhandle (scheme: string): void {
    handlers.delete(scheme)
  },
  isProtocolHandled (scheme: string): boolean {
    return handlers.has(scheme)
  }
}
