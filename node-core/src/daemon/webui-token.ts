/**
 * The repo's web UI token: the secret a browser page presents to the
 * WebSocket bridge. Made once per repo (32 random bytes), kept as an
 * owner-only record, printed by the daemon in the web UI's URL.
 */
import { randomBytes } from 'node:crypto'
import type { Repo } from '../repo/repo.ts'

const RECORD = 'token'

/** The token of `repo`, made on first use. */
export async function webuiToken (repo: Pick<Repo, 'records'>): Promise<string> {
  const records = repo.records('webui', true)
  const stored = await records.get(RECORD)
  const text = stored === undefined ? '' : new TextDecoder().decode(stored)
  if (/^[A-Za-z0-9_-]{43}$/.test(text)) return text
  const token = randomBytes(32).toString('base64url')
  await records.put(RECORD, token)
  return token
}
