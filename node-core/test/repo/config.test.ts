import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { getConfigValue, parseConfig, setConfigValue } from '../../src/repo/config/store.ts'
import { InvalidConfigError, RepoExistsError, RepoNotFoundError, RepoVersionError, UnknownProfileError } from '../../src/repo/errors.ts'
import { loadPrivateKey } from '../../src/repo/identity.ts'
import { parseSize } from '../../src/repo/config/size.ts'
import { tempDir } from '../helpers/cli.ts'

test('init writes a valid config with an Ed25519 identity, readable only by its owner', async () => {
  const dir = await tempDir()
  try {
    const repo = join(dir.path, 'r')
    const config = await initRepo(repo, 'test,unixfs-v1-2025')
    assert.match(config.Identity.PeerID, /^12D3KooW/)
    assert.equal(loadPrivateKey(config.Identity).type, 'Ed25519')
    assert.equal(config.Bootstrap.length, 0)
    assert.equal(config.Discovery.MDNS.Enabled, false)
    assert.equal(config.Import.CidVersion, 1)
    assert.equal(config.Import.UnixFSChunker, 'size-1048576')
    assert.equal((await stat(join(repo, 'config'))).mode & 0o777, 0o600)
    await assert.rejects(initRepo(repo), RepoExistsError)
    const opened = await openRepo(repo)
    assert.deepEqual(opened.config, config)
    await opened.close()
  } finally {
    await dir.cleanup()
  }
})

test('the default config has Kubo defaults: bootstrap peers, mDNS on, Import left to defaults', async () => {
  const dir = await tempDir()
  try {
    const config = await initRepo(join(dir.path, 'r'))
    assert.ok(config.Bootstrap.length > 0)
    assert.equal(config.Discovery.MDNS.Enabled, true)
    assert.equal(config.Addresses.API, '/ip4/127.0.0.1/tcp/5001')
    assert.equal(config.Import.CidVersion, null)
  } finally {
    await dir.cleanup()
  }
})

test('bad profiles, missing repos, broken and newer config files get named errors', async () => {
  const dir = await tempDir()
  try {
    await assert.rejects(initRepo(join(dir.path, 'a'), 'test,nope'), UnknownProfileError)
    await assert.rejects(openRepo(join(dir.path, 'missing')), (err: Error) => err instanceof RepoNotFoundError && err.message.includes('planetary init'))
    const repo = join(dir.path, 'b')
    const config = await initRepo(repo, 'test')
    const path = join(repo, 'config')
    await writeFile(path, '{ not json')
    await assert.rejects(openRepo(repo), InvalidConfigError)
    await writeFile(path, JSON.stringify({ ...config, Version: 99 }))
    await assert.rejects(openRepo(repo), RepoVersionError)
    await writeFile(path, JSON.stringify({ ...config, Bootstrap: 'not a list' }))
    await assert.rejects(openRepo(repo), (err: Error) => err instanceof InvalidConfigError && err.message.includes('Bootstrap'))
    await writeFile(path, JSON.stringify({ ...config, Identity: { ...config.Identity, PeerID: '12D3KooWBogus' } }))
    const opened = await openRepo(repo)
    assert.throws(() => loadPrivateKey(opened.config.Identity), InvalidConfigError)
    await opened.close()
  } finally {
    await dir.cleanup()
  }
})

test('config values: get and set by dotted key, validated; private keys hidden', async () => {
  const dir = await tempDir()
  try {
    const config = await initRepo(join(dir.path, 'r'), 'test')
    assert.equal(getConfigValue(config, 'Addresses.API'), '/ip4/127.0.0.1/tcp/0')
    const changed = setConfigValue(config, 'Import.CidVersion', 1)
    assert.equal(changed.Import.CidVersion, 1)
    assert.throws(() => setConfigValue(config, 'Import.CidVersion', 2), InvalidConfigError)
    assert.throws(() => setConfigValue(config, 'Import.UnixFSHAMTDirectoryMaxFanout', 100), InvalidConfigError)
    assert.throws(() => setConfigValue(config, 'Nope.Key', 1), InvalidConfigError)
    assert.throws(() => getConfigValue(config, 'Identity.PrivKey'), InvalidConfigError)
    assert.throws(() => setConfigValue(config, 'Identity.PrivKey', 'x'), InvalidConfigError)
    assert.throws(() => parseConfig('[]'), InvalidConfigError)
    assert.equal(JSON.parse(await readFile(join(dir.path, 'r', 'config'), 'utf8')).Identity.PeerID, config.Identity.PeerID)
  } finally {
    await dir.cleanup()
  }
})

test('sizes parse in SI and IEC units', () => {
  assert.equal(parseSize('256KiB'), 262144)
  assert.equal(parseSize('10GB'), 10e9)
  assert.equal(parseSize('1048576'), 1048576)
  assert.throws(() => parseSize('lots'), InvalidConfigError)
})
