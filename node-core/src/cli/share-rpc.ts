/**
 * The daemon's `share/*` endpoints as the CLI calls them, held to the
 * contract like every client of it: input checked before it is sent (so a
 * send fails before its upload), replies checked before they are printed.
 */
import { methods } from '../api/contract.ts'
import { describeIssue } from '../api/dispatch.ts'
import { InvalidInputError, InvalidOutputError } from '../api/errors.ts'
import type { Input, MethodName, Output, Progress } from '../api/contract.ts'
import type { RpcClient } from './rpc-client.ts'
import type { z } from 'zod'

/** A received or sent transfer. */
export type ShareItem = Output<'share.accept'>
/** A device that speaks the share protocol. */
export type ShareDevice = Output<'share.devices'>['devices'][number]

type Query = Record<string, string | number | boolean>

/** `input` as `method` takes it; InvalidInputError as the daemon would name it otherwise. */
export function checkInput<M extends MethodName> (method: M, input: Input<M>): void {
  const parsed = (methods[method].input as z.ZodType).safeParse(input)
  if (!parsed.success) throw new InvalidInputError(`${method}: ${describeIssue(parsed.error)}`)
}

function checked<T> (what: string, schema: z.ZodType, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new InvalidOutputError(`${what}: ${describeIssue(parsed.error)}`)
  return parsed.data as T
}

/** Call `share/<path>` and read the reply as `method`'s output. */
export async function shareCall<M extends MethodName> (daemon: RpcClient, method: M, path: string, args: string[] = [], options: Query = {}): Promise<Output<M>> {
  return checked<Output<M>>(method, methods[method].output, await daemon.call(`share/${path}`, args, options))
}

/** `share/pair-join <code>`: each phase to `onPhase` as it comes, then the device paired. */
export async function pairJoin (daemon: RpcClient, code: string, onPhase: (phase: Progress<'share.pairJoin'>['phase']) => void): Promise<ShareDevice> {
  const spec = methods['share.pairJoin']
  let device: ShareDevice | undefined
  for await (const line of daemon.stream('share/pair-join', [code])) {
    if (typeof line === 'object' && line !== null && 'Progress' in line) onPhase(checked<Progress<'share.pairJoin'>>('share.pairJoin progress', spec.progress, line.Progress).phase)
    else device = checked<ShareDevice>('share.pairJoin', spec.output, line)
  }
  if (device === undefined) throw new InvalidOutputError('share.pairJoin: the daemon ended the reply without the device')
  return device
}
