/**
 * The country of an IP address, from the offline IP-to-country database
 * shipped with the node (`@ip-location-db/geo-whois-asn-country-mmdb`, read
 * with mmdb-lib).
 *
 * The database file is read once, when a lookup first needs it, and its
 * reader kept; nothing is ever looked up over the network. LAN addresses
 * have no country, and no address has one while the database is missing
 * or unreadable: a lookup never throws.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Reader } from 'mmdb-lib'
import { isLanIp, plainIp } from './address-scope.ts'
import type { Response } from 'mmdb-lib'

/** The npm package that ships the database, and its IPv4 + IPv6 file. */
const PACKAGE = '@ip-location-db/geo-whois-asn-country-mmdb'
const FILE = 'geo-whois-asn-country.mmdb'

/** Looks up the countries of IP addresses. */
export interface CountryLookup {
  /** The ISO 3166-1 alpha-2 code of `ip`'s country; undefined for LAN and unknown addresses, or without a database. */
  country(ip: string): Promise<string | undefined>
}

/** The path of the database shipped with the node; undefined if its package is not installed. */
export function shippedDatabase (): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`)), FILE)
  } catch {
    return undefined
  }
}

/** A lookup over the database at `file` (none: no country for any address), read on first use. */
export function countryLookup (file: string | undefined): CountryLookup {
  let reader: Promise<Reader<Response> | undefined> | undefined
  const open = async (): Promise<Reader<Response> | undefined> => {
    if (file === undefined) return undefined
    try {
      return new Reader<Response>(await readFile(file))
    } catch {
      return undefined
    }
  }
  return {
    async country (ip) {
      const plain = plainIp(ip)
      if (plain === undefined || isLanIp(plain)) return undefined
      reader ??= open()
      const db = await reader
      try {
        const code = (db?.get(plain) as { country_code?: unknown } | null | undefined)?.country_code
        return typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? code : undefined
      } catch {
        return undefined
      }
    }
  }
}

/** The lookup over the shipped database, shared by the node's callers (opened on first use). */
export const countries: CountryLookup = countryLookup(shippedDatabase())
