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
import type { ClientRequest, IncomingMessage } from 'node:http'

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

/** A request from the dev server's own page goes on as one from the daemon's origin. */
function asDaemon (out: ClientRequest, incoming: IncomingMessage): void {
  const origin = incoming.headers.origin
  if (origin !== undefined && origin === `http://${incoming.headers.host ?? ''}`) out.setHeader('origin', daemon)
}

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
    // The daemon serves pages of its own origin only: the proxy speaks for the dev page as that
    // origin, and for nothing else (another site's request keeps its Origin and is refused).
    proxy: {
      '/api/ws': { target: daemon.replace(/^http/, 'ws'), ws: true, changeOrigin: true, configure: (proxy) => { proxy.on('proxyReqWs', (out, incoming) => { asDaemon(out, incoming) }) } },
      '/api/v0': { target: daemon, changeOrigin: true, configure: (proxy) => { proxy.on('proxyReq', (out, incoming) => { asDaemon(out, incoming) }) } }
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
