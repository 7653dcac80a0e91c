/** Picking a name a folder does not hold yet: `name`, `name (2)`, `name (3)`… */

/** `name`, or `name (2).ext`, `name (3).ext`… whichever is not `taken` (the extension kept last for files). */
export function freeName (name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name
  const dot = name.lastIndexOf('.')
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`
    if (!taken.has(candidate)) return candidate
  }
}
