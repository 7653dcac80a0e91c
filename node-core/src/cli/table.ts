/**
 * Columns of text for listing verbs: a header row and rows, each column as
 * wide as its widest cell, two spaces between, no trailing blanks.
 */

/** `header` and `rows` as aligned lines, each ending in a newline. */
export function formatTable (header: string[], rows: string[][]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: string[]): string => cells.map((cell, i) => i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd() + '\n'
  return [header, ...rows].map(line).join('')
}
