/**
 * The table of connected peers, sortable by any column (header buttons
 * with aria-sort), virtualised past 200 rows.
 */
import { useMemo, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { PeerRow } from './PeerRow.tsx'
import { nextSort, sortPeers, SORT_KEYS } from './sort.ts'
import { peers as t } from '../../../texts/peers.ts'
import type { RefObject } from 'react'
import type { Peer } from '../peers-store.ts'
import type { Sort, SortKey } from './sort.ts'

/** Rows past which only the visible ones are rendered. */
export const VIRTUALISE_AFTER = 200
const ROW_HEIGHT = 41

function SortHeader ({ column, sort, onSort }: { column: SortKey, sort: Sort, onSort: (key: SortKey) => void }) {
  const active = sort.key === column
  const label = t.table[column]
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="peers-sort" onClick={() => { onSort(column) }} title={t.table.sortBy(label)}>
        {label}
        <span className="sort-mark" aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  )
}

function VirtualBody ({ rows, scroller }: { rows: Peer[], scroller: RefObject<HTMLDivElement | null> }) {
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  return (
    <tbody>
      {top > 0 ? <tr aria-hidden="true" style={{ height: top }} /> : null}
      {items.map((item) => {
        const peer = rows[item.index]
        return peer === undefined ? null : <PeerRow key={`${peer.peer} ${peer.address}`} peer={peer} />
      })}
      {bottom > 0 ? <tr aria-hidden="true" style={{ height: bottom }} /> : null}
    </tbody>
  )
}

/** The peers, sorted by the header the user chose (by peer ID at first). */
export function PeersTable ({ peers }: { peers: Peer[] }) {
  const [sort, setSort] = useState<Sort>({ key: 'peer', dir: 'asc' })
  const rows = useMemo(() => sortPeers(peers, sort), [peers, sort])
  const scroller = useRef<HTMLDivElement>(null)
  const virtual = rows.length > VIRTUALISE_AFTER
  const onSort = (key: SortKey): void => { setSort((s) => nextSort(s, key)) }
  return (
    <div className={virtual ? 'peers-table-wrap scroll' : 'peers-table-wrap'} ref={scroller}>
      <table className="data peers-table" data-testid="peers-table">
        <caption className="visually-hidden">{t.table.label}</caption>
        <colgroup>{SORT_KEYS.map((key) => <col key={key} className={`col-${key}`} />)}</colgroup>
        <thead>
          <tr>{SORT_KEYS.map((key) => <SortHeader key={key} column={key} sort={sort} onSort={onSort} />)}</tr>
        </thead>
        {virtual
          ? <VirtualBody rows={rows} scroller={scroller} />
          : <tbody>{rows.map((peer) => <PeerRow key={`${peer.peer} ${peer.address}`} peer={peer} />)}</tbody>}
      </table>
    </div>
  )
}
