/**
 * `/api/v0/config*` and `/api/v0/bootstrap*`: the config of the running
 * node, changed through the same validation as the CLI's offline path.
 */
import { getConfigValue, publicConfig, setConfigValue } from '../../../repo/config/store.ts'
import { parseMultiaddr } from '../../../network/parse.ts'
import { DEFAULT_BOOTSTRAP } from '../../../repo/config/defaults.ts'
import { BadRequestError } from '../../errors.ts'
import { arg, flag } from '../handler.ts'
import type { RpcHandler } from '../handler.ts'

/** `config <key> [<value>] [json] [bool]` */
export const config: RpcHandler = async (request) => {
  const repo = request.node.repo
  const key = arg(request, 0, 'key')
  const text = request.args[1]
  if (text === undefined) return { Key: key, Value: getConfigValue(repo.config, key) }
  let value: unknown = text
  if (flag(request, 'json')) {
    try {
      value = JSON.parse(text)
    } catch {
      throw new BadRequestError(`value is not valid JSON: ${text.slice(0, 200)}`)
    }
  } else if (flag(request, 'bool')) {
    if (text !== 'true' && text !== 'false') throw new BadRequestError(`bool value must be true or false, got "${text}"`)
    value = text === 'true'
  }
  await repo.saveConfig(setConfigValue(repo.config, key, value))
  return { Key: key, Value: value }
}

/** `config show` */
export const configShow: RpcHandler = async ({ node }) => publicConfig(node.repo.config)

/** `bootstrap list` */
export const bootstrapList: RpcHandler = async ({ node }) => ({ Peers: node.repo.config.Bootstrap })

/** `bootstrap add <multiaddr>... [default]` */
export const bootstrapAdd: RpcHandler = async (request) => {
  const repo = request.node.repo
  const added = flag(request, 'default') ? DEFAULT_BOOTSTRAP : request.args.map((a) => parseMultiaddr(a).toString())
  if (added.length === 0) throw new BadRequestError('argument "peer" is required (or default=true)')
  const peers = [...new Set([...repo.config.Bootstrap, ...added])]
  await repo.saveConfig(setConfigValue(repo.config, 'Bootstrap', peers))
  return { Peers: added }
}

/** `bootstrap rm <multiaddr>... [all]` */
export const bootstrapRm: RpcHandler = async (request) => {
  const repo = request.node.repo
  const removed = flag(request, 'all') ? repo.config.Bootstrap : request.args.map((a) => parseMultiaddr(a).toString())
  if (removed.length === 0) throw new BadRequestError('argument "peer" is required (or all=true)')
  const peers = repo.config.Bootstrap.filter((p) => !removed.includes(p))
  await repo.saveConfig(setConfigValue(repo.config, 'Bootstrap', peers))
  return { Peers: removed.filter((p) => !peers.includes(p)) }
}
