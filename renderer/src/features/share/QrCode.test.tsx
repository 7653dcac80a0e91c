// A LAN link's QR code is SVG drawn from the encoder's modules (no
// innerHTML), with the quiet zone scanners need; a link shows its URL,
// downloads and Revoke.
import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import { create } from 'qrcode'
import { share as t } from '../../texts/share.ts'
import { LinkView } from './LinkView.tsx'
import { qrPath, QrCode } from './QrCode.tsx'

const URL_TEXT = 'http://192.168.1.20:8089/l/abcdefghijklmnopqrstuvwxyz'

describe('a QR code', () => {
  it('draws one square per dark module, inside a 4-module quiet zone', () => {
    const { modules } = create(URL_TEXT, { errorCorrectionLevel: 'M' })
    const { d, size } = qrPath(URL_TEXT)
    expect(size).toBe(modules.size + 8)
    const dark = Array.from(modules.data).filter((v) => v === 1).length
    expect(d.match(/M/g)?.length).toBe(dark)
    // The top-left finder pattern starts at the quiet zone's edge.
    expect(d.startsWith('M4 4h1v1h-1z')).toBe(true)
  })

  it('renders as a labelled image', () => {
    render(<QrCode text={URL_TEXT} label={t.links.qr(URL_TEXT)} />)
    const svg = screen.getByRole('img', { name: t.links.qr(URL_TEXT) })
    expect(svg.querySelector('path')?.getAttribute('d')).toBe(qrPath(URL_TEXT).d)
  })
})

describe('a LAN link', () => {
  it('shows its URL, QR code, downloads and Revoke', () => {
    render(<LinkView link={{ id: 'abcdefghijklmnopqrstuvwxyz', cid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy', name: 'report.pdf', url: URL_TEXT, hasPin: true, createdAt: 1, downloads: 3 }} qr />)
    expect(screen.getByTestId('link-url').textContent).toBe(URL_TEXT)
    expect(screen.getByText(t.links.downloads(3))).toBeTruthy()
    expect(screen.getByText(t.links.pinned)).toBeTruthy()
    expect(screen.getByTestId('qr-code')).toBeTruthy()
    expect(screen.getByRole('button', { name: t.links.copy })).toBeTruthy()
    expect(screen.getByRole('button', { name: t.links.revokeLabel('report.pdf') })).toBeTruthy()
  })

  it('without a URL (the server off) says so and draws no code', () => {
    render(<LinkView link={{ id: 'abcdefghijklmnopqrstuvwxyz', cid: 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy', name: 'report.pdf', hasPin: false, createdAt: 1, downloads: 0 }} qr />)
    expect(screen.getByText(t.links.noUrl)).toBeTruthy()
    expect(screen.queryByTestId('qr-code')).toBeNull()
  })
})
