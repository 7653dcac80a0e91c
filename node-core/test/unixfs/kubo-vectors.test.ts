// Every case of test/vectors/unixfs_add.json through `planetary add`,
// with the Kubo flags (or Import.* config, or init profile) the case names,
// checking every CID Kubo printed. Single-file default cases are also checked
// against Debian's ipfs_cid, an independent implementation.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { freshRepo, planetaryOk } from '../helpers/cli.ts'
import { VECTORS, materialize, profileDirNames } from '../helpers/vector-inputs.ts'
import type { GeneratedDir, VectorCase } from '../helpers/vector-inputs.ts'

const cases = (JSON.parse(readFileSync(VECTORS, 'utf8')) as { cases: VectorCase[] }).cases

/** How a case runs: init profiles, config settings, add flags, stdin or not. */
interface Plan { profiles: string, config: Array<[string, string]>, flags: string[], stdin: boolean }

/** Flags of Kubo's command that change what is printed or where data goes, not the DAG: dropped. */
const OUTPUT_ONLY = /^(-q|-Q|-r|--to-files|--nocopy|-qr|-Qr|-rQ)$/

function plan (c: VectorCase): Plan {
  const command = c.command
  const profiles = /--profile=(unixfs-v[0-9]-[0-9]+)/.exec(command)?.[1] ?? ''
  const config: Array<[string, string]> = []
  for (const [, key, value] of command.matchAll(/\b(Import\.[A-Za-z]+)=([^,;)\s]+)/g)) {
    config.push([key ?? '', /^(true|false|\d+)$/.test(value ?? '') ? value ?? '' : JSON.stringify(value)])
  }
  const adds = command.replace(/\([^)]*\)/g, '').split(/;|&&|\|/).map((s) => s.trim()).filter((s) => /^ipfs( --cid-base=\S+)? add\b/.test(s))
  const words = (adds[adds.length - 1] ?? '').split(/\s+/).filter((w) => w.startsWith('-'))
  const flags: string[] = []
  for (let i = 0; i < words.length; i++) {
    let word = words[i] ?? ''
    if (/^-[qQrw]+$/.test(word)) {
      if (word.includes('w')) flags.push('-w')
      continue
    }
    if (OUTPUT_ONLY.test(word)) continue
    const separate = /^--(chunker|cid-version|hash|stdin-name|mode|mtime|mtime-nsecs|inline-limit)$/.exec(word)
    if (separate !== null) {
      const all = (adds[adds.length - 1] ?? '').split(/\s+/)
      word = `${word}=${all[all.indexOf(word) + 1] ?? ''}`
    }
    flags.push(word)
  }
  const cidBase = /--cid-base=(\S+)/.exec(command)?.[1]
  if (cidBase !== undefined && !flags.some((f) => f.startsWith('--cid-base'))) flags.push(`--cid-base=${cidBase}`)
  if (c.input.type === 'directory') flags.push('-r')
  return { profiles, config, flags, stdin: /\|\s*ipfs add/.test(command) }
}

/** The CID each printed path got: `added <cid> <path>`, or `added <cid>` for a wrapper. */
function printed (stdout: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of stdout.trim().split('\n')) {
    const [, cid, path] = /^added (\S+)(?: (.*))?$/.exec(line) ?? []
    if (cid !== undefined) map.set(path ?? '', cid)
  }
  return map
}

const repos = new Map<string, Promise<{ repo: string, cleanup: () => Promise<void> }>>()
async function repoFor (p: Plan): Promise<string> {
  const key = JSON.stringify([p.profiles, p.config])
  let made = repos.get(key)
  if (made === undefined) {
    made = (async () => {
      const r = await freshRepo(p.profiles)
      for (const [k, v] of p.config) await planetaryOk(r.repo, ['config', '--json', k, v])
      return r
    })()
    repos.set(key, made)
  }
  return (await made).repo
}

test('the generated profile directories are the ones Kubo used', () => {
  for (const c of cases) {
    const entries = c.input.entries
    if (entries === undefined || Array.isArray(entries)) continue
    const generated = (c.input as { generated?: { sha256_of_names_joined_by_newline_in_generation_order: string } }).generated
    const names = profileDirNames(entries as GeneratedDir)
    assert.equal(createHash('sha256').update(names.join('\n')).digest('hex'), generated?.sha256_of_names_joined_by_newline_in_generation_order, c.id)
  }
})

for (const c of cases) {
  test(`vector ${c.id}: ${c.command.slice(0, 90)}`, async (t) => {
    const p = plan(c)
    const repo = await repoFor(p)
    const input = await materialize(c.input)
    t.after(input.cleanup)
    const name = input.path.split('/').pop() ?? ''
    const stdinName = p.flags.find((f) => f.startsWith('--stdin-name='))?.split('=')[1]
    const result = p.stdin
      ? await planetaryOk(repo, ['add', ...p.flags], input.bytes)
      : await planetaryOk(repo, ['add', ...p.flags, input.path])
    const got = printed(result.stdout)
    for (const { path, cid } of c.expected) {
      let key = path
      if (path === '' && !p.flags.includes('-w')) key = p.stdin ? (stdinName ?? [...got.keys()].pop() ?? '') : name
      else if (path !== '' && c.input.name === undefined && c.input.type === 'directory' && !p.flags.includes('-w')) key = `${name}/${path}`
      assert.equal(got.get(key), cid, `${c.id}: path "${path}" (printed as "${key}") in:\n${result.stdout}`)
    }
    const defaults = c.input.type === 'file' && !p.stdin && p.flags.length === 0 && p.profiles === '' && p.config.length === 0 && c.options.cidVersion === 0
    if (defaults) {
      const oracle = JSON.parse(execFileSync('ipfs_cid', [input.path]).toString()) as { CIDv0: string }
      assert.equal(oracle.CIDv0, c.expected[0]?.cid, `${c.id}: ipfs_cid agrees`)
    }
  })
}

test('cleanup vector repos', async () => {
  for (const made of repos.values()) await (await made).cleanup()
})
