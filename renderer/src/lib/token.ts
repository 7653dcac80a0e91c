/**
 * The web UI's token: the daemon prints it in the URL's fragment
 * (`/webui/#token=…`), which never reaches a server. It is kept for this tab
 * in sessionStorage and taken out of the address bar at once.
 */
const KEY = 'planetary-token'

/** Read a token from the fragment (keeping it for the tab), else the one kept; undefined when there is none. */
export function takeToken (location: Pick<Location, 'hash' | 'pathname' | 'search'>, storage: Storage, history: Pick<History, 'replaceState'>): string | undefined {
  const params = new URLSearchParams(location.hash.slice(1))
  const fromUrl = params.get('token')
  if (fromUrl !== null && /^[A-Za-z0-9_-]{16,200}$/.test(fromUrl)) {
    storage.setItem(KEY, fromUrl)
    history.replaceState(null, '', `${location.pathname}${location.search}#/files`)
    return fromUrl
  }
  const kept = storage.getItem(KEY)
  return kept === null || kept === '' ? undefined : kept
}

/** Forget the kept token (it was refused). */
export function forgetToken (storage: Storage): void {
  storage.removeItem(KEY)
}
