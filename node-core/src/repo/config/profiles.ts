/**
 * Config profiles, as Kubo's `init --profile` and `config profile apply`.
 *
 * `test` keeps a node to itself (loopback, port 0, no bootstrap, no mDNS,
 * no UPnP);
 * `unixfs-v0-2015` and `unixfs-v1-2025` set `Import.*` to Kubo's two CID
 * profiles (IPIP-499).
 */
import { UnknownProfileError } from '../errors.ts'
import type { Config } from './schema.ts'

type Profile = (config: Config) => Config

const profiles: Record<string, Profile> = {
  test: (c) => ({
    ...c,
    Addresses: {
      ...c.Addresses,
      Swarm: ['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/udp/0/quic-v1', '/ip4/127.0.0.1/tcp/0/ws'],
      API: '/ip4/127.0.0.1/tcp/0',
      Gateway: '/ip4/127.0.0.1/tcp/0'
    },
    Bootstrap: [],
    Discovery: { MDNS: { Enabled: false } },
    Swarm: { ...c.Swarm, DisableNatPortMap: true }
  }),
  'unixfs-v0-2015': (c) => ({
    ...c,
    Import: {
      ...c.Import,
      CidVersion: 0,
      UnixFSRawLeaves: false,
      UnixFSChunker: 'size-262144',
      HashFunction: 'sha2-256',
      UnixFSFileMaxLinks: 174,
      UnixFSHAMTDirectoryMaxFanout: 256,
      UnixFSHAMTDirectorySizeThreshold: '256KiB',
      UnixFSHAMTDirectorySizeEstimation: 'links'
    }
  }),
  'unixfs-v1-2025': (c) => ({
    ...c,
    Import: {
      ...c.Import,
      CidVersion: 1,
      UnixFSRawLeaves: true,
      UnixFSChunker: 'size-1048576',
      HashFunction: 'sha2-256',
      UnixFSFileMaxLinks: 1024,
      UnixFSHAMTDirectoryMaxFanout: 256,
      UnixFSHAMTDirectorySizeThreshold: '256KiB',
      UnixFSHAMTDirectorySizeEstimation: 'block'
    }
  })
}

/** The names of every profile. */
export const PROFILE_NAMES = Object.keys(profiles)

/** Apply a comma-separated list of profiles in order. */
export function applyProfiles (config: Config, list: string): Config {
  let result = config
  for (const name of list.split(',').map((n) => n.trim()).filter((n) => n !== '')) {
    const profile = profiles[name]
    if (profile === undefined) throw new UnknownProfileError(`unknown profile "${name}" (known: ${PROFILE_NAMES.join(', ')})`)
    result = profile(result)
  }
  return result
}
