// The app:// scheme that serves the web UI in the desktop window (its CSP, the files it serves and refuses, the index fallback) and the window's pure decisions (web preferences, navigation, external links, the IPC trust check).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { APP_URL, contentSecurityPolicy, createAppHandler, isAppUrl, registerAppProtocol, resolveAppTarget } from '../src/app-protocol.ts'
import { externalLinkAllowed, isAppMainFrame, navigationDecision, windowWebPreferences } from '../src/window.ts'

const root = '/srv/dist'
const files = new Map([['/srv/dist/index.html', 'INDEX'], ['/srv/dist/assets/app.js', 'JS'], ['/srv/dist/assets/a b.css', 'CSS']])
const readFile = async (file: string) => {
  const text = files.get(file)
  if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
  return new TextEncoder().encode(text)
}
const handler = createAppHandler({ root, gatewayUrl: 'http://127.0.0.1:8080', readFile })
const get = async (url: string, method = 'GET') => await handler(new Request(url, { method }))

test('the CSP is strict and lets the gateway give images, media and frames', () => {
  const csp = contentSecurityPolicy('http://127.0.0.1:8080/ipfs/x')
  for (const part of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: http://127.0.0.1:8080", 'media-src http://127.0.0.1:8080', 'frame-src http://127.0.0.1:8080', "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) assert.ok(csp.includes(part), part)
  assert.equal(contentSecurityPolicy(undefined).includes('frame-src \'none\''), true)
  assert.ok(!contentSecurityPolicy("http://x'; script-src *").includes('script-src *'))
  assert.ok(!contentSecurityPolicy('javascript:alert(1)').includes('javascript'))
})

test('files inside the build are served with the CSP and their type', async () => {
  const res = await get('app://planetary/assets/app.js')
  assert.equal(res.status, 200)
  assert.equal(await res.text(), 'JS')
  assert.match(res.headers.get('content-type') ?? '', /javascript/)
  assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/)
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff')
  assert.equal(await (await get('app://planetary/assets/a%20b.css')).text(), 'CSS')
  assert.equal(await (await get('app://planetary/')).text(), 'INDEX')
  assert.equal(await (await get(APP_URL)).text(), 'INDEX')
})

test('unknown paths: index.html without an extension, 404 with one', async () => {
  assert.equal(await (await get('app://planetary/explore/ipfs')).text(), 'INDEX')
  assert.equal((await get('app://planetary/missing.js')).status, 404)
})

test('nothing outside the build, another host, or another method', async () => {
  for (const url of ['app://planetary/%2e%2e/secret', 'app://planetary/..%2fsecret', 'app://planetary/assets/..%2f..%2fetc/passwd', 'app://planetary/%2fetc%2fpasswd', 'app://planetary/../../etc/passwd']) {
    const target = resolveAppTarget(root, url)
    assert.ok(target.kind === 'refused' || target.file.startsWith(`${root}/`), `${url}: ${JSON.stringify(target)}`)
  }
  assert.equal(resolveAppTarget(root, 'app://planetary/..%2f..%2fetc/passwd').kind, 'refused')
  assert.equal(resolveAppTarget(root, 'app://planetary/a%5c..%5c..%5cx', path.win32 as typeof path.posix).kind, 'refused')
  assert.equal((await get('app://planetary/%00')).status, 400)
  assert.equal((await get('app://planetary/%E0%A4%A')).status, 400)
  assert.equal((await get('app://other/index.html')).status, 404)
  assert.equal((await get('app://planetary/index.html', 'POST')).status, 405)
})

test('registerAppProtocol handles app and unhandles it', () => {
  const calls: string[] = []
  const stop = registerAppProtocol({ handle: (scheme: string) => { calls.push(`handle ${scheme}`) }, unhandle: (scheme: string) => { calls.push(`unhandle ${scheme}`) } } as never, { root, readFile })
  stop()
  assert.deepEqual(calls, ['handle app', 'unhandle app'])
})

test('links: only http(s) to the browser, the app origin stays, the rest is dropped', () => {
  assert.equal(externalLinkAllowed('https://docs.ipfs.tech/'), true)
  assert.equal(externalLinkAllowed('http://127.0.0.1:8080/ipfs/x'), true)
  for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://planetary/x', 'smb://host/share', 'https://user:pw@host/', 'https://a.b/\nx', 'not a url', `https://a.b/${'x'.repeat(9000)}`]) assert.equal(externalLinkAllowed(url), false, url)
  assert.equal(navigationDecision('app://planetary/index.html#/files'), 'allow')
  assert.equal(navigationDecision('https://example.com'), 'external')
  assert.equal(navigationDecision('file:///etc'), 'deny')
  assert.equal(isAppUrl('app://evil/index.html'), false)
})

test('web preferences keep Node out of the page', () => {
  const p = windowWebPreferences('/x/preload.cjs')
  assert.equal(p.contextIsolation, true); assert.equal(p.sandbox, true); assert.equal(p.nodeIntegration, false); assert.equal(p.webSecurity, true); assert.equal(p.spellcheck, false)
})

test('only the main frame of the window, at app://, is trusted', () => {
  const webContents = { mainFrame: { processId: 1, routingId: 2 } }
  const win = { isDestroyed: () => false, webContents }
  const frame = (url: string, routingId = 2) => ({ url, processId: 1, routingId })
  assert.equal(isAppMainFrame({ sender: webContents, senderFrame: frame('app://planetary/index.html') }, win), true)
  assert.equal(isAppMainFrame({ sender: webContents, senderFrame: frame('https://evil.example/') }, win), false)
  assert.equal(isAppMainFrame({ sender: webContents, senderFrame: frame('app://planetary/index.html', 3) }, win), false)
  assert.equal(isAppMainFrame({ sender: {}, senderFrame: frame('app://planetary/index.html') }, win), false)
  assert.equal(isAppMainFrame({ sender: webContents, senderFrame: null }, win), false)
  assert.equal(isAppMainFrame({ sender: webContents, senderFrame: frame('app://planetary/') }, undefined), false)
  assert.equal(isAppMainFrame({ sender: webContents, senderFrame: frame('app://planetary/') }, { ...win, isDestroyed: () => true }), false)
})
