// The web UI's build: `renderer/dist`, served by the daemon at /webui/ and
// loaded from disk by the desktop window, so every URL in it is relative.
// `npm run dev:ui` serves it with hot reload against a running daemon
// (PLANETARY_API, default http://127.0.0.1:5001), proxying the RPC and the
// WebSocket bridge so the page's origin stays its own. Component and store
// tests run under Vitest in jsdom (`npm run test:ui`).
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import { builtinModules } from 'node:module'
import type { Plugin } from 'vite'

/** Fails the build if anything bundled imports a Node module (lint holds the same line in the sources). */
function browserOnly (): Plugin {
  const builtins = new Set(builtinModules)
  return {
    name: 'planetary-browser-only',
    enforce: 'pre',
    apply: 'build',
    resolveId (id, importer) {
      if (id.startsWith('node:') || builtins.has(id)) this.error(`${importer ?? '?'} imports the Node module "${id}", which cannot reach the web UI's bundle`)
      return null
    }
  }
}

const daemon = process.env.PLANETARY_API ?? 'http://127.0.0.1:5001'

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [browserOnly(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800
  },
  server: {
    // The daemon serves its own origin only: the proxy speaks for the page as that origin.
    proxy: {
      '/api/ws': { target: daemon.replace(/^http/, 'ws'), ws: true, changeOrigin: true, configure: (proxy) => { proxy.on('proxyReqWs', (req) => { req.setHeader('origin', daemon) }) } },
      '/api/v0': { target: daemon, changeOrigin: true, configure: (proxy) => { proxy.on('proxyReq', (req) => { req.setHeader('origin', daemon) }) } }
    }
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false
  }
})
