/**
 * A QR code drawn as SVG from the encoder's modules (one path of unit
 * squares): no canvas, no innerHTML, so the page's strict CSP holds. Dark
 * on white in both themes, with the quiet zone scanners need.
 */
import { useMemo } from 'react'
import { create } from 'qrcode'

const QUIET = 4

/** The path of `text`'s dark modules, and the symbol's size with its quiet zone. */
export function qrPath (text: string): { d: string, size: number } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const parts: string[] = []
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.data[row * modules.size + col] === 1) parts.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`)
    }
  }
  return { d: parts.join(''), size: modules.size + QUIET * 2 }
}

/** The QR code of `text`, `pixels` square, named `label`. */
export function QrCode ({ text, label, pixels = 200 }: { text: string, label: string, pixels?: number }) {
  const { d, size } = useMemo(() => qrPath(text), [text])
  return (
    <svg className="qr-code" width={pixels} height={pixels} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid="qr-code">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  )
}
