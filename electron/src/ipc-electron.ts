/**
 * The node API bound to Electron's real `ipcMain` (ipc-main.ts), trusting
 * only the main window's main frame at the app's origin. Run by Electron
 * only; no test imports it (the binding and the trust check are tested in
 * ipc-main.ts and window.ts).
 */
import { ipcMain } from 'electron'
import { bindIpc } from './ipc-main.ts'
import { isAppMainFrame } from './window.ts'
import type { BrowserWindow } from 'electron'
import type { IpcBinding } from './ipc-main.ts'
import type { NodeApi } from '../../node-core/src/api/node-api.ts'

/** Bind `api` for the window `getWindow` returns (it may be replaced or gone). */
export function bindWindowIpc (api: NodeApi, getWindow: () => BrowserWindow | undefined): IpcBinding {
  return bindIpc(ipcMain, api, { isTrusted: (event) => isAppMainFrame(event, getWindow()) })
}
