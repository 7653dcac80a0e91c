/**
 * What the node is: its CID (copyable), codec, block size, and for UnixFS
 * its type and file size.
 */
import { CopyButton } from '../../components/CopyButton.tsx'
import { formatBytes } from '../../lib/format.ts'
import { explore as t } from '../../texts/explore.ts'
import type { DagNode } from './explore-store.ts'

/** The facts of `node` as a description list. */
export function NodeFacts ({ node }: { node: DagNode }) {
  return (
    <dl className="node-facts" data-testid="explore-facts">
      <div className="fact-cid">
        <dt>{t.facts.cid}</dt>
        <dd><span className="mono cid-text">{node.cid}</span> <CopyButton text={node.cid} label={t.facts.copyCid} /></dd>
      </div>
      <div><dt>{t.facts.codec}</dt><dd className="mono">{node.codec}</dd></div>
      <div><dt>{t.facts.blockSize}</dt><dd>{formatBytes(node.size)}</dd></div>
      {node.unixfs === undefined
        ? null
        : (
          <>
            <div><dt>{t.facts.unixfsType}</dt><dd>{t.unixfsTypes[node.unixfs.type] ?? node.unixfs.type}</dd></div>
            {node.unixfs.type === 'file' || node.unixfs.type === 'raw' ? <div><dt>{t.facts.fileSize}</dt><dd>{formatBytes(node.unixfs.fileSize)}</dd></div> : null}
          </>
          )}
      <div><dt>{t.facts.links}</dt><dd>{node.links.length}</dd></div>
    </dl>
  )
}
