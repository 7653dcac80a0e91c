// The multiformats vectors (test/vectors/multiformats.json) against
// this node's own entry points: hashers (multihash table, truncated
// digests), the multibase table (encode, decode, case-insensitive decode),
// parseCid (the CID spec's example and decoding rules), and the codecs
// (every ipld/codec-fixtures block decodes, re-encodes byte for byte and
// hashes to its CID; every negative fixture is refused by name).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CID } from 'multiformats/cid'
import { create as createDigest } from 'multiformats/hashes/digest'
import { base58btc } from 'multiformats/bases/base58'
import { makeBlock, parseCid, verifyBlock } from '../../src/block/block.ts'
import { codecByName, decodeWith } from '../../src/block/codecs.ts'
import { BlockDecodeError, BlockHashMismatchError, InvalidCidError } from '../../src/block/errors.ts'
import { hasherByName } from '../../src/block/hashers.ts'
import { anyBase, baseByName } from '../../src/block/multibase.ts'
import { encodeDagNode } from '../../src/dag/put.ts'
import { DagEncodeError } from '../../src/dag/errors.ts'
import { readVectors } from '../helpers/vectors.ts'


interface MultihashVector { algorithm: string, code: string, bits: number, input_ascii: string, multihash_hex: string }
interface MultibaseFile { file: string, input_hex: string, canonical: boolean, vectors: Array<{ encoding: string, encoded: string }> }
interface Fixture { fixture: string, codec: string, cid: string, bytes_hex: string }
interface Negative { name: string, hex?: string, 'dag-json'?: unknown, error: string }

const vectors = readVectors<{
  multihash: { vectors: MultihashVector[] }
  multibase: { files: MultibaseFile[] }
  cid_spec: { vectors: Array<{ cid: string, base32: string, decoded: { version: number, codec: string, multihash_code: string, digest_hex: string } }> }
  ipld_codec_fixtures: { fixtures: Fixture[], negative_fixtures: Record<string, Negative[]> }
}>('multiformats.json')

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
const fromHex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'))
/** The vectors' algorithm names to Kubo's hash names ("sha3" is sha3-512). */
const HASH_NAMES: Record<string, string> = { sha1: 'sha1', 'sha2-256': 'sha2-256', 'sha2-512': 'sha2-512', sha3: 'sha3-512' }

test('multihash: all 260 vectors, truncated digests included, and a CID with a truncated digest verifies', () => {
  assert.equal(vectors.multihash.vectors.length, 260)
  for (const v of vectors.multihash.vectors) {
    const hasher = hasherByName(HASH_NAMES[v.algorithm] ?? v.algorithm)
    assert.equal(hasher.code, Number(v.code), v.algorithm)
    const input = new TextEncoder().encode(v.input_ascii)
    const full = hasher.digest(input).digest
    const multihash = createDigest(hasher.code, full.subarray(0, v.bits / 8))
    assert.equal(hex(multihash.bytes), v.multihash_hex, `${v.algorithm}/${v.bits} of "${v.input_ascii}"`)
    const cid = CID.createV1(0x55, multihash)
    verifyBlock(cid, input)
    assert.throws(() => { verifyBlock(cid, new TextEncoder().encode(v.input_ascii + '!')) }, BlockHashMismatchError)
  }
})

test('multibase: canonical vectors encode and decode; mixed-case ones decode', () => {
  let checked = 0
  for (const file of vectors.multibase.files) {
    const input = fromHex(file.input_hex)
    for (const v of file.vectors) {
      const base = baseByName(v.encoding)
      assert.ok(base !== undefined, `${v.encoding} is in the table`)
      if (file.canonical) assert.equal(base.encoder.encode(input), v.encoded, `${file.file} ${v.encoding}`)
      assert.deepEqual(base.decoder.decode(v.encoded), input, `${file.file} ${v.encoding} decodes`)
      assert.deepEqual(anyBase.decode(v.encoded), input, `${file.file} ${v.encoding} decodes by prefix`)
      checked++
    }
  }
  assert.equal(checked, 81)
})

test('CID spec: the example parses in base58btc and base32; the decoding rules hold', () => {
  for (const v of vectors.cid_spec.vectors) {
    for (const text of [v.cid, v.base32]) {
      const cid = parseCid(text)
      assert.equal(cid.version, v.decoded.version)
      assert.equal(cid.code, Number(v.decoded.codec))
      assert.equal(cid.multihash.code, Number(v.decoded.multihash_code))
      assert.equal(hex(cid.multihash.digest), v.decoded.digest_hex)
      assert.equal(cid.toString(), v.base32)
    }
    const v0 = CID.createV0(parseCid(v.cid).multihash as never)
    assert.equal(parseCid(v0.toString()).version, 0, 'a 46-char Qm string is a CIDv0')
    assert.equal(parseCid(`f${hex(v0.toV1().bytes)}`).toString(), v0.toV1().toString(), 'any multibase')
    assert.throws(() => parseCid(`z${base58btc.baseEncode(v0.bytes)}`), InvalidCidError, 'a multibase CIDv0 (first byte 0x12) is refused')
    assert.throws(() => parseCid(`f02${hex(v0.toV1().bytes).slice(2)}`), InvalidCidError, 'version 2 is reserved')
    assert.throws(() => parseCid(v.cid.slice(0, -3)), InvalidCidError, 'truncated')
  }
})

test('codec fixtures: 273 blocks decode, re-encode identically and hash to their CIDs', () => {
  const fixtures = vectors.ipld_codec_fixtures.fixtures
  assert.equal(fixtures.length, 273)
  for (const f of fixtures) {
    const codec = codecByName(f.codec)
    const bytes = fromHex(f.bytes_hex)
    const block = makeBlock(bytes, codec.code, hasherByName('sha2-256'), 1)
    assert.equal(block.cid.toString(), f.cid, `${f.fixture} (${f.codec}) CID`)
    assert.equal(hex(codec.encode(decodeWith(codec.code, bytes))), f.bytes_hex, `${f.fixture} (${f.codec}) round trip`)
  }
})

test('negative codec fixtures: undecodable blocks are BlockDecodeError, non-dag-pb forms DagEncodeError', () => {
  let checked = 0
  for (const [path, cases] of Object.entries(vectors.ipld_codec_fixtures.negative_fixtures)) {
    const [, codec, direction] = /^negative-fixtures\/([^/]+)\/(decode|encode)\//.exec(path) ?? []
    assert.ok(codec !== undefined && direction !== undefined, path)
    for (const c of cases) {
      if (direction === 'decode') {
        assert.throws(() => decodeWith(codecByName(codec).code, fromHex(c.hex ?? '')), BlockDecodeError, `${path}: ${c.name}`)
      } else {
        const input = new TextEncoder().encode(JSON.stringify(c['dag-json']))
        assert.throws(() => encodeDagNode(input, { inputCodec: 'dag-json', storeCodec: codec }), DagEncodeError, `${path}: ${c.name}`)
      }
      checked++
    }
  }
  assert.ok(checked > 40, `${checked} negative fixtures`)
})
