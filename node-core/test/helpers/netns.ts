// A LAN of network namespaces on one bridge, made and removed by the test.
// Needs root (CI and the dev machines run as root). Traffic stays inside.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'

/** A host of the test LAN: its namespace and address. */
export interface LanHost {
  ns: string
  ip: string
}

/** A LAN of `n` hosts; `remove` deletes everything it made. */
export interface TestLan {
  hosts: LanHost[]
  remove(): void
}

const ip = (...args: string[]): void => { execFileSync('ip', args, { stdio: 'pipe' }) }

/** Make `n` namespaces joined by a bridge, with lo up and a multicast route. */
export function createLan (n: number): TestLan {
  const tag = randomBytes(3).toString('hex')
  const bridge = `plbr${tag}`
  const subnet = 10 + (randomBytes(1)[0] ?? 0) % 200
  const made: Array<() => void> = []
  const remove = (): void => {
    for (const undo of made.reverse()) {
      try {
        undo()
      } catch {
        // already gone
      }
    }
    made.length = 0
  }
  try {
    ip('link', 'add', bridge, 'type', 'bridge')
    made.push(() => { ip('link', 'del', bridge) })
    ip('link', 'set', bridge, 'up')
    const hosts: LanHost[] = []
    for (let i = 1; i <= n; i++) {
      const ns = `plns${tag}${i}`
      const host = `plv${tag}${i}`
      const peer = `plp${tag}${i}`
      ip('netns', 'add', ns)
      made.push(() => { ip('netns', 'del', ns) })
      ip('link', 'add', host, 'type', 'veth', 'peer', 'name', peer)
      made.push(() => { ip('link', 'del', host) })
      ip('link', 'set', host, 'master', bridge)
      ip('link', 'set', host, 'up')
      ip('link', 'set', peer, 'netns', ns)
      const address = `10.${subnet}.0.${i}`
      ip('-n', ns, 'addr', 'add', `${address}/24`, 'dev', peer)
      ip('-n', ns, 'link', 'set', peer, 'up')
      ip('-n', ns, 'link', 'set', 'lo', 'up')
      ip('-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', peer)
      hosts.push({ ns, ip: address })
    }
    return { hosts, remove }
  } catch (err) {
    remove()
    throw err
  }
}

/** Whether this process may create namespaces (root with iproute2). */
export function canCreateNamespaces (): boolean {
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'pipe' })
    return process.getuid?.() === 0
  } catch {
    return false
  }
}
