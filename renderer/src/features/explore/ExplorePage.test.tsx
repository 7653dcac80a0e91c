// The Explore page against a real daemon: a directory added through the
// API shows its links, following a link opens that node, a text file gets
// a sandboxed frame on the local gateway, a bad CID or bad input is an
// inline message, and a cancelled load can be started again on the same path.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { render, screen, within, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, basename } from 'node:path'
import { planetaryOk } from '../../../../node-core/test/helpers/cli.ts'
import { connectedDaemon } from '../../test/daemon.ts'
import { requireApi, useConnection } from '../../lib/connection-store.ts'
import { useRoute } from '../../lib/route.ts'
import { ExplorePage } from './ExplorePage.tsx'
import { explore as t } from '../../texts/explore.ts'
import type { ConnectedDaemon } from '../../test/daemon.ts'

let app: ConnectedDaemon
let folder: string
let root: string

/** The page as the app routes it, so following a link (a hash) re-renders it. */
function Routed () {
  const { rest } = useRoute()
  return <ExplorePage path={rest} />
}

beforeAll(async () => {
  app = await connectedDaemon()
  folder = await mkdtemp(join(tmpdir(), 'explore-'))
  const dir = join(folder, 'site')
  await mkdir(join(dir, 'sub'), { recursive: true })
  await writeFile(join(dir, 'hello.txt'), 'hello from planetary\n')
  await writeFile(join(dir, 'sub', 'inner.txt'), 'inside\n')
  const { entries } = await requireApi().files.add({ paths: [dir] })
  root = entries.find((e) => e.path === basename(dir))?.cid ?? ''
  expect(root).not.toBe('')
})

afterAll(async () => {
  location.hash = ''
  await app.stop()
  await rm(folder, { recursive: true, force: true })
})

describe('the Explore page', () => {
  it('shows a directory’s links, and following one opens that node', async () => {
    const user = userEvent.setup()
    location.hash = `#/explore/ipfs/${root}`
    render(<Routed />)
    const links = await screen.findByTestId('explore-links', {}, { timeout: 10_000 })
    const names = within(links).getAllByRole('link').map((a) => a.textContent)
    expect(names).toEqual(['hello.txt', 'sub'])
    expect(screen.getByTestId('explore-facts').textContent).toContain('dag-pb')
    expect(screen.getByTestId('explore-facts').textContent).toContain(t.unixfsTypes.directory)
    expect((screen.getByTestId('explore-input') as HTMLInputElement).value).toBe(`/ipfs/${root}`)

    await user.click(within(links).getByRole('link', { name: 'sub' }))
    await waitFor(() => { expect(location.hash).toBe(`#/explore/ipfs/${root}/sub`) })
    await waitFor(() => { expect(within(screen.getByTestId('explore-links')).getAllByRole('link').map((a) => a.textContent)).toEqual(['inner.txt']) }, { timeout: 10_000 })
    // The breadcrumbs lead back to the root.
    const crumbs = screen.getByTestId('explore-breadcrumbs')
    expect(within(crumbs).getByRole('link', { name: 'sub' }).getAttribute('aria-current')).toBe('page')
    expect(within(crumbs).getAllByRole('link')[0]?.getAttribute('href')).toBe(`#/explore/ipfs/${root}`)
  })

  it('previews a text file in a sandboxed frame on the local gateway', async () => {
    const gateway = useConnection.getState().info?.gatewayUrl
    expect(gateway).toBe(app.daemon.gateway)
    render(<ExplorePage path={`/ipfs/${root}/hello.txt`} />)
    const preview = await screen.findByTestId('explore-preview', {}, { timeout: 10_000 })
    const frame = preview.querySelector('iframe')
    expect(frame?.getAttribute('src')).toBe(`${app.daemon.gateway}/ipfs/${root}/hello.txt`)
    expect(frame?.getAttribute('sandbox')).toBe('')
    expect(screen.getByTestId('explore-facts').textContent).toContain(t.unixfsTypes.file)
    // What the frame shows is what the gateway serves.
    expect(await (await fetch(frame?.getAttribute('src') ?? '')).text()).toBe('hello from planetary\n')
  })

  it('says so inline for a bad CID, a missing path and input that is no path', async () => {
    const user = userEvent.setup()
    const { rerender } = render(<ExplorePage path="/ipfs/notacid" />)
    const error = await screen.findByTestId('explore-error', {}, { timeout: 10_000 })
    expect(error.textContent).toContain('not a valid CID')
    rerender(<ExplorePage path={`/ipfs/${root}/nothing-here`} />)
    await waitFor(() => { expect(screen.getByTestId('explore-error').textContent).toContain('nothing is at that path') }, { timeout: 10_000 })
    expect(screen.getByRole('heading', { name: t.title })).toBeTruthy()

    location.hash = '#/explore'
    rerender(<ExplorePage path="/" />)
    await user.type(screen.getByTestId('explore-input'), 'hello world{Enter}')
    expect(screen.getByTestId('explore-error').textContent).toBe(t.input.invalid)
    expect(location.hash).toBe('#/explore')
  })

  it('loads the same path again after a cancel: Enter in the field, or Try again', async () => {
    const user = userEvent.setup()
    const bytes = `not on this node yet ${Math.random()}`
    // Hashed only: the node has no block for it, so loading waits on peers until cancelled.
    const cid = (await planetaryOk(app.daemon.repo, ['add', '-Q', '-n', '--cid-version=1'], bytes)).stdout.trim()
    location.hash = `#/explore/ipfs/${cid}`
    render(<Routed />)
    await user.click(await screen.findByRole('button', { name: t.cancel }))
    expect((await screen.findByTestId('explore-error')).textContent).toContain('cancelled')

    // Try again starts loading again; cancelled once more.
    await user.click(screen.getByRole('button', { name: t.retry }))
    await user.click(await screen.findByRole('button', { name: t.cancel }))
    expect((await screen.findByTestId('explore-error')).textContent).toContain('cancelled')

    // The block arrives; Enter on the same path (no hash change) loads it.
    await planetaryOk(app.daemon.repo, ['add', '-Q', '--pin=false', '--cid-version=1'], bytes)
    await user.click(screen.getByTestId('explore-input'))
    await user.keyboard('{Enter}')
    await waitFor(() => { expect(screen.getByTestId('explore-facts').textContent).toContain(cid) }, { timeout: 10_000 })
    expect(screen.queryByTestId('explore-error')).toBeNull()
    expect(location.hash).toBe(`#/explore/ipfs/${cid}`)
  })
})
