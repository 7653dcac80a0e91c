/**
 * The Explore page (`#/explore/<path>`): open a CID or an IPFS path, see
 * the node (CID, codec, size, UnixFS type), its links or fields, and a
 * preview of a file through the local gateway. A bad CID or a missing path
 * is a message under the field, never a blank page.
 */
import { useCallback, useEffect } from 'react'
import { useConnection } from '../../lib/connection-store.ts'
import { Breadcrumbs } from './Breadcrumbs.tsx'
import { ExploreInput } from './ExploreInput.tsx'
import { JsonTree } from './JsonTree.tsx'
import { LinksList } from './LinksList.tsx'
import { NodeFacts } from './NodeFacts.tsx'
import { Preview } from './Preview.tsx'
import { useExplore } from './explore-store.ts'
import { toIpfsPath } from './explore-path.ts'
import { errorText } from '../../texts/errors.ts'
import { explore as t } from '../../texts/explore.ts'
import type { DagNode } from './explore-store.ts'
import './explore.css'

function NodeView ({ path, node, gateway }: { path: string, node: DagNode, gateway: string | undefined }) {
  const type = node.unixfs?.type
  const isFile = type === 'file' || type === 'raw' || node.codec === 'raw'
  const isDirectory = type === 'directory' || type === 'hamt-sharded-directory'
  const structured = node.codec !== 'dag-pb' && node.codec !== 'raw'
  return (
    <>
      <NodeFacts node={node} />
      {isFile
        ? (
          <section className="explore-section">
            <h2>{t.preview.title}</h2>
            <Preview key={path} gateway={gateway} path={path} size={node.unixfs?.fileSize ?? node.size} />
          </section>
          )
        : null}
      {structured
        ? (
          <section className="explore-section">
            <h2>{t.fields.title}</h2>
            <JsonTree value={node.value} />
          </section>
          )
        : null}
      {node.links.length > 0 || isDirectory || (node.codec === 'dag-pb' && !isFile)
        ? (
          <section className="explore-section">
            <h2>{t.links.title}</h2>
            <LinksList path={path} node={node} />
          </section>
          )
        : null}
    </>
  )
}

/** The explore page at `path` (`/` for none yet). */
export function ExplorePage ({ path }: { path: string }) {
  const target = path === '/' ? undefined : toIpfsPath(path)
  const online = useConnection((s) => s.status === 'online')
  const gateway = useConnection((s) => s.info?.gatewayUrl)
  const shown = useExplore((s) => s.path)
  const node = useExplore((s) => s.node)
  const error = useExplore((s) => s.error)
  const loading = useExplore((s) => s.loading)
  const load = useExplore((s) => s.load)
  const cancel = useExplore((s) => s.cancel)

  useEffect(() => {
    if (target !== undefined && online) void load(target)
  }, [target, online, load])

  const reload = useCallback(() => { if (target !== undefined) void load(target) }, [target, load])

  const current = target !== undefined && shown === target
  return (
    <div className="page explore-page">
      <h1>{t.title}</h1>
      <ExploreInput current={target ?? ''} onReopen={reload} />
      {target === undefined
        ? (path === '/' ? <p className="muted">{t.intro}</p> : <p className="error-text" role="alert" data-testid="explore-error">{t.input.invalid}</p>)
        : (
          <div className="explore-body" aria-busy={loading}>
            <Breadcrumbs path={target} />
            {current && error !== undefined && !loading
              ? (
                <div className="explore-error-row">
                  <p className="error-text explore-error" role="alert" data-testid="explore-error">{t.error}: {errorText(error)}</p>
                  <button type="button" className="button small" data-testid="explore-retry" onClick={reload}>{t.retry}</button>
                </div>
                )
              : null}
            {loading
              ? (
                <p className="muted explore-loading" role="status">
                  {t.loading} <button type="button" className="button small" onClick={cancel}>{t.cancel}</button>
                </p>
                )
              : null}
            {current && node !== undefined ? <NodeView path={target} node={node} gateway={gateway} /> : null}
          </div>
          )}
    </div>
  )
}
