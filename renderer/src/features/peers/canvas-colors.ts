/**
 * The theme's colours for canvas drawing: canvas cannot use CSS variables,
 * so they are read from the computed style and read again when the theme
 * (`data-theme` on the document element) changes.
 */
import { useEffect, useState } from 'react'

/** The variables of styles/base.css the map and the graph draw with. */
export interface CanvasColors {
  bg: string
  surface: string
  surface2: string
  border: string
  text: string
  muted: string
  accent: string
  accentText: string
  accentSoft: string
  success: string
  font: string
}

const VARS: Record<keyof CanvasColors, string> = {
  bg: '--bg',
  surface: '--surface',
  surface2: '--surface-2',
  border: '--border',
  text: '--text',
  muted: '--text-muted',
  accent: '--accent',
  accentText: '--accent-text',
  accentSoft: '--accent-soft',
  success: '--success',
  font: '--font'
}

function read (): CanvasColors {
  const style = getComputedStyle(document.documentElement)
  const colors = {} as CanvasColors
  for (const [key, name] of Object.entries(VARS) as Array<[keyof CanvasColors, string]>) colors[key] = style.getPropertyValue(name).trim() || '#888'
  return colors
}

/** The colours now, updated when the theme changes. */
export function useCanvasColors (): CanvasColors {
  const [colors, setColors] = useState(read)
  useEffect(() => {
    const observer = new MutationObserver(() => { setColors(read()) })
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    return () => { observer.disconnect() }
  }, [])
  return colors
}
