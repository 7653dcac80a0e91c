// Every error class of every layer names itself: `name` (static and on
// instances) equals the exported class name, and `code` is a stable ERR_
// string, unique across the node, since both cross the RPC as
// `{name, message, code}`. The modules are found on disk, so a new layer's
// errors.ts (or `*-errors.ts`) is checked without editing this test.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const SRC = fileURLToPath(new URL('../src', import.meta.url))

function errorModules (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return errorModules(path)
    return entry.name === 'errors.ts' || entry.name.endsWith('-errors.ts') ? [path] : []
  })
}

test('error classes carry their own name and a unique code', async () => {
  const modules = errorModules(SRC)
  assert.ok(modules.length >= 10, modules.join(', '))
  const codes = new Map<string, string>()
  for (const path of modules) {
    const exports = await import(pathToFileURL(path).href) as Record<string, unknown>
    for (const [exported, value] of Object.entries(exports)) {
      if (typeof value !== 'function' || !(value.prototype instanceof Error)) continue
      const where = `${relative(SRC, path)}: ${exported}`
      const ErrorClass = value as new (message: string) => Error & { code?: unknown }
      const err = new ErrorClass('message')
      assert.ok(err instanceof Error, where)
      assert.equal(ErrorClass.name, exported, where)
      assert.equal(err.name, exported, where)
      assert.equal(err.message, 'message', where)
      assert.equal(typeof err.code, 'string', where)
      const code = err.code as string
      assert.match(code, /^ERR_[A-Z0-9_]+$/, where)
      assert.equal(codes.get(code), undefined, `${where}: code ${code} is also ${codes.get(code) ?? ''}`)
      codes.set(code, where)
    }
  }
  assert.ok(codes.size >= 30, `${codes.size} error classes`)
})
