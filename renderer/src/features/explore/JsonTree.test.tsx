// The fields tree of a dag-cbor/dag-json value: links lead to their node,
// bytes are shown as bytes, strings are text, and branches open and close.
import { describe, it, expect } from 'vitest'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { JsonTree, bytesOf, linkOf } from './JsonTree.tsx'
import { explore as t } from '../../texts/explore.ts'

const CID = 'bafyreigbtj4x7ip5legnfznufuopl4sg4knzc2cof6duas4b3q2fy6swua'

describe('the fields tree', () => {
  it('links CIDs, shows bytes, renders strings as text, and collapses', async () => {
    const user = userEvent.setup()
    const value = { name: '<img src=x onerror=alert(1)>', prev: { '/': CID }, data: { '/': { bytes: 'aGVsbG8' } }, deep: { list: [1, 2, { inner: true }] } }
    const { container } = render(<JsonTree value={value} />)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByText('"<img src=x onerror=alert(1)>"')).toBeTruthy()
    expect(screen.getByRole('link', { name: CID }).getAttribute('href')).toBe(`#/explore/ipfs/${CID}`)
    expect(screen.getByText('aGVsbG8')).toBeTruthy()
    // Two levels open at first; deeper ones on request.
    expect(screen.queryByText('inner')).toBeNull()
    await user.click(screen.getByRole('button', { name: t.fields.expand('list') }))
    await user.click(screen.getByRole('button', { name: t.fields.expand('2') }))
    expect(screen.getByText('inner')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: t.fields.collapse('deep') }))
    expect(screen.queryByText('list')).toBeNull()
    expect(linkOf({ '/': CID, x: 1 })).toBeUndefined()
    expect(bytesOf({ '/': { bytes: 'AA' } })).toBe('AA')
  })
})
