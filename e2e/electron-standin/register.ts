/**
 * `node --import ./e2e/electron-standin/register.ts electron/dist/main.mjs`:
 * the bundled main runs unchanged, its `import … from 'electron'` resolved
 * to the stand-in (electron.ts) by a module-resolution hook; every other
 * specifier resolves as Node resolves it.
 */
import { registerHooks } from 'node:module'
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

const standin = pathToFileURL(join(import.meta.dirname, 'electron.ts')).href

registerHooks({
  resolve (specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standin, shortCircuit: true }
    return nextResolve(specifier, context)
  }
})
