// The shared API suite as the desktop window runs it when attached to a
// daemon: the IPC binding (fake ipcMain, the preload's bridge, the
// renderer's adapter) over the remote NodeApi, which forwards every call
// over a real WebSocket bridge on loopback to node A.
import { describe } from 'node:test'
import { connectWebSocket } from '../../node-core/src/api/ws-transport.ts'
import { remoteNodeApi } from '../../node-core/src/api/remote-api.ts'
import { startApiServer } from '../../node-core/src/daemon/api-server.ts'
import { apiSuite } from '../../node-core/test/api/suite.ts'
import { bridgeTransport } from '../../renderer/src/lib/preload.ts'
import { bindIpc } from '../src/ipc-main.ts'
import { createBridge } from '../src/preload-bridge.ts'
import { FakeIpcMain, fakeWebUtils, openWindow, trustedIn } from './fake-ipc.ts'

const APP_URL = 'file:///app/renderer/dist/index.html'
const TOKEN = 'attached-test-token-0123456789abcdefghijklmno'

describe('the shared API suite through the IPC binding of a remote NodeApi over the WebSocket bridge', () => {
  apiSuite(async (a) => {
    const server = await startApiServer(a, { host: '127.0.0.1', port: 0, api: a.repo.config.API, token: TOKEN })
    const remote = await connectWebSocket(server.origin, TOKEN)
    const main = new FakeIpcMain()
    const window = openWindow(main, APP_URL)
    const binding = bindIpc(main.asIpcMain(), remoteNodeApi(remote), { isTrusted: trustedIn(() => [window.contents], APP_URL) })
    const transport = bridgeTransport(createBridge(window.renderer.asIpcRenderer(), fakeWebUtils))
    return {
      transport,
      close: async () => {
        await binding.drain(5000)
        binding.unbind()
        window.contents.destroy()
        await remote.close()
        await server.close()
      }
    }
  })
})
