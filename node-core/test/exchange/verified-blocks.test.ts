// verifyBlock: bytes are checked against the CID asked for; bytes a peer's
// message was hashed to on arrival are taken for that CID only.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { makeBlock, markVerified, verifyBlock } from '../../src/block/block.ts'
import { hasherByName } from '../../src/block/hashers.ts'
import { cidOfPayload, encodePrefix } from '../../src/exchange/message/prefix.ts'

test('a block hashed on arrival passes for its own CID and for no other', () => {
  const sha = hasherByName('sha2-256')
  const block = makeBlock(new TextEncoder().encode('arrived'), 0x55, sha, 1)
  const other = makeBlock(new TextEncoder().encode('something else'), 0x55, sha, 1)
  const arrived = block.bytes.slice()
  assert.equal(cidOfPayload(encodePrefix(block.cid), arrived).toString(), block.cid.toString())
  verifyBlock(block.cid, arrived)
  assert.throws(() => { verifyBlock(other.cid, arrived) }, { name: 'BlockHashMismatchError' })
  const forged = new TextEncoder().encode('forged')
  markVerified(other.cid, forged)
  verifyBlock(other.cid, forged)
  assert.throws(() => { verifyBlock(block.cid, forged) }, { name: 'BlockHashMismatchError' }, 'a mark vouches for one CID only')
})
