// electron-builder.yml: electron-builder's own loader and schema validation
// accept it; the keys the app relies on hold what they must; every icon it
// names exists at the size its name says; asarUnpack covers every native
// module of the production dependency tree. Then the app is built (both
// bundles and the web UI) into a temp project beside this one's
// node_modules: every `files` pattern matches a file of it, the paths
// main.mjs resolves relative to itself land on real files, and
// electron-builder packs it (`--linux dir`) into app.asar with its
// dependencies, the native ones unpacked, and the release feed. The
// Electron it packs is a stand-in binary (electronDist): the real one is a
// download, which this machine cannot make; for the same reason the fuses,
// which patch the real binary, are left out of that run.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, matchesGlob, posix, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { stageProject } from '../../scripts/dist-stage.ts'
import { promisify } from 'node:util'
import { build } from 'vite'

const ROOT = join(import.meta.dirname, '..', '..')
const require = createRequire(import.meta.url)

interface BuilderConfig {
  appId: string
  productName: string
  extraMetadata: { main: string }
  files: string[]
  asar: boolean
  asarUnpack: string[]
  protocols: Array<{ name: string, schemes: string[] }>
  publish: { provider: string, owner: string, repo: string }
  mac: { target: string, icon: string, extendInfo: Record<string, unknown> }
  win: { target: string, icon: string }
  linux: { target: string[], icon: string, maintainer: string }
}

interface ConfigModule {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: null) => Promise<Record<string, unknown>>
  validateConfiguration: (config: Record<string, unknown>, debugLogger: unknown) => Promise<void>
}

const yaml = require('js-yaml') as { load: (text: string) => unknown }
const config = yaml.load(await readFile(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig

/** A path relative to the project, with `/` separators, as electron-builder's patterns see it. */
function projectPath (file: string): string {
  return relative(ROOT, file).split(sep).join(posix.sep)
}

/** Every file under `dir` (recursively), as project paths, skipping `skip`. */
async function listFiles (dir: string, skip: (path: string) => boolean = () => false): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => projectPath(join(e.parentPath, e.name))).filter((p) => !skip(p))
}

/** Width and height from a PNG's IHDR chunk. */
async function pngSize (file: string): Promise<{ width: number, height: number }> {
  const bytes = await readFile(file)
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${file} is a PNG`)
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR', `${file} starts with IHDR`)
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

const matchesAny = (path: string, patterns: string[]): boolean => patterns.some((pattern) => matchesGlob(path, pattern))

/** Whether `files` takes `path`: a pattern matches it and no `!pattern` after it drops it. */
function packaged (path: string): boolean {
  let taken = false
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) taken &&= !matchesGlob(path, pattern.slice(1))
    else taken ||= matchesGlob(path, pattern)
  }
  return taken
}

describe('electron-builder.yml', () => {
  it("loads and validates with electron-builder's own configuration code and schema", async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as ConfigModule
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    const loaded = await getConfig(ROOT, null, null)
    assert.equal(loaded.appId, config.appId, 'electron-builder found this file')
    await validateConfiguration(loaded, new DebugLogger(false))
    await assert.rejects(validateConfiguration({ ...loaded, mac: { ...config.mac, extendInfos: {} } }, new DebugLogger(false)), /configuration object that does not match the API schema/, 'the schema check is live')
  })

  it('names the app, its entry, its links, its feed and its LAN access', () => {
    assert.equal(config.appId, 'io.planetary.desktop')
    assert.equal(config.productName, 'Planetary')
    assert.equal(config.extraMetadata.main, 'electron/dist/main.mjs')
    assert.equal(config.asar, true)
    assert.deepEqual(config.protocols.flatMap((p) => p.schemes).sort(), ['ipfs', 'ipns'])
    assert.deepEqual({ ...config.publish }, { provider: 'github', owner: 'planetary-app', repo: 'planetary', releaseType: 'release' })
    assert.deepEqual([config.mac.target, config.win.target, ...config.linux.target], ['dmg', 'nsis', 'AppImage', 'deb'])
    assert.match(String(config.mac.extendInfo.NSLocalNetworkUsageDescription), /local network/)
    assert.deepEqual(config.mac.extendInfo.NSBonjourServices, ['_p2p._udp'], "libp2p's mDNS service")
    assert.match(config.linux.maintainer, /<[^@\s]+@[^>\s]+>/, 'deb needs a maintainer with an email')
  })

  it('names icons that exist at the sizes their names say', async () => {
    for (const icon of [config.mac.icon, config.win.icon]) {
      assert.deepEqual(await pngSize(join(ROOT, icon)), { width: 1024, height: 1024 }, `${icon}: the 1024 px source of the icns and the ico`)
    }
    const set = (await readdir(join(ROOT, config.linux.icon))).filter((name) => name.endsWith('.png'))
    const sizes: number[] = []
    for (const name of set) {
      const named = /^(\d+)x(\d+)\.png$/.exec(name)
      assert.ok(named !== null && named[1] === named[2], `${name}: electron-builder reads the size from the name`)
      const size = Number(named[1])
      assert.deepEqual(await pngSize(join(ROOT, config.linux.icon, name)), { width: size, height: size }, name)
      sizes.push(size)
    }
    assert.deepEqual(sizes.sort((a, b) => a - b), [16, 24, 32, 48, 64, 128, 256, 512, 1024], 'the hicolor sizes up to the source')
  })

  describe('with the app built', () => {
    let project = ''
    let built: string[] = []
    let main = ''

    before(async () => {
      project = await mkdtemp(join(tmpdir(), 'planetary-packaging-'))
      const desktop = join(ROOT, 'electron', 'vite.config.ts')
      await build({ configFile: desktop, logLevel: 'silent', build: { outDir: join(project, 'electron', 'dist') } })
      await build({ configFile: desktop, mode: 'preload', logLevel: 'silent', build: { outDir: join(project, 'electron', 'dist') } })
      await build({ configFile: join(ROOT, 'renderer', 'vite.config.ts'), logLevel: 'silent', build: { outDir: join(project, 'renderer', 'dist'), emptyOutDir: true } })
      built = (await readdir(project, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(project, join(e.parentPath, e.name)).split(sep).join(posix.sep))
      main = await readFile(join(project, 'electron', 'dist', 'main.mjs'), 'utf8')
    })
    after(async () => { await rm(project, { recursive: true, force: true }) })

    it('matches a file with every `files` pattern', async () => {
      const generated = /^(node_modules|\.git|\.tmp|release|electron\/dist|renderer\/dist)\//
      const project = [...await listFiles(ROOT, (p) => generated.test(p)), ...built]
      for (const pattern of config.files) {
        assert.ok(project.some((path) => matchesGlob(path, pattern.replace(/^!/, ''))), `${pattern} matches a file of the built app`)
      }
      for (const needed of ['electron/dist/main.mjs', 'electron/dist/preload.cjs', 'renderer/dist/index.html', 'package.json']) {
        assert.ok(packaged(needed), `${needed} is packaged`)
      }
      const maps = project.filter((path) => path.endsWith('.map') && /^(electron|renderer)\/dist\//.test(path))
      assert.ok(maps.length > 0 && maps.every((path) => !packaged(path)), 'no source map')
    })

    it("resolves main.mjs's relative paths to real files, and packages what it reads", () => {
      // `new URL("<path>", import.meta.url)`: a source's place relative to electron/dist/main.mjs.
      const sources = [...main.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((m) => posix.join('electron/dist', m[1] ?? ''))
      assert.ok(sources.length >= 4, `main.mjs finds files relative to itself (got ${sources.join(', ')})`)
      for (const source of new Set(sources)) assert.ok(existsSync(join(ROOT, source)), `${source} exists`)
      // What those sources read beside them, and what main.ts reads from the app's root.
      assert.match(main, /new URL\("\.\.\/\.\.\/\.\.\/renderer\/dist\/", new URL\("\.\.\/\.\.\/node-core\/src\/daemon\/webui\.ts"/, 'the web UI build, from webui.ts')
      assert.match(main, /join\(ROOT, "assets"\)/, "the tray's icons, from the app's root")
      for (const read of ['renderer/dist/index.html', 'package.json', 'assets/tray/png/running-on-light-16.png']) {
        assert.ok(packaged(read), `${read} is packaged`)
      }
    })

    it('packs with electron-builder into app.asar: the app, its dependencies, the natives unpacked, the feed', async (t) => {
      await stageProject(ROOT, project)
      const electronDist = join(project, 'stand-in-electron')
      await mkdir(electronDist)
      await writeFile(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n')
      await chmod(join(electronDist, 'electron'), 0o755)
      const output = join(project, 'release')
      const builder = require('electron-builder') as { build: (options: Record<string, unknown>) => Promise<string[]>, Platform: { LINUX: { createTarget: (target: string, arch: number) => unknown } }, Arch: { x64: number } }
      await builder.build({ projectDir: project, targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64), publish: 'never', config: { electronDist, electronFuses: null, directories: { output } } })

      const resources = join(output, 'linux-unpacked', 'resources')
      const archive = join(resources, 'app.asar')
      const asar = require('@electron/asar') as { listPackage: (archive: string) => string[], extractFile: (archive: string, file: string) => Buffer, extractAll: (archive: string, dest: string) => void }
      const listed = new Set(asar.listPackage(archive).map((p) => p.split(sep).join(posix.sep).replace(/^\//, '')))
      for (const file of ['electron/dist/main.mjs', 'electron/dist/preload.cjs', 'renderer/dist/index.html', 'assets/tray/png/running-on-dark-22.png', 'node_modules/libp2p/package.json', 'node_modules/@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb']) {
        assert.ok(listed.has(file), `app.asar holds ${file}`)
      }
      assert.ok(![...listed].some((p) => /^(electron|renderer)\/dist\/.*\.map$/.test(p)), 'no source map of the app')
      assert.ok(![...listed].some((p) => /^node_modules\/(electron|electron-builder|vite|playwright-core)\//.test(p)), 'no development dependency')
      const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as { main?: string }
      assert.equal(pkg.main, 'electron/dist/main.mjs', "the packaged package.json's main")
      const natives = [...listed].filter((p) => p.endsWith('.node'))
      // Which natives a clean install has depends on its prebuilds (none on CI's npm ci); each one present must be unpacked.
      for (const file of natives) assert.ok(existsSync(join(resources, 'app.asar.unpacked', file)), `${file} is unpacked`)
      const feed = yaml.load(await readFile(join(resources, 'app-update.yml'), 'utf8')) as Record<string, unknown>
      assert.deepEqual({ provider: feed.provider, owner: feed.owner, repo: feed.repo }, { provider: 'github', owner: 'planetary-app', repo: 'planetary' }, 'the feed electron-updater reads')

      // The packed app, extracted, loads under Node up to its first Electron call: every
      // dependency main.mjs imports is packed, and what it reads at load resolves inside it.
      // Outside the temp project, whose node_modules is this checkout's.
      const app = await mkdtemp(join(tmpdir(), 'planetary-packed-'))
      t.after(async () => { await rm(app, { recursive: true, force: true }) })
      asar.extractAll(archive, app)
      const packedMain = join(app, 'electron', 'dist', 'main.mjs')
      const imported = /^import \{([^}]*)\} from "electron";$/m.exec(await readFile(packedMain, 'utf8'))?.[1]?.split(',').map((name) => name.trim()) ?? []
      assert.ok(imported.includes('app'), `main imports app from electron (${imported.join(', ')})`)
      const stub = join(project, 'electron-stub.mjs')
      await writeFile(stub, [
        "export const app = { commandLine: { getSwitchValue: () => '', appendSwitch () {} }, relaunch () { console.log('RELAUNCH') }, exit (code) { console.log('EXIT ' + code); process.exit(code) } }",
        ...imported.filter((name) => name !== 'app').map((name) => `export const ${name} = class {}`)
      ].join('\n'))
      const hooks = `data:text/javascript,export async function resolve (s, c, next) { return s === 'electron' ? { url: ${JSON.stringify(pathToFileURL(stub).href)}, shortCircuit: true } : next(s, c) }`
      const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(hooks)})`
      const env = { ...process.env }
      delete env.PLANETARY_RELAUNCHED
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', register, packedMain], { env, cwd: tmpdir(), timeout: 60_000 })
      assert.match(stdout, /RELAUNCH\nEXIT 0/, 'the packed main loaded and started')
    })
  })

  it('unpacks every native module of the production dependencies from app.asar', async () => {
    // npm ls exits 1 on a missing peer (react-native, for react-native-webrtc); its list stands.
    const listed = await promisify(execFile)('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, maxBuffer: 16 << 20 })
      .catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }))
    const packages = listed.stdout.split('\n').filter((line) => line !== '' && line !== ROOT)
    assert.ok(packages.length > 100, `npm listed the production dependencies (${packages.length})`)
    const native: string[] = []
    for (const dir of packages) {
      const files = await listFiles(dir, (p) => p.slice(projectPath(dir).length).includes('/node_modules/'))
      const nodeFiles = files.filter((p) => p.endsWith('.node'))
      for (const file of nodeFiles) assert.ok(matchesAny(file, config.asarUnpack), `${file} is unpacked`)
      const builds = files.some((p) => /\/(binding\.gyp|CMakeLists\.txt)$/.test(p))
      if (nodeFiles.length > 0 || builds) native.push(projectPath(dir))
    }
    assert.ok(native.includes('node_modules/node-datachannel'), `node-datachannel is found native (found ${native.join(', ')})`)
    for (const dir of native) assert.ok(matchesAny(`${dir}/package.json`, config.asarUnpack), `${dir}, a native package, is unpacked whole`)
  })
})
