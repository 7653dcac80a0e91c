// Countries of IP addresses from the offline database shipped with the
// node: public addresses whose registration is stable (Google's resolvers,
// RIPE NCC's own network), none for LAN addresses or anything that is not
// an IP address, and none, without an error, when the database is missing
// or corrupt.
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import { countries, countryLookup, shippedDatabase } from '../../src/network/geo.ts'
import { tempDir } from '../helpers/cli.ts'

test('public addresses get the country the shipped database gives them', async () => {
  assert.ok(shippedDatabase()?.endsWith('.mmdb'), 'the database ships with the node')
  assert.equal(await countries.country('8.8.8.8'), 'US')
  assert.equal(await countries.country('2001:4860:4860::8888'), 'US')
  assert.equal(await countries.country('193.0.6.139'), 'NL', 'RIPE NCC')
  assert.equal(await countries.country('::ffff:8.8.8.8'), 'US', 'an IPv4-mapped address by its IPv4 address')
})

test('LAN, loopback and malformed addresses have no country', async () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.1.20', '169.254.0.7', '100.64.0.1', '::1', 'fd12::1', 'fe80::1%eth0', '::ffff:192.168.0.1', 'not an ip', '']) {
    assert.equal(await countries.country(ip), undefined, ip)
  }
})

test('a missing or corrupt database gives no country and never throws', async () => {
  const dir = await tempDir()
  try {
    assert.equal(await countryLookup(join(dir.path, 'missing.mmdb')).country('8.8.8.8'), undefined)
    assert.equal(await countryLookup(undefined).country('8.8.8.8'), undefined)
    const corrupt = join(dir.path, 'corrupt.mmdb')
    await writeFile(corrupt, 'this is not a MaxMind database')
    const lookup = countryLookup(corrupt)
    assert.equal(await lookup.country('8.8.8.8'), undefined)
    assert.equal(await lookup.country('1.1.1.1'), undefined, 'and stays quiet on later lookups')
  } finally {
    await dir.cleanup()
  }
})
