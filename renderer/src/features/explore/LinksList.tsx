/**
 * A node's links: name, CID and size, each leading to its node (a dag-pb
 * entry by name under the current path). Long directories in steps.
 */
import { useState } from 'react'
import { routeHash } from '../../lib/route.ts'
import { formatBytes, shorten } from '../../lib/format.ts'
import { linkTarget } from './explore-path.ts'
import { explore as t } from '../../texts/explore.ts'
import type { DagNode } from './explore-store.ts'

const STEP = 500

/** The links of `node`, shown at `path`. */
export function LinksList ({ path, node }: { path: string, node: DagNode }) {
  const [shown, setShown] = useState(STEP)
  const sharded = node.unixfs?.type === 'hamt-sharded-directory'
  if (node.links.length === 0) return <p className="muted" data-testid="explore-links">{t.links.none}</p>
  return (
    <div data-testid="explore-links">
      <table className="data explore-links">
        <thead>
          <tr><th scope="col">{t.links.name}</th><th scope="col">{t.links.cid}</th><th scope="col" className="num">{t.links.size}</th></tr>
        </thead>
        <tbody>
          {node.links.slice(0, shown).map((link, i) => {
            const target = linkTarget(path, link, { codec: node.codec, sharded })
            const label = target.label === '' ? t.links.unnamed : sharded && link.name.length <= 2 ? t.links.shard(link.name) : target.label
            return (
              <tr key={`${i} ${link.cid}`} data-testid="explore-link">
                <td className="link-name"><a href={routeHash('explore', target.path)}>{label}</a></td>
                <td className="mono" title={link.cid}>{shorten(link.cid, 8)}</td>
                <td className="num">{link.size === undefined ? '—' : formatBytes(link.size)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {node.links.length > shown ? <button type="button" className="button small more-button" onClick={() => { setShown(shown + STEP) }}>{t.links.more(shown, node.links.length)}</button> : null}
    </div>
  )
}
