/**
 * Whether the page is visible: animation, charts and polling pause while
 * the tab or window is hidden.
 */
import { useSyncExternalStore } from 'react'

function subscribe (onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange)
  return () => { document.removeEventListener('visibilitychange', onChange) }
}

/** True while the document is visible. */
export function usePageVisible (): boolean {
  return useSyncExternalStore(subscribe, () => document.visibilityState !== 'hidden', () => true)
}
