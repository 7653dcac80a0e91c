// Lint: typescript-eslint's recommended rules, plus the boundaries of
// ARCHITECTURE.md: node-core never imports electron or React; the renderer
// imports nothing from Node and only types from node-core; inside node-core
// a layer imports only the layers below it.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// node-core/src layers, bottom first. A file in one may import only from
// itself and the ones before it (and the shared files at the src root).
const layers = ['block', 'repo', 'dag', 'unixfs', 'network', 'exchange', 'routing', 'naming', 'pin', 'gc', 'mfs', 'share', 'gateway', 'api', 'daemon', 'cli']

// node-core's API pieces the web UI bundles (the contract, its client and the
// WebSocket transport), and what they import.
const browserSafeApi = ['contract', 'shapes', 'share-shapes', 'client', 'dispatch', 'transport', 'ws-transport', 'ws-protocol', 'errors', 'wire-error'].map((name) => `node-core/src/api/${name}.ts`)

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'))

const layerRules = layers.map((layer, index) => ({
  files: [`node-core/src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      paths: ['electron', 'react', 'react-dom', 'zustand'].map((name) => ({ name, message: 'node-core never imports UI or Electron code' })),
      patterns: layers.slice(index + 1).map((above) => ({
        group: [`**/${above}/*`, `**/${above}/**`],
        message: `${layer}/ is below ${above}/ and must not import it (see ARCHITECTURE.md)`
      }))
    }]
  }
}))

export default tseslint.config(
  { ignores: ['node_modules/**', 'bench/results/**', '.tmp/**', 'renderer/dist/**', 'e2e/artifacts/**', 'electron/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', structuredClone: 'readonly', performance: 'readonly', NodeJS: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['node-core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron', 'react', 'react-dom', 'zustand'].map((name) => ({ name, message: 'node-core never imports UI or Electron code' })) }]
    }
  },
  ...layerRules,
  {
    // The desktop shell: only electron/src/ipc* touches ipcMain, only the
    // preload touches ipcRenderer (STYLE.md); nothing imports React.
    files: ['electron/**/*.ts'],
    ignores: ['electron/src/ipc*.ts', 'electron/src/preload*.ts', 'electron/test/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer', 'contextBridge'], message: 'only electron/src/ipc*.ts touches ipcMain, only the preload ipcRenderer and contextBridge' }, 'react', 'react-dom', 'zustand'].map((p) => typeof p === 'string' ? { name: p, message: 'the desktop shell never imports UI code' } : p),
        patterns: [{ group: ['**/renderer/**'], message: 'the desktop shell loads the renderer build, never its sources' }]
      }]
    }
  },
  {
    // The renderer runs in a browser page: nothing from Node, and from
    // node-core only the browser-safe API pieces (ARCHITECTURE.md).
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    // Tests run under Node beside a real daemon (renderer/src/test/).
    ignores: ['renderer/src/test/**', 'renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', ...nodeBuiltins].map((name) => ({ name, message: 'the renderer runs in a browser page and never imports Node or Electron' })),
        patterns: [
          { group: ['node:*'], message: 'the renderer runs in a browser page and never imports Node' },
          { regex: 'node-core/(?!src/api/(contract|client|transport|ws-transport|errors|wire-error)\\.ts$)', message: 'from node-core the renderer imports only the browser-safe API pieces: api/contract, client, transport, ws-transport, errors, wire-error' }
        ]
      }]
    }
  },
  {
    // What the renderer bundles from node-core must be browser-safe too.
    files: browserSafeApi,
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom', 'zustand', ...nodeBuiltins].map((name) => ({ name, message: 'this file is bundled into the web UI: browser-safe imports only' })),
        patterns: [
          { group: ['node:*'], message: 'this file is bundled into the web UI: no Node modules' },
          { group: ['../*', '!../api/*'], message: 'this file is bundled into the web UI: it imports only its browser-safe neighbours' }
        ]
      }]
    }
  }
)
