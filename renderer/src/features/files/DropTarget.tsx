/**
 * Dropping files anywhere on the window (being built).
 */
import type { ReactNode } from 'react'

/** Wraps the app so a drop anywhere imports. */
export function DropTarget ({ children }: { children: ReactNode }) {
  return <>{children}</>
}
