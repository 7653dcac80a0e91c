// DNSLink: `/ipns/<domain>` through `_dnslink.<domain>` TXT records (then the
// domain itself), recursive through /ipns/ values, and a clear error when
// DNS cannot answer. The TXT lookup is injected: the tests may not reach DNS.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { Ipns } from '../../src/naming/ipns.ts'
import { Keystore } from '../../src/naming/keystore.ts'
import { ResolveFailedError } from '../../src/naming/errors.ts'
import { RecordStore } from '../../src/repo/records.ts'
import { tempDir } from '../helpers/cli.ts'

const CID = 'bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy'

test('DNSLink records resolve, recursively; failures say whether DNS was reachable', async () => {
  const dir = await tempDir()
  try {
    const records: Record<string, string[][]> = {
      '_dnslink.docs.example.org': [['dnslink=/ipfs/', `${CID}/guide`]],
      'mirror.example.org': [['v=spf1 -all'], ['dnslink=/ipns/docs.example.org']],
      '_dnslink.junk.example.org': [['dnslink=ftp://nope']]
    }
    const lookups: string[] = []
    const ipns = new Ipns({
      keys: new Keystore(new RecordStore(`${dir.path}/keys`), await generateKeyPair('Ed25519')),
      routing: { put: async () => {}, get: async () => { throw new Error('no DHT here') } },
      published: new RecordStore(`${dir.path}/published`),
      republishMs: 0,
      lookupTxt: async (host) => {
        lookups.push(host)
        const found = records[host]
        if (found === undefined) throw Object.assign(new Error('queryTxt ENOTFOUND'), { code: 'ENOTFOUND' })
        return found
      }
    })
    assert.equal(await ipns.resolve('/ipns/docs.example.org/a/b'), `/ipfs/${CID}/guide/a/b`, 'TXT strings joined, the rest of the path kept')
    assert.equal(await ipns.resolve('mirror.example.org'), `/ipfs/${CID}/guide`, 'the domain itself, then recursion through /ipns/')
    assert.equal(await ipns.resolve('mirror.example.org', { recursive: false }), '/ipns/docs.example.org')
    assert.ok(lookups.includes('_dnslink.mirror.example.org') && lookups.includes('mirror.example.org'))
    await assert.rejects(ipns.resolve('junk.example.org'), (err: Error) => err instanceof ResolveFailedError && /no dnslink= TXT record/.test(err.message))
    await assert.rejects(ipns.resolve('offline.example.org'), (err: Error) => err instanceof ResolveFailedError && /is this machine offline\?/.test(err.message))
  } finally {
    await dir.cleanup()
  }
})
