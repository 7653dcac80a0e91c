// Debian's Chromium driven by playwright-core (no browser download), with
// the flags this machine needs: no sandbox as root, and nothing that reaches
// for the network on its own.
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext } from 'playwright-core'

/** The Chromium binary (Debian's package). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Chromium's command-line flags for this machine. */
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic']

/** Launch Chromium headless. */
export async function launchChromium (): Promise<Browser> {
  return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS })
}

/** A fresh context (own storage), light or dark, with clipboard access. */
export async function newContext (browser: Browser, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  return await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] })
}
