// `npm run bench -- <name>`: run one benchmark, print its table, and write
// its JSON under bench/results/. Benchmarks are not tests: they assert nothing.
// Each is named by its file, so that each is typechecked with its own
// settings (ui.ts runs code in the page, desktop.ts the renderer's adapter:
// tsconfig.e2e.json, with the DOM).
const benches: Record<string, string> = {
  add: './add.ts',
  api: './api.ts',
  bitswap: './bitswap.ts',
  desktop: './desktop.ts',
  gateway: './gateway.ts',
  net: './net.ts',
  share: './share.ts',
  ui: './ui.ts'
}

const name = process.argv[2]
const file = name === undefined ? undefined : benches[name]
if (file === undefined) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}>\n`)
  process.exit(2)
}
await import(file)
