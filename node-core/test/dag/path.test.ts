// Parsing IPFS paths: the forms Kubo accepts, cleaned as Kubo cleans them,
// and a named error for each malformed one.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { InvalidCidError } from '../../src/block/errors.ts'
import { InvalidPathError, IpnsUnavailableError } from '../../src/dag/errors.ts'
import { formatPath, parsePath } from '../../src/dag/path.ts'

const v0 = 'QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn'
const v1 = 'bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354'

test('the accepted forms', () => {
  for (const [text, segments] of [
    [v0, []],
    [`/ipfs/${v0}`, []],
    [`/ipfs/${v0}/`, []],
    [`${v1}/a/b`, ['a', 'b']],
    [`/ipfs/${v1}/a//b/./c/`, ['a', 'b', 'c']],
    [`/ipfs/${v1}/with space/é/🙂`, ['with space', 'é', '🙂']]
  ] as Array<[string, string[]]>) {
    const path = parsePath(text)
    assert.deepEqual(path.segments, segments, text)
    assert.equal(path.root.toString(), text.includes(v0) ? v0 : v1)
  }
  assert.equal(formatPath(parsePath(`${v1}/a//b/`)), `/ipfs/${v1}/a/b`)
})

test('malformed paths are an InvalidPathError or InvalidCidError', () => {
  for (const text of ['', '/', '/ipfs', '/ipfs/', '/ipfs//a', '/ipfx/' + v0, `/ipfs/${v0}/..`, `/ipfs/${v0}/a/../b`, `${v0}/a\0b`, '/' + 'x'.repeat(5000)]) {
    assert.throws(() => parsePath(text), InvalidPathError, JSON.stringify(text))
  }
  for (const text of ['QmNotACid', '/ipfs/bafy!!', 'ipfs/' + v0, 'hello/world']) {
    assert.throws(() => parsePath(text), InvalidCidError, text)
  }
})

test('IPNS paths are refused offline by name, saying what resolves them', () => {
  assert.throws(() => parsePath('/ipns/example.com'), (err: Error) => err instanceof IpnsUnavailableError && /IPNS names are resolved by a running daemon/.test(err.message))
  assert.throws(() => parsePath('/ipns/k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8/a'), IpnsUnavailableError)
})
