// What the Devices page checks before it sends: a device's address, a
// pairing code and a LAN link's PIN, each refused with words to show.
import { describe, expect, it } from 'vitest'
import { share as t } from '../../texts/share.ts'
import { checkAddress, checkPairingCode, checkPin } from './validate.ts'

const PEER = '12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo'

describe('a LAN link PIN', () => {
  it('is empty (no PIN) or 4 to 8 digits', () => {
    expect(checkPin('')).toEqual({ ok: true, value: undefined })
    expect(checkPin('  ')).toEqual({ ok: true, value: undefined })
    expect(checkPin('1234')).toEqual({ ok: true, value: '1234' })
    expect(checkPin(' 12345678 ')).toEqual({ ok: true, value: '12345678' })
    for (const bad of ['123', '123456789', '12a4', '12 34', '-1234', '１２３４', '0x1234']) expect(checkPin(bad)).toEqual({ ok: false, error: t.links.pinBad })
  })
})

describe('a pairing code', () => {
  it('is six digits, spaces and dashes dropped', () => {
    expect(checkPairingCode('123456')).toEqual({ ok: true, value: '123456' })
    expect(checkPairingCode('123 456')).toEqual({ ok: true, value: '123456' })
    expect(checkPairingCode('123-456')).toEqual({ ok: true, value: '123456' })
    for (const bad of ['', '12345', '1234567', 'abcdef', '12345x']) expect(checkPairingCode(bad)).toEqual({ ok: false, error: t.pair.enterBad })
  })
})

describe('a device address', () => {
  it('takes multiaddrs ending in /p2p/<peer ID>', () => {
    for (const good of [
      `/ip4/192.168.1.20/tcp/4001/p2p/${PEER}`,
      `/ip6/fe80::1/udp/4001/quic-v1/p2p/${PEER}`,
      `/dns4/ana-laptop.local/tcp/4001/p2p/${PEER}`,
      `/ip4/10.0.0.2/tcp/4001/ws/p2p/${PEER}`,
      `  /ip4/10.0.0.2/tcp/4001/p2p/QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N  `
    ]) expect(checkAddress(good)).toEqual({ ok: true, value: good.trim() })
  })

  it('says what is wrong with the others', () => {
    expect(checkAddress('')).toEqual({ ok: false, error: t.add.empty })
    expect(checkAddress('192.168.1.20:4001')).toEqual({ ok: false, error: t.add.notMultiaddr })
    expect(checkAddress('/ip4/192.168.1.20/tcp/4001')).toEqual({ ok: false, error: t.add.noPeer })
    expect(checkAddress('/ip4/192.168.1.20/tcp/4001/p2p/')).toEqual({ ok: false, error: t.add.noPeer })
    expect(checkAddress(`/ip4/300.1.1.1/tcp/4001/p2p/${PEER}`)).toEqual({ ok: false, error: t.add.badIp('300.1.1.1') })
    expect(checkAddress(`/ip4/10.0.0.1/tcp/70000/p2p/${PEER}`)).toEqual({ ok: false, error: t.add.badPort('70000') })
    expect(checkAddress(`/ip4/10.0.0.1/tcp/0/p2p/${PEER}`)).toEqual({ ok: false, error: t.add.badPort('0') })
    expect(checkAddress(`/ipx/10.0.0.1/tcp/1/p2p/${PEER}`)).toEqual({ ok: false, error: t.add.badProtocol('ipx') })
    expect(checkAddress('/ip4/10.0.0.1/tcp/1/p2p/not-a-peer')).toEqual({ ok: false, error: t.add.badPeer })
    expect(checkAddress(`/p2p/${PEER}/ip4/10.0.0.1`)).toEqual({ ok: false, error: t.add.noPeer })
    expect(checkAddress(`/ip4/10.0.0.1/tcp/1 /p2p/${PEER}`)).toEqual({ ok: false, error: t.add.notMultiaddr })
  })
})
