/**
 * The node's side of every door: a call by method name with untrusted
 * input, validated against the contract, run by the implementation.
 */
import { isMethodName, methods } from './contract.ts'
import { InvalidInputError, UnknownMethodError } from './errors.ts'
import type { MethodName, Output, ParsedInput, Progress } from './contract.ts'
import type { z } from 'zod'

/** What a method's implementation gets beside its input. */
export interface CallContext<M extends MethodName = MethodName> {
  /** Aborted when the caller cancels or goes away. */
  signal: AbortSignal
  /** Report progress (long methods). */
  progress(progress: Progress<M>): void
}

/** One function per method of the contract. */
export type Implementation = {
  [M in MethodName]: (input: ParsedInput<M>, context: CallContext<M>) => Promise<Output<M>>
}

/** Call `name` with `input` as received from outside: UnknownMethodError or InvalidInputError before anything runs. */
export async function dispatch (impl: Implementation, name: string, input: unknown, context: CallContext): Promise<unknown> {
  if (!isMethodName(name)) throw new UnknownMethodError(`no method named ${JSON.stringify(name.slice(0, 100))}`)
  const parsed = methods[name].input.safeParse(input ?? {})
  if (!parsed.success) throw new InvalidInputError(`${name}: ${describeIssue(parsed.error)}`)
  const run = impl[name] as (input: unknown, context: CallContext) => Promise<unknown>
  context.signal.throwIfAborted()
  return await run(parsed.data, context)
}

/** The first issue of a failed parse, as `field: rule`. */
export function describeIssue (error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue?.path.map(String).join('.') ?? ''
  return `${where === '' ? '' : where + ': '}${issue?.message ?? 'invalid'}`
}
