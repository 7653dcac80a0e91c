/**
 * The desktop window's door: Electron's preload exposes the contract's
 * transport as `window.planetary` (contextBridge); in a browser there is none.
 */
import type { ApiTransport } from '../../../node-core/src/api/transport.ts'

declare global {
  interface Window {
    /** Set by the desktop window's preload only. */
    planetary?: ApiTransport & {
      /** The local paths of dropped files (Electron's webUtils.getPathForFile). */
      pathsOf?: (files: File[]) => string[]
    }
  }
}

/** The preload's transport, when this page runs in the desktop window. */
export function preloadTransport (): Window['planetary'] {
  return typeof window === 'undefined' ? undefined : window.planetary
}
