/**
 * The map's peers as lists: the local network and the unknown locations,
 * then each country with its count. It is what a keyboard or screen reader
 * user reads instead of the canvas, and a legend for everyone.
 */
import { flagOf } from './countries.ts'
import { peers as t } from '../../../texts/peers.ts'
import type { PeerPlaces } from './clusters.ts'

/** The list of places of `places`. */
export function PlacesList ({ places }: { places: PeerPlaces }) {
  return (
    <div className="places">
      <h2 id="places-title">{t.world.listLabel}</h2>
      <ul className="places-list" aria-labelledby="places-title" data-testid="places-list">
        <li className="place-special" data-country="lan">
          <span className="place-name">
            <span className="lan-dot" aria-hidden="true" />
            {t.world.local}
            <span className="muted place-hint">{t.world.localHint}</span>
          </span>
          <span className="count-badge">{places.lan}</span>
        </li>
        <li className="place-special" data-country="unknown">
          <span className="place-name">
            <span className="unknown-dot" aria-hidden="true" />
            {t.world.unknown}
            <span className="muted place-hint">{t.world.unknownHint}</span>
          </span>
          <span className="count-badge">{places.unknown}</span>
        </li>
      </ul>
      {places.countries.length === 0
        ? null
        : (
          // Scrolls when long, so it takes the focus for the keyboard to scroll it.
          <ul className="places-list countries" aria-labelledby="places-title" tabIndex={0}>
            {places.countries.map((c) => (
              <li key={c.code} data-country={c.code}>
                <span className="place-name"><span aria-hidden="true">{flagOf(c.code)} </span>{c.name}</span>
                <span className="count-badge">{c.peers.length}</span>
              </li>
            ))}
          </ul>
          )}
    </div>
  )
}
