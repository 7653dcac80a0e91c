// The desktop bundle (`npm run build:desktop`), two builds into electron/dist:
//   - main (default mode): electron/src/main.ts → main.mjs for Electron 45's
//     Node 22; 'electron', Node's builtins and every package of
//     package.json's dependencies stay external (imported from node_modules
//     at run time); our own .ts is bundled into the one file. An ES module,
//     not CommonJS: most dependencies are ESM-only with an "import"-only
//     exports map (@ipld/dag-pb, libp2p, ...), which require() cannot load
//     (ERR_PACKAGE_PATH_NOT_EXPORTED), and Electron (28+) runs an .mjs main
//     as it is, awaiting it before 'ready'.
//   - preload (`--mode preload`): electron/src/preload.ts → preload.cjs, one
//     file whose only require is 'electron' (a sandboxed preload can require
//     nothing else).
// Run main first: it empties the folder, the preload build adds to it.
//
// node-core finds files beside its sources through `import.meta.url` (the
// renderer build, package.json, the geo database); in the bundle each
// module's `import.meta.url` is its source file's URL, relative to the
// bundle's own: main.mjs runs as electron/dist/main.mjs of a tree laid out
// as this checkout is, whether the checkout itself or the packaged app
// (electron-builder.yml copies those files into app.asar at the same
// places). A test building into a temp folder lays that tree out there.
import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, posix, relative, sep } from 'node:path'
import { defineConfig } from 'vite'
import type { Plugin, UserConfig } from 'vite'

const here = import.meta.dirname
const root = join(here, '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
const dependencies = Object.keys(pkg.dependencies ?? {})
const builtins = new Set(builtinModules)

/** Whether `id` stays an import in main.mjs. */
export function isExternalForMain (id: string): boolean {
  if (id === 'electron' || id.startsWith('electron/')) return true
  if (id.startsWith('node:') || builtins.has(id)) return true
  return dependencies.some((name) => id === name || id.startsWith(`${name}/`))
}

/** Where main.mjs runs from, in the checkout and in the packaged app alike. */
const MAIN_DIR = join(here, 'dist')

/**
 * The expressions that stand for `import.meta.url`, `.filename` and
 * `.dirname` of the source `file`, once bundled into main.mjs: its URL
 * relative to main.mjs's own (no path of the building machine is kept).
 */
function sourceImportMetaExpressions (file: string): Record<'url' | 'filename' | 'dirname', string> {
  const url = `new URL(${JSON.stringify(relative(MAIN_DIR, file).split(sep).join(posix.sep))}, import.meta.url)`
  const filename = `process.getBuiltinModule("node:url").fileURLToPath(${url})`
  return { url: `${url}.href`, filename, dirname: `process.getBuiltinModule("node:path").dirname(${filename})` }
}

/** `import.meta.url`, `.dirname` and `.filename` of our own modules, as their source files'. */
function sourceImportMeta (): Plugin {
  return {
    name: 'planetary-source-import-meta',
    transform (code, id) {
      if (id.includes('/node_modules/') || id.startsWith('\0') || !code.includes('import.meta')) return null
      const expressions = sourceImportMetaExpressions(id.split('?')[0] ?? id)
      // Same-line replacements: the lines of the source map stay right.
      const replaced = code.replace(/\bimport\.meta\.(url|filename|dirname)\b/g, (_match, key: 'url' | 'filename' | 'dirname') => `(${expressions[key]})`)
      return { code: replaced, map: null }
    }
  }
}

const main: UserConfig = {
  root,
  logLevel: 'warn',
  publicDir: false,
  plugins: [sourceImportMeta()],
  build: {
    outDir: join(here, 'dist'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    ssr: join(here, 'src', 'main.ts'),
    rolldownOptions: {
      external: isExternalForMain,
      output: { format: 'es', entryFileNames: 'main.mjs', codeSplitting: false }
    }
  },
  ssr: { noExternal: true, target: 'node' }
}

const preload: UserConfig = {
  root,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: join(here, 'dist'),
    emptyOutDir: false,
    target: 'node22',
    minify: false,
    sourcemap: false,
    ssr: join(here, 'src', 'preload.ts'),
    rolldownOptions: {
      external: (id) => id === 'electron',
      output: { format: 'cjs', entryFileNames: 'preload.cjs', codeSplitting: false }
    }
  },
  ssr: { noExternal: true, target: 'node' }
}

export default defineConfig(({ mode }) => mode === 'preload' ? preload : main)
