/**
 * Who this node is: its peer ID (with identicon and a copy button), agent,
 * state, repo and listen addresses.
 */
import { useState } from 'react'
import { CopyButton } from '../../components/CopyButton.tsx'
import { Identicon } from '../../components/Identicon.tsx'
import { useConnection } from '../../lib/connection-store.ts'
import { status as texts } from '../../texts/status.ts'
import { useStatus } from './status-store.ts'

const FEW = 4

/** The listen addresses, each copyable; past a few, the rest behind a "Show all" toggle. */
function AddressList ({ addresses }: { addresses: string[] }) {
  const [open, setOpen] = useState(false)
  if (addresses.length === 0) return <p className="muted">{texts.identity.noAddresses}</p>
  const shown = open ? addresses : addresses.slice(0, FEW)
  return (
    <>
      <ul className="address-list" id="listen-addresses" data-testid="listen-addresses">
        {shown.map((address) => (
          <li key={address}>
            <code>{address}</code>
            <CopyButton text={address} label={texts.identity.copyAddress(address)} />
          </li>
        ))}
      </ul>
      {addresses.length > FEW
        ? (
          <button type="button" className="button small" aria-expanded={open} aria-controls="listen-addresses" onClick={() => { setOpen(!open) }}>
            {open ? texts.identity.showFewer : texts.identity.showAll(addresses.length)}
          </button>
          )
        : null}
    </>
  )
}

/** The identity card. */
export function IdentityCard () {
  const own = useStatus((s) => s.info)
  const first = useConnection((s) => s.info)
  const connected = useConnection((s) => s.status === 'online')
  const info = own ?? first
  const online = connected && info?.online === true
  return (
    <section className="card identity-card" aria-labelledby="identity-heading" aria-busy={info === undefined}>
      <h2 id="identity-heading">{texts.identity.heading}</h2>
      <div className="identity-head">
        {info === undefined ? <span className="skeleton identicon-skeleton" /> : <Identicon id={info.peerId} size={48} label={texts.identity.identicon} />}
        <div className="identity-id">
          <span className="field-label">{texts.identity.peerId}</span>
          <span className="id-line">
            {info === undefined
              ? <span className="skeleton line-skeleton" />
              : <><code data-testid="status-peer-id">{info.peerId}</code><CopyButton text={info.peerId} label={texts.identity.copyPeerId} /></>}
          </span>
        </div>
      </div>
      <dl className="facts">
        <dt>{texts.identity.state}</dt>
        <dd data-testid="status-state">
          <span className={`state-dot ${online ? 'online' : 'offline'}`} aria-hidden="true" />
          {online ? texts.identity.online : connected ? texts.identity.offline : texts.identity.disconnected}
        </dd>
        <dt>{texts.identity.agent}</dt>
        <dd>{info?.agentVersion ?? texts.identity.loading}</dd>
        <dt>{texts.identity.repoPath}</dt>
        <dd className="id-line">
          {info === undefined ? texts.identity.loading : <><code>{info.repoPath}</code><CopyButton text={info.repoPath} label={texts.identity.copyRepoPath} /></>}
        </dd>
      </dl>
      <h3>{texts.identity.addresses}</h3>
      {info === undefined ? <span className="skeleton line-skeleton" /> : <AddressList addresses={info.addresses} />}
    </section>
  )
}
