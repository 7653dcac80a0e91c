/**
 * The stand-in `electron` module: what `electron/src` imports in the main
 * process, and nothing else (a name electron/ starts to use must be added
 * here, or the main bundle fails to link, loudly). The preload's
 * `electron` (contextBridge, ipcRenderer, webUtils) lives in the page
 * (page-worlds.ts), where a sandboxed preload gets it.
 */
import './loop-delay.ts'
export { app } from './app.ts'
export { StandinBrowserWindow as BrowserWindow } from './browser-window.ts'
export { ipcMain } from './ipc-main.ts'
export { protocol } from './protocol.ts'
export {
  StandinMenu as Menu,
  StandinMenuItem as MenuItem,
  StandinNotification as Notification,
  StandinTray as Tray,
  clipboard,
  dialog,
  nativeImage,
  nativeTheme,
  screen,
  shell
} from './desktop-shell.ts'
