// ipfs://, ipns:// and dweb: links made into Explore paths: every accepted
// form (CIDv0, CIDv1 in base32/base36/base58btc, the browsers' ipfs://ipfs/
// variant, dweb:), IPNS keys, peer IDs and domains, percent-decoding and
// dropped queries, and the refusals by name: bad CIDs and names, `..`,
// encoded slashes, bad escapes, length caps.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { CID } from 'multiformats/cid'
import { base36 } from 'multiformats/bases/base36'
import { base58btc } from 'multiformats/bases/base58'
import { identity } from 'multiformats/hashes/identity'
import { InvalidProtocolUrlError, MAX_SEGMENTS, MAX_SEGMENT_LENGTH, MAX_URL_LENGTH, isProtocolUrl, parseProtocolUrl } from '../src/protocol-url.ts'

const V0 = 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn'
const V1 = 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'
const V1_BASE36 = CID.parse(V1).toString(base36)
const V1_BASE58 = CID.parse(V1).toString(base58btc)
// An Ed25519 peer ID: the identity multihash of the key's protobuf.
const PEER_KEY = new Uint8Array([0x08, 0x01, 0x12, 0x20, ...new Uint8Array(32).fill(7)])
const PEER_ID = base58btc.baseEncode(identity.digest(PEER_KEY).bytes)
const IPNS_KEY = CID.createV1(0x72, identity.digest(PEER_KEY)).toString(base36)

function refused (url: string, message: RegExp): void {
  assert.throws(() => parseProtocolUrl(url), (err: Error) => {
    assert.ok(err instanceof InvalidProtocolUrlError, `${url}: ${err.name}`)
    assert.equal(err.name, 'InvalidProtocolUrlError')
    assert.match(err.message, message)
    return true
  })
}

describe('protocol URLs', () => {
  it('names its error after its class', () => {
    const err = new InvalidProtocolUrlError('x')
    assert.equal(err.name, InvalidProtocolUrlError.name)
    assert.equal(err.code, 'ERR_INVALID_PROTOCOL_URL')
  })

  it('makes ipfs:// links Explore paths, with the CID in canonical form', () => {
    assert.equal(parseProtocolUrl(`ipfs://${V0}`).path, `/ipfs/${V0}`)
    assert.equal(parseProtocolUrl(`ipfs://${V1}/`).path, `/ipfs/${V1}`)
    assert.equal(parseProtocolUrl(`ipfs://${V1_BASE36}/a/b.txt`).path, `/ipfs/${V1}/a/b.txt`)
    assert.equal(parseProtocolUrl(`ipfs://${V1_BASE58}`).path, `/ipfs/${V1}`)
    assert.equal(parseProtocolUrl(`ipfs://${V1.toUpperCase()}`).path, `/ipfs/${V1}`)
    assert.equal(parseProtocolUrl(`  IPFS://${V1}/x  `).path, `/ipfs/${V1}/x`)
    assert.deepEqual(parseProtocolUrl(`ipfs://${V1}/dir/file.txt`), { namespace: 'ipfs', root: V1, segments: ['dir', 'file.txt'], path: `/ipfs/${V1}/dir/file.txt` })
  })

  it('takes the forms browsers and dweb: produce', () => {
    assert.equal(parseProtocolUrl(`ipfs://ipfs/${V1}/a`).path, `/ipfs/${V1}/a`)
    assert.equal(parseProtocolUrl(`ipfs:/ipfs/${V1}`).path, `/ipfs/${V1}`)
    assert.equal(parseProtocolUrl(`ipfs:${V1}`).path, `/ipfs/${V1}`)
    assert.equal(parseProtocolUrl(`ipns://ipns/example.com/a`).path, '/ipns/example.com/a')
    assert.equal(parseProtocolUrl(`dweb:/ipfs/${V0}/readme`).path, `/ipfs/${V0}/readme`)
    assert.equal(parseProtocolUrl('dweb:/ipns/docs.ipfs.tech').path, '/ipns/docs.ipfs.tech')
    assert.equal(parseProtocolUrl(`DWEB://IPFS/${V1}`).path, `/ipfs/${V1}`)
  })

  it('takes IPNS keys, peer IDs and domains', () => {
    assert.ok(PEER_ID.startsWith('12D3KooW'))
    assert.equal(parseProtocolUrl(`ipns://${IPNS_KEY}/index.html`).path, `/ipns/${IPNS_KEY}/index.html`)
    assert.equal(parseProtocolUrl(`ipns://${PEER_ID}`).path, `/ipns/${PEER_ID}`)
    assert.equal(parseProtocolUrl('ipns://En.Wikipedia-on-IPFS.org/wiki/').path, '/ipns/en.wikipedia-on-ipfs.org/wiki')
    assert.equal(parseProtocolUrl('ipns://example.com./').path, '/ipns/example.com')
  })

  it('percent-decodes segments, drops . and empty ones, the query and the fragment', () => {
    assert.deepEqual(parseProtocolUrl(`ipfs://${V1}/my%20photos/caf%C3%A9.jpg`).segments, ['my photos', 'café.jpg'])
    assert.equal(parseProtocolUrl(`ipfs://${V1}/./a//b/?filename=x#top`).path, `/ipfs/${V1}/a/b`)
    assert.equal(parseProtocolUrl(`ipfs://${V1}#frag`).path, `/ipfs/${V1}`)
  })

  it('refuses what is not an IPFS link', () => {
    refused('https://example.com', /not an ipfs:\/\//)
    refused('ipfs://', /no CID/)
    refused('ipns:///', /no name/)
    refused('dweb:/foo/bar', /dweb: link names \/ipfs\/ or \/ipns\//)
  })

  it('refuses bad CIDs and names', () => {
    refused('ipfs://notacid', /invalid CID "notacid"/)
    refused(`ipfs://${V1.slice(0, -3)}`, /invalid CID/)
    refused(`ipfs://${V0}0`, /invalid CID/)
    refused('ipfs://ipfs', /invalid CID "ipfs"/)
    refused('ipns://localhost', /invalid IPNS name/)
    refused('ipns://-bad-.com', /invalid IPNS name/)
    refused('ipns://1.2.3.4', /invalid IPNS name/)
    refused('ipns://12D3KooWnotreally', /invalid IPNS name/)
  })

  it('never climbs out of the root', () => {
    refused(`ipfs://${V1}/a/../../etc/passwd`, /"\.\." in a link's path/)
    refused(`ipfs://${V1}/%2e%2e/x`, /"\.\."/)
    refused(`ipfs://${V1}/a%2F..%2Fb`, /holds "\/"/)
    refused(`ipfs://${V1}/a%5Cb`, /holds/)
    refused(`ipfs://${V1}/a%00b`, /holds/)
    refused(`ipfs://${V1}/%E0%A4%A`, /bad percent-encoding/)
  })

  it('caps lengths', () => {
    refused(`ipfs://${V1}/${'a'.repeat(MAX_URL_LENGTH)}`, /longer than 4096 characters/)
    refused(`ipfs://${V1}/${'a'.repeat(MAX_SEGMENT_LENGTH + 1)}`, /segment longer than 255/)
    assert.equal(parseProtocolUrl(`ipfs://${V1}/${'a'.repeat(MAX_SEGMENT_LENGTH)}`).segments.length, 1)
    refused(`ipfs://${V1}/${'a/'.repeat(MAX_SEGMENTS + 1)}`, /more than 64 path segments/)
    refused(`ipfs://b${'a'.repeat(600)}`, /CID too long/)
  })

  it('tells links by their scheme', () => {
    for (const url of [`ipfs://${V1}`, 'IPNS://x', 'dweb:/ipfs/x', ' ipfs:x']) assert.equal(isProtocolUrl(url), true, url)
    for (const url of ['/home/me/ipfs://x', 'https://ipfs.io/ipfs/x', 'ipfs', 'C:\\ipfs']) assert.equal(isProtocolUrl(url), false, url)
  })
})
