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

/** What a test network made, to be undone in reverse order by `remove` (each undo once, a thing already gone skipped). */
function undoList (): { made: Array<() => void>, remove: () => void } {
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
  return { made, remove }
}

/** Make `n` namespaces joined by a bridge, with lo up and a multicast route. */
export function createLan (n: number): TestLan {
  const tag = randomBytes(3).toString('hex')
  const bridge = `plbr${tag}`
  const subnet = 10 + (randomBytes(1)[0] ?? 0) % 200
  const { made, remove } = undoList()
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

/** A host of a routed test network: its namespace, address and the veth end outside it (for `tc`). */
export interface RoutedHost extends LanHost {
  /** The veth end in the root namespace (on the bridge, or facing the router). */
  veth: string
}

/** A LAN on a bridge plus a router namespace that joins it to a second subnet. */
export interface RoutedLan {
  /** The hosts on the bridge (first subnet). */
  hosts: RoutedHost[]
  /** The router: its namespace, its address on the bridge (`ip`) and on the far subnet (`farIp`). */
  router: LanHost & { farIp: string }
  /** The hosts of the far subnet. */
  far: RoutedHost[]
  remove(): void
}

/**
 * Make `n` namespaces on a bridge (subnet 10.x.0.0/24) and `farHosts` more
 * on a second subnet (10.x.1.0/24), joined by a router namespace with IP
 * forwarding on, which holds .254 on both. Hosts on either side route the
 * other subnet through it; multicast stays on each side (no multicast
 * routing), so mDNS does not cross.
 */
export function createRoutedLan (n: number, farHosts: number): RoutedLan {
  const tag = randomBytes(3).toString('hex')
  const bridge = `plbr${tag}`
  const subnet = 10 + (randomBytes(1)[0] ?? 0) % 200
  const near = `10.${subnet}.0`
  const farNet = `10.${subnet}.1`
  const { made, remove } = undoList()
  const namespace = (ns: string): void => {
    ip('netns', 'add', ns)
    made.push(() => { ip('netns', 'del', ns) })
    ip('-n', ns, 'link', 'set', 'lo', 'up')
  }
  /** A veth pair: `outside` stays in the root namespace, `inside` moves into `ns` with `address`. */
  const veth = (outside: string, inside: string, ns: string, address: string, multicast = true): void => {
    ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside)
    made.push(() => { ip('link', 'del', outside) })
    ip('link', 'set', inside, 'netns', ns)
    ip('-n', ns, 'addr', 'add', `${address}/24`, 'dev', inside)
    ip('-n', ns, 'link', 'set', inside, 'up')
    if (multicast) ip('-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', inside)
  }
  try {
    ip('link', 'add', bridge, 'type', 'bridge')
    made.push(() => { ip('link', 'del', bridge) })
    ip('link', 'set', bridge, 'up')
    const onBridge = (ns: string, i: number, address: string): string => {
      const outside = `plv${tag}${i}`
      veth(outside, `plp${tag}${i}`, ns, address)
      ip('link', 'set', outside, 'master', bridge)
      ip('link', 'set', outside, 'up')
      return outside
    }
    const hosts: RoutedHost[] = []
    for (let i = 1; i <= n; i++) {
      const ns = `plns${tag}${i}`
      namespace(ns)
      const address = `${near}.${i}`
      const outside = onBridge(ns, i, address)
      ip('-n', ns, 'route', 'add', `${farNet}.0/24`, 'via', `${near}.254`)
      hosts.push({ ns, ip: address, veth: outside })
    }
    const routerNs = `plns${tag}r`
    namespace(routerNs)
    onBridge(routerNs, 0, `${near}.254`)
    execFileSync('ip', ['netns', 'exec', routerNs, 'sysctl', '-qw', 'net.ipv4.ip_forward=1'], { stdio: 'pipe' })
    // The far side: one more bridge in the root namespace, the router's second leg and the far hosts on it.
    const farBridge = `plbf${tag}`
    ip('link', 'add', farBridge, 'type', 'bridge')
    made.push(() => { ip('link', 'del', farBridge) })
    ip('link', 'set', farBridge, 'up')
    const onFar = (ns: string, i: number, address: string): string => {
      const outside = `plf${tag}${i}`
      // The router's multicast route stays on its bridge leg.
      veth(outside, `plq${tag}${i}`, ns, address, i !== 0)
      ip('link', 'set', outside, 'master', farBridge)
      ip('link', 'set', outside, 'up')
      return outside
    }
    onFar(routerNs, 0, `${farNet}.254`)
    const far: RoutedHost[] = []
    for (let i = 1; i <= farHosts; i++) {
      const ns = `plns${tag}f${i}`
      namespace(ns)
      const address = `${farNet}.${i}`
      const outside = onFar(ns, i, address)
      ip('-n', ns, 'route', 'add', `${near}.0/24`, 'via', `${farNet}.254`)
      far.push({ ns, ip: address, veth: outside })
    }
    return { hosts, router: { ns: routerNs, ip: `${near}.254`, farIp: `${farNet}.254` }, far, remove }
  } catch (err) {
    remove()
    throw err
  }
}
