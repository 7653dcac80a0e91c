/**
 * DNSLink: `/ipns/<domain>` resolves through the TXT record
 * `dnslink=/ipfs/…` (or `/ipns/…`) at `_dnslink.<domain>`, else at the
 * domain itself, as Kubo looks them up.
 */
import { resolveTxt } from 'node:dns/promises'
import { ResolveFailedError } from './errors.ts'

/** TXT lookups, replaceable in tests. */
export type TxtLookup = (host: string) => Promise<string[][]>

/** The path a domain's DNSLink names. */
export async function resolveDnslink (domain: string, lookup: TxtLookup = resolveTxt): Promise<string> {
  const failures: string[] = []
  for (const host of [`_dnslink.${domain}`, domain]) {
    let records: string[][]
    try {
      records = await lookup(host)
    } catch (err) {
      failures.push(`${host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
      continue
    }
    for (const parts of records) {
      const match = /^dnslink=(\/(ipfs|ipns)\/\S+)$/.exec(parts.join(''))
      if (match?.[1] !== undefined) return match[1]
    }
    failures.push(`${host}: no dnslink= TXT record`)
  }
  throw new ResolveFailedError(`DNSLink lookup of ${domain} failed (${failures.join('; ')})${failures.some((f) => /ECONNREFUSED|ETIMEOUT|ENOTFOUND|EAI_AGAIN/.test(f)) ? ': is this machine offline?' : ''}`)
}
