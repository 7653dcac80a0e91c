/**
 * The typed client of the contract over any transport: `api.files.ls({
 * path: '/' })`, `api.on('peer:connected', ...)`. What comes back is
 * checked against the contract before a caller sees it.
 */
import { events, isEventName, methods, METHOD_NAMES } from './contract.ts'
import { InvalidOutputError } from './errors.ts'
import { describeIssue } from './dispatch.ts'
import type { EventName, EventPayload, Input, MethodName, Output, Progress } from './contract.ts'
import type { ApiTransport } from './transport.ts'
import type { z } from 'zod'

/** Options of a call: cancel it, watch its progress. */
export interface CallOptions<M extends MethodName> {
  signal?: AbortSignal
  onProgress?: (progress: Progress<M>) => void
}

type Namespace = MethodName extends infer M ? M extends `${infer N}.${string}` ? N : never : never

type Call<M extends MethodName> = (...args: Record<string, never> extends Input<M> ? [input?: Input<M>, options?: CallOptions<M>] : [input: Input<M>, options?: CallOptions<M>]) => Promise<Output<M>>

/** The methods of the contract, by namespace. */
export type ApiMethods = {
  [N in Namespace]: { [M in MethodName as M extends `${N}.${infer K}` ? K : never]: Call<M> }
}

/** A client: the methods by namespace, events, and closing the transport. */
export type ApiClient = ApiMethods & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  close(): Promise<void>
}

/** A client over `transport`. */
export function createClient (transport: ApiTransport): ApiClient {
  const namespaces: Record<string, Record<string, unknown>> = {}
  for (const name of METHOD_NAMES) {
    const [ns = '', short = ''] = name.split('.')
    const spec = methods[name] as { output: z.ZodType, progress?: z.ZodType }
    namespaces[ns] ??= {}
    namespaces[ns][short] = async (input?: unknown, options: CallOptions<MethodName> = {}) => {
      const onProgress = options.onProgress as ((p: unknown) => void) | undefined
      const output = await transport.call(name, input ?? {}, {
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(onProgress === undefined || spec.progress === undefined ? {} : { onProgress: (p: unknown) => { onProgress(checked(spec.progress as z.ZodType, p, `${name} progress`)) } })
      })
      return checked(spec.output, output, name)
    }
  }
  return {
    ...(namespaces as ApiMethods),
    on: (event, listener) => {
      if (!isEventName(event)) throw new TypeError(`no event named ${String(event)}`)
      return transport.subscribe(event, (payload) => {
        let value: unknown
        try {
          value = checked(events[event], payload, event)
        } catch {
          return
        }
        listener(value as EventPayload<typeof event>)
      })
    },
    close: async () => { await transport.close() }
  }
}

function checked (schema: z.ZodType, value: unknown, what: string): unknown {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new InvalidOutputError(`${what}: ${describeIssue(parsed.error)}`)
  return parsed.data
}
