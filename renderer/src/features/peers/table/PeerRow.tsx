/**
 * One row of the peers table. Everything in it comes from the peer (its
 * agent string, its address), so all of it is rendered as text.
 */
import { memo } from 'react'
import { CopyButton } from '../../../components/CopyButton.tsx'
import { Identicon } from '../../../components/Identicon.tsx'
import { shorten } from '../../../lib/format.ts'
import { countryName, flagOf } from '../map/countries.ts'
import { peers as t } from '../../../texts/peers.ts'
import type { Peer } from '../peers-store.ts'

/** Where the peer is: its flag and code, the local network, or a dash. */
export function PeerCountry ({ peer }: { peer: Pick<Peer, 'country' | 'lan'> }) {
  if (peer.lan) return <span className="muted">{t.table.lan}</span>
  if (peer.country === undefined) return <span className="muted">{t.table.unknown}</span>
  return (
    <span title={countryName(peer.country)}>
      <span aria-hidden="true">{flagOf(peer.country)} </span>
      <span>{peer.country.toUpperCase()}</span>
    </span>
  )
}

/** The row of one connection to `peer`. */
export const PeerRow = memo(function PeerRow ({ peer }: { peer: Peer }) {
  return (
    <tr data-testid="peer-row" data-peer={peer.peer}>
      <td>
        <div className="peer-cell">
          <Identicon id={peer.peer} size={22} />
          <span className="mono peer-id" title={peer.peer}>{shorten(peer.peer, 5)}</span>
          <CopyButton text={peer.peer} label={`${t.table.copyId} ${peer.peer}`} />
        </div>
      </td>
      <td className="mono address-cell" title={peer.address}>{peer.address}</td>
      <td>{peer.transport}{peer.relayed ? <span className="muted"> ({t.table.relayed})</span> : null}</td>
      <td>{peer.direction === 'inbound' ? t.table.inbound : t.table.outbound}</td>
      <td className="num">{peer.latencyMs === undefined ? <span className="muted">{t.table.unknown}</span> : t.table.latencyMs(peer.latencyMs)}</td>
      <td className="agent-cell" title={peer.agent}>{peer.agent ?? <span className="muted">{t.table.unknown}</span>}</td>
      <td><PeerCountry peer={peer} /></td>
    </tr>
  )
})
