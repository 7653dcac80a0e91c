/**
 * The theme in force on the document (`data-theme` on <html>), for canvas
 * drawing that must read its colours again when it changes (a choice in
 * Settings, or the system's while the choice is "system").
 */
import { useSyncExternalStore } from 'react'

function subscribe (onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  return () => { observer.disconnect() }
}

/** The document's `data-theme` (`light`, `dark`, or '' before one is applied). */
export function useDocumentTheme (): string {
  return useSyncExternalStore(subscribe, () => document.documentElement.dataset.theme ?? '', () => '')
}

/** The colours a chart draws with, read from the CSS variables now. */
export interface ChartColors {
  text: string
  muted: string
  border: string
  accent: string
  success: string
  surface: string
  font: string
}

/** Read the chart colours from the CSS variables of `element` (they follow the theme). */
export function readChartColors (element: Element): ChartColors {
  const style = getComputedStyle(element)
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback
  return {
    text: v('--text', '#17202b'),
    muted: v('--text-muted', '#4f5b69'),
    border: v('--border', '#d5dae1'),
    accent: v('--accent', '#1f66c9'),
    success: v('--success', '#1a7f37'),
    surface: v('--surface', '#ffffff'),
    font: v('--font', 'system-ui, sans-serif')
  }
}

/** `#rrggbb` at `alpha` as rgba(); other colours unchanged. */
export function withAlpha (color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color)
  if (m === null) return color
  return `rgba(${parseInt(m[1] ?? '0', 16)}, ${parseInt(m[2] ?? '0', 16)}, ${parseInt(m[3] ?? '0', 16)}, ${alpha})`
}
