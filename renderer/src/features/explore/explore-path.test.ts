// Explore's paths: what the user typed as an IPFS path, the breadcrumbs,
// where links lead, and the preview picked by the file name.
import { describe, it, expect } from 'vitest'
import { crumbsOf, gatewayUrlOf, linkTarget, previewOf, toIpfsPath } from './explore-path.ts'

const CID = 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'

describe('explore paths', () => {
  it('turns a CID, an /ipfs/ or /ipns/ path or an ipfs:// URL into a path, and refuses the rest', () => {
    expect(toIpfsPath(` ${CID} `)).toBe(`/ipfs/${CID}`)
    expect(toIpfsPath(`${CID}/a/b.txt`)).toBe(`/ipfs/${CID}/a/b.txt`)
    expect(toIpfsPath(`/ipfs/${CID}/dir/`)).toBe(`/ipfs/${CID}/dir`)
    expect(toIpfsPath('/ipns/example.com')).toBe('/ipns/example.com')
    expect(toIpfsPath(`ipfs://${CID}/x`)).toBe(`/ipfs/${CID}/x`)
    expect(toIpfsPath('hello world')).toBeUndefined()
    expect(toIpfsPath('/files/x')).toBeUndefined()
    expect(toIpfsPath('')).toBeUndefined()
  })

  it('makes a breadcrumb of each segment', () => {
    expect(crumbsOf(`/ipfs/${CID}/a/b`)).toEqual([
      { label: CID, path: `/ipfs/${CID}` },
      { label: 'a', path: `/ipfs/${CID}/a` },
      { label: 'b', path: `/ipfs/${CID}/a/b` }
    ])
    expect(crumbsOf('/ipfs')).toEqual([])
  })

  it('leads a dag-pb link by name, a shard entry without its prefix, and the rest by CID', () => {
    const pb = { codec: 'dag-pb', sharded: false }
    expect(linkTarget(`/ipfs/${CID}`, { name: 'a b.txt', cid: 'x' }, pb)).toEqual({ label: 'a b.txt', path: `/ipfs/${CID}/a b.txt` })
    expect(linkTarget(`/ipfs/${CID}`, { name: '', cid: 'x' }, pb).path).toBe('/ipfs/x')
    expect(linkTarget(`/ipfs/${CID}`, { name: '..', cid: 'x' }, pb).path).toBe('/ipfs/x')
    const hamt = { codec: 'dag-pb', sharded: true }
    expect(linkTarget(`/ipfs/${CID}`, { name: 'F3file.txt', cid: 'x' }, hamt)).toEqual({ label: 'file.txt', path: `/ipfs/${CID}/file.txt` })
    expect(linkTarget(`/ipfs/${CID}`, { name: 'A1', cid: 'y' }, hamt).path).toBe('/ipfs/y')
    expect(linkTarget(`/ipfs/${CID}`, { name: 'a/0', cid: 'z' }, { codec: 'dag-cbor', sharded: false }).path).toBe('/ipfs/z')
  })

  it('previews by extension, a frame when unknown', () => {
    expect(previewOf('/ipfs/x/cat.JPG')).toEqual({ kind: 'image', known: true })
    expect(previewOf('/ipfs/x/clip.webm').kind).toBe('video')
    expect(previewOf('/ipfs/x/song.mp3').kind).toBe('audio')
    expect(previewOf('/ipfs/x/notes.txt')).toEqual({ kind: 'frame', known: true })
    expect(previewOf(`/ipfs/${CID}`)).toEqual({ kind: 'frame', known: false })
    expect(gatewayUrlOf('http://127.0.0.1:8080/', `/ipfs/${CID}/a b#c.txt`)).toBe(`http://127.0.0.1:8080/ipfs/${CID}/a%20b%23c.txt`)
  })
})
