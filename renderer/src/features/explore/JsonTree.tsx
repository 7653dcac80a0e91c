/**
 * A dag-json value as a collapsible tree: links (`{"/": cid}`) lead to
 * their node, bytes (`{"/": {"bytes": …}}`) are shown as bytes, every value
 * is text. Children render only when opened; long lists in steps.
 */
import { useState } from 'react'
import { routeHash } from '../../lib/route.ts'
import { explore as t } from '../../texts/explore.ts'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

const STEP = 200

/** The CID of a dag-json link value, else undefined. */
export function linkOf (value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const keys = Object.keys(value)
  const inner = (value as Record<string, unknown>)['/']
  return keys.length === 1 && typeof inner === 'string' ? inner : undefined
}

/** The base64 text of a dag-json bytes value, else undefined. */
export function bytesOf (value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  const inner = (value as Record<string, unknown>)['/']
  if (Object.keys(value).length !== 1 || inner === null || typeof inner !== 'object') return undefined
  const bytes = (inner as Record<string, unknown>).bytes
  return Object.keys(inner).length === 1 && typeof bytes === 'string' ? bytes : undefined
}

function Leaf ({ value }: { value: Json }) {
  const cid = linkOf(value)
  if (cid !== undefined) return <a className="json-link mono" href={routeHash('explore', `/ipfs/${cid}`)} title={t.fields.link}>{cid}</a>
  const bytes = bytesOf(value)
  if (bytes !== undefined) {
    return (
      <span className="json-bytes">
        <span className="muted">{t.fields.bytes(bytes.length)} </span>
        <span className="mono">{bytes.length > 96 ? `${bytes.slice(0, 96)}…` : bytes}</span>
      </span>
    )
  }
  return <span className={`json-${value === null ? 'null' : typeof value} mono`}>{JSON.stringify(value)}</span>
}

function Entry ({ name, value, depth }: { name: string, value: Json, depth: number }) {
  const container = value !== null && typeof value === 'object' && linkOf(value) === undefined && bytesOf(value) === undefined
  const [open, setOpen] = useState(depth < 2)
  const [shown, setShown] = useState(STEP)
  if (!container) {
    return <li className="json-leaf"><span className="json-key">{name}</span>: <Leaf value={value} /></li>
  }
  const entries: Array<[string, Json]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value)
  return (
    <li>
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => { setOpen(!open) }} aria-label={open ? t.fields.collapse(name) : t.fields.expand(name)}>
        <span aria-hidden="true" className="json-caret">{open ? '▾' : '▸'}</span>
        <span className="json-key">{name}</span>
      </button>
      <span className="muted"> {Array.isArray(value) ? `[${t.fields.items(entries.length)}]` : `{${t.fields.keys(entries.length)}}`}</span>
      {open
        ? (
          <ul className="json-children">
            {entries.slice(0, shown).map(([k, v]) => <Entry key={k} name={k} value={v} depth={depth + 1} />)}
            {entries.length > shown ? <li><button type="button" className="button small" onClick={() => { setShown(entries.length) }}>{t.fields.more(shown, entries.length)}</button></li> : null}
          </ul>
          )
        : null}
    </li>
  )
}

/** The tree of `value`. */
export function JsonTree ({ value }: { value: unknown }) {
  return (
    <ul className="json-tree" data-testid="explore-fields">
      <Entry name={t.fields.root} value={value as Json} depth={0} />
    </ul>
  )
}
