/**
 * Hash routes: `#/files/<path>`, `#/devices` (`#/devices/sent`), `#/status`,
 * `#/peers`, `#/explore/<path>`, `#/settings`. The hash keeps routes working from a file:// page (the
 * desktop window) and under /webui/ alike, with no server routing.
 */
import { useSyncExternalStore } from 'react'

/** The pages. */
export const PAGES = ['files', 'devices', 'status', 'peers', 'explore', 'settings'] as const
/** A page's name. */
export type PageName = (typeof PAGES)[number]

/** A parsed route: the page and the rest of the path (decoded, starting with `/`). */
export interface Route {
  page: PageName | undefined
  rest: string
}

/** Parse a location hash. An empty hash is Files. */
export function parseRoute (hash: string): Route {
  const path = hash.replace(/^#/, '')
  if (path === '' || path === '/') return { page: 'files', rest: '/' }
  const match = /^\/([a-z]+)(\/.*)?$/.exec(path)
  const page = PAGES.find((p) => p === match?.[1])
  let rest = match?.[2] ?? '/'
  try {
    rest = decodeURIComponent(rest)
  } catch {
    rest = '/'
  }
  return { page, rest }
}

/** The hash of `page` with `rest` (each segment encoded). */
export function routeHash (page: PageName, rest = '/'): string {
  const encoded = rest === '/' ? '' : rest.split('/').map(encodeURIComponent).join('/')
  return `#/${page}${encoded}`
}

/** Go to `page` (and `rest`). */
export function navigate (page: PageName, rest = '/'): void {
  location.hash = routeHash(page, rest)
}

function subscribe (onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => { window.removeEventListener('hashchange', onChange) }
}

/** The current route, re-rendering on change. */
export function useRoute (): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash, () => '')
  return parseRoute(hash)
}
