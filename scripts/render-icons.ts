// `node scripts/render-icons.ts`: the icons' PNGs from their SVG sources,
// drawn by Debian's Chromium through playwright-core (e2e/helpers/browser.ts):
// every tray icon (assets/tray/<state>-on-<panel>.svg) at 16, 22, 32 and
// 44 px into assets/tray/png/<name>-<size>.png (16 and 32 for Windows and
// macOS at 1x/2x, 22 and 44 for Linux panels), and the app icon
// (assets/icon.svg) at every size from 16 to 1024 px into
// assets/icon/<size>x<size>.png: electron-builder.yml takes that folder as
// the Linux icon set (hicolor sizes) and the 1024 px one for macOS's icns
// and Windows's ico. Transparent backgrounds; run again after editing an SVG.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { launchChromium } from '../e2e/helpers/browser.ts'

/** The tray icons' sizes, in pixels. */
const TRAY_SIZES = [16, 22, 32, 44]

/** The app icon's sizes, in pixels: the freedesktop hicolor theme's, up to the 1024 px source. */
const APP_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const trayDir = path.join(root, 'assets', 'tray')

/** Draw `svg` at `size` × `size` pixels and return the PNG. */
async function render (page: Page, svg: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size })
  const style = `html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}`
  await page.setContent(`<!doctype html><style>${style}</style>${svg}`)
  return await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
}

async function main (): Promise<void> {
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    const written: string[] = []
    const sources = (await readdir(trayDir)).filter((name) => name.endsWith('.svg')).sort()
    await mkdir(path.join(trayDir, 'png'), { recursive: true })
    for (const source of sources) {
      const svg = await readFile(path.join(trayDir, source), 'utf8')
      for (const size of TRAY_SIZES) {
        const file = path.join(trayDir, 'png', `${path.basename(source, '.svg')}-${size}.png`)
        await writeFile(file, await render(page, svg, size))
        written.push(file)
      }
    }
    await mkdir(path.join(root, 'assets', 'icon'), { recursive: true })
    const appIcon = await readFile(path.join(root, 'assets', 'icon.svg'), 'utf8')
    for (const size of APP_ICON_SIZES) {
      const icon = path.join(root, 'assets', 'icon', `${size}x${size}.png`)
      await writeFile(icon, await render(page, appIcon, size))
      written.push(icon)
    }
    for (const file of written) process.stdout.write(`${path.relative(root, file)}\n`)
  } finally {
    await browser.close()
  }
}

await main()
