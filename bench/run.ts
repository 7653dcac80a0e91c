// `npm run bench -- <name>`: run one benchmark, print its table, and write
// its JSON under bench/results/. Benchmarks are not tests: they assert nothing.
const benches: Record<string, () => Promise<unknown>> = {
  add: async () => await import('./add.ts'),
  api: async () => await import('./api.ts'),
  bitswap: async () => await import('./bitswap.ts'),
  gateway: async () => await import('./gateway.ts'),
  net: async () => await import('./net.ts')
}

const name = process.argv[2]
const load = name === undefined ? undefined : benches[name]
if (load === undefined) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}>\n`)
  process.exit(2)
}
await load()
