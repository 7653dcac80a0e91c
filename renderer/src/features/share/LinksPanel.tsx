/**
 * The live LAN links, each with its downloads and Revoke, and whether the
 * LAN link server runs.
 */
import { share as t } from '../../texts/share.ts'
import { LinkServerState, LinkView } from './LinkView.tsx'
import { useShare } from './share-store.ts'

/** The links panel. */
export function LinksPanel () {
  const links = useShare((s) => s.links)
  return (
    <section className="card links-panel" aria-labelledby="links-title" data-testid="links-panel">
      <h2 id="links-title">{t.links.label}</h2>
      <p className="muted">{t.links.intro}</p>
      <LinkServerState canTurnOff />
      {links === undefined
        ? null
        : links.links.length === 0
          ? <p className="muted">{t.links.none}</p>
          : <ul className="link-list">{links.links.map((link) => <li key={link.id}><LinkView link={link} qr={false} /></li>)}</ul>}
    </section>
  )
}
