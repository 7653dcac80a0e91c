// The shared API suite through Electron's IPC: bindIpc on a fake ipcMain,
// the preload's bridge over the paired fake ipcRenderer (every value
// structured-cloned as Electron does), and the renderer's adapter of that
// bridge to an ApiTransport: the same three pieces the desktop window runs.
import { describe } from 'node:test'
import { createNodeApi } from '../../node-core/src/api/node-api.ts'
import { apiSuite } from '../../node-core/test/api/suite.ts'
import { bridgeTransport } from '../../renderer/src/lib/preload.ts'
import { bindIpc } from '../src/ipc-main.ts'
import { createBridge } from '../src/preload-bridge.ts'
import { FakeIpcMain, fakeWebUtils, openWindow, trustedIn } from './fake-ipc.ts'
import type { PlanetaryBridge as RendererBridge } from '../../renderer/src/lib/preload.ts'
import type { PlanetaryBridge } from '../src/ipc-channels.ts'

const APP_URL = 'file:///app/renderer/dist/index.html'

// The preload's object and the renderer's declaration of it agree, both ways.
const agree = (bridge: PlanetaryBridge): RendererBridge => bridge
const agreeBack = (bridge: RendererBridge): PlanetaryBridge => bridge
void agree
void agreeBack

describe('the shared API suite through the IPC binding', () => {
  apiSuite(async (a) => {
    const main = new FakeIpcMain()
    const window = openWindow(main, APP_URL)
    const binding = bindIpc(main.asIpcMain(), createNodeApi(a), { isTrusted: trustedIn(() => [window.contents], APP_URL) })
    const transport = bridgeTransport(createBridge(window.renderer.asIpcRenderer(), fakeWebUtils))
    return {
      transport,
      close: async () => {
        await binding.drain(5000)
        binding.unbind()
        window.contents.destroy()
      }
    }
  })
})
