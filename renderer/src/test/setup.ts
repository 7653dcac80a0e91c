// Vitest's setup for the web UI's tests: jsdom's WebSocket sends jsdom's
// own page origin, which the daemon's bridge rightly refuses; `ws` speaks
// the same standard API without an Origin, as Node's clients do, so the
// stores talk to a real daemon's bridge.
import { WebSocket } from 'ws'
import { afterEach } from 'vitest'
import { cleanup } from '@testing-library/react'

Object.assign(globalThis, { WebSocket })
afterEach(() => { cleanup() })
