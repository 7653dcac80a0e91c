// The desktop bundle (electron/vite.config.ts), built into a temp folder:
// the preload is one sandbox-compatible CommonJS file whose only require is
// 'electron' (no Node module, no zod); main.mjs exists, keeps its
// dependencies external, names no path of this checkout, and loads under
// Node up to its first Electron call from a tree laid out as the packaged
// app is (<app>/electron/dist/main.mjs beside <app>/package.json), with a
// stand-in 'electron' module: the real package downloads its binary.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { build } from 'vite'

const config = join(import.meta.dirname, '..', 'vite.config.ts')

test('the desktop bundle: one preload requiring only electron, and a main that loads', async (t) => {
  const app = await mkdtemp(join(tmpdir(), 'planetary-bundle-'))
  t.after(async () => { await rm(app, { recursive: true, force: true }) })
  const outDir = join(app, 'electron', 'dist')
  await build({ configFile: config, logLevel: 'silent', build: { outDir } })
  await build({ configFile: config, mode: 'preload', logLevel: 'silent', build: { outDir } })

  const files = (await readdir(outDir)).sort()
  assert.deepEqual(files.filter((f) => f.startsWith('preload')), ['preload.cjs'], 'the preload is one file')
  assert.ok(files.includes('main.mjs'), `main.mjs is built (got ${files.join(', ')})`)
  assert.deepEqual(files.filter((f) => !/^(main\.mjs(\.map)?|preload\.cjs)$/.test(f)), [], 'nothing but main and preload (no chunks)')

  const preload = await readFile(join(outDir, 'preload.cjs'), 'utf8')
  const requires = [...preload.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]*)\1\s*\)/g)].map((m) => m[2])
  assert.deepEqual([...new Set(requires)], ['electron'], 'the preload requires electron and nothing else')
  assert.doesNotMatch(preload, /\bimport\s*\(|^\s*import\s|^\s*export\s/m, 'the preload is CommonJS: no import or export')
  assert.ok(!preload.includes('node:'), 'the preload names no node: module')
  assert.doesNotMatch(preload, /zod|ZodError|safeParse/i, 'the preload carries no zod')
  assert.match(preload, /exposeInMainWorld\(\s*["']planetary["']/, 'the preload exposes window.planetary')

  const main = await readFile(join(outDir, 'main.mjs'), 'utf8')
  assert.match(main, /from ["']electron["']/, 'main imports electron')
  assert.doesNotMatch(main, /^\/\/ node_modules\//m, 'main bundles no dependency: they stay external')
  const checkout = join(import.meta.dirname, '..', '..')
  assert.ok(!main.includes(checkout), 'main names no path of this checkout: node-core finds its files relative to main.mjs')
  assert.match(main, /new URL\("\.\.\/\.\.\/node-core\/src\/daemon\/webui\.ts", import\.meta\.url\)/, "a module's import.meta.url is its source's place relative to main.mjs")
  // What main reads at load (package.json's version), where the app has it.
  await copyFile(join(checkout, 'package.json'), join(app, 'package.json'))

  // Load main.mjs under Node with a stand-in 'electron': every external resolves, and main()
  // starts (the stand-in's app asks for the one relaunch of runtime-flags.ts, then exits).
  // The stand-in exports every name main imports from electron (a class will do: none is used before the relaunch).
  const imported = /^import \{([^}]*)\} from "electron";$/m.exec(main)?.[1]?.split(',').map((name) => name.trim()) ?? []
  assert.ok(imported.includes('app'), `main imports app from electron (${imported.join(', ')})`)
  const stub = join(outDir, 'electron-stub.mjs')
  await writeFile(stub, [
    "export const app = { commandLine: { getSwitchValue: () => '', appendSwitch () {} }, relaunch (o) { console.log('RELAUNCH ' + JSON.stringify(o.args.at(-1))) }, exit (code) { console.log('EXIT ' + code); process.exit(code) } }",
    ...imported.filter((name) => name !== 'app').map((name) => `export const ${name} = class {}`)
  ].join('\n'))
  const hooks = join(outDir, 'hooks.mjs')
  // The temp folder has no node_modules: main's dependencies resolve as from electron/dist.
  const from = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'main.mjs')).href
  await writeFile(hooks, [
    'export async function resolve (specifier, context, next) {',
    `  if (specifier === 'electron') return { url: ${JSON.stringify(pathToFileURL(stub).href)}, shortCircuit: true }`,
    `  return next(specifier, context.parentURL === ${JSON.stringify(pathToFileURL(join(outDir, 'main.mjs')).href)} ? { ...context, parentURL: ${JSON.stringify(from)} } : context)`,
    '}'
  ].join('\n'))
  const register = join(outDir, 'register.mjs')
  await writeFile(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)
  const env = { ...process.env }
  delete env.PLANETARY_RELAUNCHED
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', pathToFileURL(register).href, join(outDir, 'main.mjs')], { env, timeout: 60_000 })
  assert.match(stdout, /RELAUNCH "--js-flags=[^"]*--optimize-for-size/, 'main applied the runtime flags and relaunched once')
  assert.match(stdout, /EXIT 0/)
})
