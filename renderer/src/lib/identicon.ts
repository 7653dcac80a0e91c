/**
 * An identicon of a peer ID: a 5×5 mirrored grid and a hue drawn from the
 * ID's bytes (FNV-1a), so two peers are told apart at a glance and the same
 * peer looks the same on every screen.
 */

/** The cells to fill (row-major, 25) and the colour of a peer's identicon. */
export function identicon (id: string): { cells: boolean[], hue: number } {
  let hash = 0x811c9dc5
  const bits: number[] = []
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i) + round
      hash = Math.imul(hash, 0x01000193) >>> 0
    }
    for (let b = 0; b < 32; b++) bits.push((hash >>> b) & 1)
  }
  const cells: boolean[] = []
  for (let row = 0; row < 5; row++) {
    for (let col = 0; col < 5; col++) {
      const mirrored = col < 3 ? col : 4 - col
      cells.push(bits[row * 3 + mirrored] === 1)
    }
  }
  return { cells, hue: hash % 360 }
}
