/**
 * A peer's identicon, drawn as SVG from its ID (lib/identicon.ts).
 */
import { identicon } from '../lib/identicon.ts'

/** The identicon of `id`, `size` pixels square; decorative unless `label` is given. */
export function Identicon ({ id, size = 24, label }: { id: string, size?: number, label?: string }) {
  const { cells, hue } = identicon(id)
  return (
    <svg className="identicon" width={size} height={size} viewBox="0 0 5 5" role={label === undefined ? undefined : 'img'} aria-label={label} aria-hidden={label === undefined ? true : undefined}>
      <rect width="5" height="5" fill={`hsl(${hue} 40% 92%)`} />
      {cells.map((on, i) => on ? <rect key={i} x={i % 5} y={Math.floor(i / 5)} width="1" height="1" fill={`hsl(${hue} 60% 42%)`} /> : null)}
    </svg>
  )
}
