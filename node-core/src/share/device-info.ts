/**
 * This device as others see it: its name (Settings, or the OS user and
 * host name), its OS and the app's version.
 */
import { homedir, hostname, platform, userInfo } from 'node:os'
import { join } from 'node:path'
import { AGENT_VERSION } from '../network/host.ts'
import { hasControlCharacter } from './names.ts'
import type { Config } from '../repo/config/schema.ts'
import type { Hello } from './messages.ts'

/** `user@host` (or the host alone), cut to a device name's 64 characters. */
export function defaultDeviceName (): string {
  let user = ''
  try {
    user = userInfo().username
  } catch {
    // no user entry (some containers)
  }
  const name = user === '' ? hostname() : `${user}@${hostname()}`
  const clean = [...name].filter((c) => !hasControlCharacter(c)).join('').slice(0, 64)
  return clean === '' ? 'Planetary device' : clean
}

/** What this device says in its hello. */
export function deviceHello (config: Config): Hello {
  return { name: config.Share.DeviceName ?? defaultDeviceName(), os: platform(), appVersion: AGENT_VERSION.replace(/^[^/]*\//, '').slice(0, 32) }
}

/** Where received files are saved. */
export function inboxFolder (config: Config): string {
  return config.Share.InboxFolder ?? join(homedir(), 'Downloads')
}
