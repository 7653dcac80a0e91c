// Lint: typescript-eslint's recommended rules, plus the boundaries of
// ARCHITECTURE.md: node-core never imports electron or React; the renderer
// imports nothing from Node and only types from node-core; inside node-core
// a layer imports only the layers below it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// node-core/src layers, bottom first. A file in one may import only from
// itself and the ones before it (and the shared files at the src root).
const layers = ['block', 'repo', 'dag', 'unixfs', 'network', 'exchange', 'routing', 'naming', 'pin', 'gc', 'mfs', 'share', 'gateway', 'api', 'daemon', 'cli']

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
  { ignores: ['node_modules/**', 'bench/results/**', '.tmp/**'] },
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
  {
    // The daemon's minimal web UI runs in the browser.
    files: ['node-core/src/daemon/webui/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', sessionStorage: 'readonly', WebSocket: 'readonly', FormData: 'readonly', fetch: 'readonly', URLSearchParams: 'readonly' } }
  },
  ...layerRules
)
