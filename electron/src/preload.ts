/**
 * The desktop window's preload (sandboxed, context-isolated): exposes the
 * one {@link PlanetaryBridge} object as `window.planetary`, nothing else.
 *
 * Built by `createBridge` (preload-bridge.ts, where tests build it over
 * fakes); this file only hands it the real `ipcRenderer` and `webUtils`.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { createBridge } from './preload-bridge.ts'
import type { PlanetaryBridge } from './ipc-channels.ts'

const bridge: PlanetaryBridge = createBridge(ipcRenderer, webUtils)
contextBridge.exposeInMainWorld('planetary', bridge)
