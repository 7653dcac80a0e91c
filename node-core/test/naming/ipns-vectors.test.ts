// The IPNS records of test/vectors/ipns_peerid.json through our resolver:
// each validates or is rejected exactly as its expected verdict says; the
// peer-id vectors parse as names.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { privateKeyFromProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { Ipns } from '../../src/naming/ipns.ts'
import { Keystore } from '../../src/naming/keystore.ts'
import { InvalidNameError, InvalidRecordError } from '../../src/naming/errors.ts'
import { parseName } from '../../src/naming/names.ts'
import { RecordStore } from '../../src/repo/records.ts'
import { tempDir } from '../helpers/cli.ts'
import { readVectors } from '../helpers/vectors.ts'

interface RecordVector { name: string, record_base64: string, value_signed_v2: string | null, local_checks: { result_per_spec_algorithm: string } }
interface KeyVector { key_type: string, private_key_protobuf_hex: string, derived: { peer_id_base58btc: string } }
const vectors = readVectors<{ ipns_records: { records: RecordVector[] }, peer_ids: { keys: KeyVector[], examples: Array<{ string: string, equivalent_base58btc: string }> } }>('ipns_peerid.json')


test('the spec\'s and gateway-conformance records resolve or are rejected as expected', async () => {
  const dir = await tempDir()
  try {
    const self = privateKeyFromProtobuf(Buffer.from(vectors.peer_ids.keys.find((k) => k.key_type === 'Ed25519')?.private_key_protobuf_hex ?? '', 'hex'))
    let valid = 0
    let invalid = 0
    for (const v of vectors.ipns_records.records) {
      const bytes = new Uint8Array(Buffer.from(v.record_base64, 'base64'))
      const ipns = new Ipns({
        keys: new Keystore(new RecordStore(`${dir.path}/keys`), self),
        routing: { put: async () => {}, get: async () => bytes },
        published: new RecordStore(`${dir.path}/published`),
        republishMs: 0
      })
      if (v.local_checks.result_per_spec_algorithm === 'valid') {
        assert.equal(await ipns.resolve(v.name, { recursive: false }), v.value_signed_v2, v.name)
        valid++
      } else {
        await assert.rejects(ipns.resolve(v.name), InvalidRecordError, v.name)
        invalid++
      }
    }
    assert.equal(valid + invalid, 12)
    assert.deepEqual([valid, invalid], [9, 3], 'the vectors\' verdicts: nine valid, three invalid')
  } finally {
    await dir.cleanup()
  }
})

test('peer-id vectors: keys derive their peer IDs; every example form parses as the same name; junk is refused', () => {
  for (const k of vectors.peer_ids.keys.filter((key) => key.key_type !== 'ECDSA')) {
    const key = privateKeyFromProtobuf(Buffer.from(k.private_key_protobuf_hex, 'hex'))
    assert.equal(peerIdFromPrivateKey(key).toString(), k.derived.peer_id_base58btc, k.key_type)
  }
  for (const e of vectors.peer_ids.examples) {
    const name = parseName(e.string)
    assert.equal(name.kind, 'key')
    if (name.kind === 'key') assert.equal(name.peer.toString(), e.equivalent_base58btc)
  }
  assert.deepEqual(parseName('docs.ipfs.tech'), { kind: 'dns', domain: 'docs.ipfs.tech' })
  for (const bad of ['', 'not a name', 'Qm123', 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi', '../etc']) assert.throws(() => parseName(bad), InvalidNameError, bad)
})
