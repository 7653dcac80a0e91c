/**
 * Light, dark or the system's: kept in localStorage (so it survives a
 * reload, in the browser and the desktop window alike) and applied as
 * `data-theme` on the document element, which the CSS variables follow.
 */
import { create } from 'zustand'

/** A theme choice. */
export type ThemeChoice = 'light' | 'dark' | 'system'

const KEY = 'planetary-theme'

function stored (): ThemeChoice {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY)
  return value === 'light' || value === 'dark' ? value : 'system'
}

function systemDark (): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
}

/** The theme in force: `light` or `dark`. */
export function resolvedTheme (choice: ThemeChoice): 'light' | 'dark' {
  return choice === 'system' ? (systemDark() ? 'dark' : 'light') : choice
}

function apply (choice: ThemeChoice): void {
  if (typeof document === 'undefined') return
  document.documentElement.dataset.theme = resolvedTheme(choice)
}

/** The theme store: the choice and how to change it. */
export const useTheme = create<{ choice: ThemeChoice, setChoice: (choice: ThemeChoice) => void }>()((set) => ({
  choice: stored(),
  setChoice: (choice) => {
    localStorage.setItem(KEY, choice)
    apply(choice)
    set({ choice })
  }
}))

/** Apply the kept choice now, and follow the system's while the choice is `system`. */
export function startTheme (): void {
  apply(useTheme.getState().choice)
  if (typeof matchMedia === 'function') {
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { apply(useTheme.getState().choice) })
  }
}
