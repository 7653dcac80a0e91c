/**
 * Toasts: short messages at the corner, errors with what to do next. An
 * error is shown by its name's text (texts/errors.ts), never as a stack.
 */
import { create } from 'zustand'
import { errorText } from '../texts/errors.ts'

/** One toast. */
export interface Toast {
  id: number
  kind: 'info' | 'error' | 'success'
  text: string
}

interface ToastState {
  toasts: Toast[]
  dismiss: (id: number) => void
}

let nextId = 1

/** The toast store. */
export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  dismiss: (id) => { set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })) }
}))

function push (kind: Toast['kind'], text: string, ms: number | undefined): void {
  const id = nextId++
  useToasts.setState((s) => ({ toasts: [...s.toasts.slice(-4), { id, kind, text }] }))
  if (ms !== undefined) setTimeout(() => { useToasts.getState().dismiss(id) }, ms)
}

/** Show a message. */
export function notify (text: string, kind: 'info' | 'success' = 'info'): void {
  push(kind, text, 4000)
}

/** Show an error in words a user can act on (`what` says what was being done); it stays until dismissed, so there is time to read and act on it. */
export function notifyError (what: string, err: unknown): void {
  push('error', `${what}: ${errorText(err)}`, undefined)
}
