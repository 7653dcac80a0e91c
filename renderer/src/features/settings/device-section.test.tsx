// Settings' "This device" group against a real daemon: the device name and
// inbox folder come from `share.self` and are saved with `share.configure`
// (read back from the node); a relative folder and an empty name are
// refused on the page and never sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { tempDir } from '../../../../node-core/test/helpers/cli.ts'
import { connectedDaemon } from '../../test/daemon.ts'
import { requireApi } from '../../lib/connection-store.ts'
import { settings as texts } from '../../texts/settings.ts'
import { DeviceSection } from './device-section.tsx'
import { checkDeviceName, checkFolder } from './validate.ts'
import type { ConnectedDaemon } from '../../test/daemon.ts'

let node: ConnectedDaemon
let dir: { path: string, cleanup: () => Promise<void> }

beforeAll(async () => { [node, dir] = await Promise.all([connectedDaemon(), tempDir()]) })
afterAll(async () => {
  await node.stop()
  await dir.cleanup()
})

describe('This device', () => {
  it('checks names and folders before they are sent', () => {
    expect(checkDeviceName('  Ana’s laptop ')).toEqual({ ok: true, value: 'Ana’s laptop' })
    expect(checkDeviceName('')).toEqual({ ok: false, error: texts.device.nameEmpty })
    expect(checkDeviceName('x'.repeat(65))).toEqual({ ok: false, error: texts.device.nameLong })
    expect(checkDeviceName('a\u0007b')).toEqual({ ok: false, error: texts.device.nameControl })
    expect(checkFolder('/home/ana/Downloads')).toEqual({ ok: true, value: '/home/ana/Downloads' })
    expect(checkFolder('C:\\Users\\Ana\\Downloads').ok).toBe(true)
    expect(checkFolder('\\\\server\\share').ok).toBe(true)
    expect(checkFolder('Downloads')).toEqual({ ok: false, error: texts.device.folderRelative })
    expect(checkFolder('')).toEqual({ ok: false, error: texts.device.folderEmpty })
  })

  it('shows the node’s name and folder, and saves new ones', async () => {
    const user = userEvent.setup()
    const self = await requireApi().share.self()
    render(<DeviceSection />)
    const name = await screen.findByTestId('setting-deviceName')
    const folder = screen.getByTestId('setting-inboxFolder')
    await waitFor(() => { expect((name as HTMLInputElement).value).toBe(self.name) })
    expect((folder as HTMLInputElement).value).toBe(self.inboxFolder)

    await user.clear(name)
    await user.type(name, 'Front desk{Enter}')
    await waitFor(() => { expect(screen.getByTestId('status-deviceName').textContent).toBe(texts.saved) })
    expect((await requireApi().share.self()).name).toBe('Front desk')

    await user.clear(folder)
    await user.type(folder, 'relative/path{Enter}')
    expect(screen.getByTestId('invalid-inboxFolder').textContent).toBe(texts.device.folderRelative)
    expect(folder.getAttribute('aria-invalid')).toBe('true')
    expect((await requireApi().share.self()).inboxFolder).toBe(self.inboxFolder)
    await user.clear(folder)
    await user.type(folder, `${dir.path}{Enter}`)
    await waitFor(() => { expect(screen.getByTestId('status-inboxFolder').textContent).toBe(texts.saved) })
    expect((await requireApi().share.self()).inboxFolder).toBe(dir.path)
  })
})
