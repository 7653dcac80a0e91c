// The Files page against a real daemon: the empty state, entries made
// through the API, rename and delete through the UI reaching the node,
// the delete dialog's words, keyboard navigation, odd names as text, and
// 10,000 entries rendered as a window of rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tempDir } from '../../../../node-core/test/helpers/cli.ts'
import { connectedDaemon } from '../../test/daemon.ts'
import { requireApi } from '../../lib/connection-store.ts'
import { files as t } from '../../texts/files.ts'
import { FilesPage } from './FilesPage.tsx'
import { useFiles } from './files-store.ts'
import { upload } from '../../lib/upload.ts'
import type { ConnectedDaemon } from '../../test/daemon.ts'

let running: ConnectedDaemon
let dir: { path: string, cleanup: () => Promise<void> }

beforeAll(async () => {
  running = await connectedDaemon()
  dir = await tempDir()
  // The page on the daemon's origin, as the web UI is (jsdom keeps its first origin for XHR's CORS check otherwise).
  const env = globalThis as unknown as { jsdom: { reconfigure: (o: { url: string }) => void, window: { _origin: string } } }
  env.jsdom.reconfigure({ url: `${running.daemon.origin}/webui/` })
  env.jsdom.window._origin = running.daemon.origin
})
afterAll(async () => {
  await dir.cleanup()
  await running.stop()
})

function rowNames (): Array<string | null> {
  return screen.queryAllByTestId('files-row').map((row) => row.getAttribute('data-name'))
}

function row (name: string): HTMLElement {
  const found = screen.getAllByTestId('files-row').find((r) => r.getAttribute('data-name') === name)
  if (found === undefined) throw new Error(`no row ${name}`)
  return found
}

async function names (path: string): Promise<string[]> {
  return (await requireApi().files.ls({ path })).entries.map((e) => e.name)
}

describe('the Files page', () => {
  it('tells a new user what to do when Files is empty', async () => {
    render(<FilesPage path="/" />)
    expect(await screen.findByRole('heading', { name: t.empty.title })).toBeTruthy()
    expect(screen.getByText(t.empty.body)).toBeTruthy()
    expect(screen.getAllByRole('button', { name: t.addFiles }).length).toBeGreaterThan(0)
    expect(screen.getByTestId('add-files-input')).toBeTruthy()
    expect(screen.getByTestId('add-folder-input').hasAttribute('webkitdirectory')).toBe(true)
  })

  it('lists entries made through the API, folders first, and renames through the UI (F2)', async () => {
    const api = requireApi()
    await api.files.mkdir({ path: '/docs' })
    await writeFile(join(dir.path, 'note.txt'), 'a note')
    await api.files.add({ paths: [join(dir.path, 'note.txt')], to: '/', pin: false })
    render(<FilesPage path="/" />)
    await waitFor(() => { expect(rowNames()).toEqual(['docs', 'note.txt']) })
    expect(within(row('note.txt')).getByText('6 B')).toBeTruthy()

    const user = userEvent.setup()
    row('note.txt').focus()
    await user.keyboard('{F2}')
    const field = await screen.findByLabelText(t.dialogs.renameLabel)
    await user.clear(field)
    await user.type(field, 'a/b')
    await user.keyboard('{Enter}')
    expect(await screen.findByText(t.nameProblems.slash)).toBeTruthy()
    await user.clear(field)
    await user.type(field, 'renamed.txt{Enter}')
    await waitFor(() => { expect(rowNames()).toEqual(['docs', 'renamed.txt']) })
    expect(await names('/')).toEqual(['docs', 'renamed.txt'])
    // Focus stays in the list, though the row that opened the dialog is gone.
    await waitFor(() => { expect(document.activeElement?.getAttribute('data-testid')).toBe('files-row') })
  })

  it('deletes after a dialog that says what happens to the space (and that a pinned CID stays)', async () => {
    const api = requireApi()
    const { cid } = await api.files.stat({ path: '/renamed.txt' })
    await api.pins.add({ path: `/ipfs/${cid}` })
    render(<FilesPage path="/" />)
    await waitFor(() => { expect(rowNames()).toContain('renamed.txt') })
    await waitFor(() => { expect(within(row('renamed.txt')).queryByText(t.pinnedMark)).toBeTruthy() })
    const user = userEvent.setup()
    await user.click(within(row('renamed.txt')).getByRole('button', { name: t.actions.menu('renamed.txt') }))
    await user.click(await screen.findByRole('menuitem', { name: t.actions.delete }))
    const dialog = await screen.findByRole('dialog', { name: t.dialogs.deleteTitle('renamed.txt') })
    expect(within(dialog).getByText(t.dialogs.deleteBody)).toBeTruthy()
    expect(within(dialog).getByText(t.dialogs.deletePinned)).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: t.dialogs.deleteButton }))
    await waitFor(() => { expect(rowNames()).toEqual(['docs']) })
    expect(await names('/')).toEqual(['docs'])
    await api.pins.rm({ cid })
  })

  it('moves through rows with the keyboard; Enter opens a folder, Delete asks', async () => {
    const api = requireApi()
    for (const name of ['b', 'c']) await api.files.mkdir({ path: `/${name}` })
    render(<FilesPage path="/" />)
    await waitFor(() => { expect(rowNames()).toEqual(['b', 'c', 'docs']) })
    const user = userEvent.setup()
    // One Tab stop for the whole list: past the toolbar and the sort buttons, the first row.
    for (let i = 0; i < 12 && document.activeElement?.tagName !== 'TR'; i++) await user.tab()
    expect(document.activeElement).toBe(row('b'))
    await user.tab()
    expect(document.activeElement).toBe(within(row('b')).getByRole('button', { name: t.actions.menu('b') }))
    await user.tab({ shift: true })
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(row('c'))
    await user.keyboard('{End}')
    expect(document.activeElement).toBe(row('docs'))
    await user.keyboard('{Delete}')
    expect(await screen.findByRole('dialog', { name: t.dialogs.deleteTitle('docs') })).toBeTruthy()
    await user.keyboard('{Escape}')
    await waitFor(() => { expect(screen.queryByRole('dialog')).toBeNull() })
    expect(document.activeElement).toBe(row('docs'))
    await user.keyboard('{ArrowUp}{Enter}')
    expect(location.hash).toBe('#/files/c')
  })

  it('keeps the focused row and the open menu on their entry when the folder reloads and rows shift', async () => {
    const api = requireApi()
    for (const name of ['m1', 'm2']) await api.files.mkdir({ path: `/keep/${name}`, parents: true })
    render(<FilesPage path="/keep" />)
    await waitFor(() => { expect(rowNames()).toEqual(['m1', 'm2']) })
    const user = userEvent.setup()
    act(() => { row('m2').focus() })
    // A new entry sorting before it (as an import or another window would add), and the reload that follows.
    await act(async () => { await useFiles.getState().mkdir('a0') })
    await waitFor(() => { expect(rowNames()).toEqual(['a0', 'm1', 'm2']) })
    expect(document.activeElement).toBe(row('m2'))
    expect(row('m2').getAttribute('tabindex')).toBe('0')
    await user.keyboard('{Delete}')
    expect(await screen.findByRole('dialog', { name: t.dialogs.deleteTitle('m2') })).toBeTruthy()
    await user.keyboard('{Escape}')
    await waitFor(() => { expect(screen.queryByRole('dialog')).toBeNull() })

    // The menu open on m2 stays m2's while another entry lands before it.
    await user.click(within(row('m2')).getByRole('button', { name: t.actions.menu('m2') }))
    expect(await screen.findByRole('menu', { name: t.actions.menu('m2') })).toBeTruthy()
    await act(async () => {
      await api.files.mkdir({ path: '/keep/a1' })
      await useFiles.getState().reload()
    })
    await waitFor(() => { expect(rowNames()).toEqual(['a0', 'a1', 'm1', 'm2']) })
    await user.click(within(screen.getByRole('menu', { name: t.actions.menu('m2') })).getByRole('menuitem', { name: t.actions.delete }))
    expect(await screen.findByRole('dialog', { name: t.dialogs.deleteTitle('m2') })).toBeTruthy()
    await user.keyboard('{Escape}')

    // A menu whose entry goes away closes.
    await user.click(within(row('m1')).getByRole('button', { name: t.actions.menu('m1') }))
    expect(await screen.findByRole('menu')).toBeTruthy()
    await act(async () => {
      await api.files.rm({ path: '/keep/m1', recursive: true })
      await useFiles.getState().reload()
    })
    await waitFor(() => { expect(screen.queryByRole('menu')).toBeNull() })
  })

  it('renders a name with markup, quotes and a newline as text', async () => {
    const odd = '<img src=x onerror="alert(1)"> "q"\nline'
    await requireApi().files.mkdir({ path: `/${odd}` })
    render(<FilesPage path="/" />)
    await waitFor(() => { expect(rowNames()).toContain(odd) })
    expect(row(odd).querySelector('img')).toBeNull()
    expect(row(odd).textContent).toContain('<img src=x onerror="alert(1)"> "q"↵line')
  })

  it('renders 10,000 entries as a window of rows, and End reaches the last', async () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => ({ kind: 'file' as const, path: `many/f${String(i).padStart(5, '0')}`, file: new File([], 'f') }))
    await upload({ origin: running.daemon.origin, folder: '/', entries: [{ kind: 'dir', path: 'many' }, ...entries] })
    render(<FilesPage path="/many" />)
    await waitFor(() => { expect(rowNames().length).toBeGreaterThan(0) }, { timeout: 20_000 })
    expect(rowNames().length).toBeLessThan(100)
    expect(screen.getByText(t.summary(0, 10_000))).toBeTruthy()
    const user = userEvent.setup()
    act(() => { row('f00000').focus() })
    await user.keyboard('{End}')
    await waitFor(() => { expect(document.activeElement?.getAttribute('data-name')).toBe('f09999') })
    expect(rowNames().length).toBeLessThan(100)
  })
})
