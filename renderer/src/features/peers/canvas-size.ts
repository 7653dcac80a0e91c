/**
 * A canvas sized to its box: follows the box's width (ResizeObserver,
 * where there is one) at the device's pixel ratio.
 */
import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

/** The CSS size of `box`, updated as it resizes; 0×0 until measured (or where nothing lays out, as in tests). */
export function useBoxSize (box: RefObject<HTMLElement | null>): { width: number, height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 })
  useEffect(() => {
    const element = box.current
    if (element === null) return
    const measure = (): void => {
      const { width, height } = element.getBoundingClientRect()
      setSize((s) => s.width === Math.round(width) && s.height === Math.round(height) ? s : { width: Math.round(width), height: Math.round(height) })
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => { observer.disconnect() }
  }, [box])
  return size
}

/** The 2D context of `canvas` sized to `width`×`height` CSS pixels, or null where canvas is unavailable. */
export function prepareCanvas (canvas: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | null {
  if (canvas === null || width === 0 || height === 0) return null
  const ratio = window.devicePixelRatio || 1
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio)
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio)
  const context = canvas.getContext('2d')
  if (context === null) return null
  context.setTransform(ratio, 0, 0, ratio, 0, 0)
  context.clearRect(0, 0, width, height)
  return context
}
