/**
 * The sidebar: one link per page, the current one marked, all reachable
 * by Tab and announced as the main navigation; Devices carries the count
 * of offers waiting for an answer.
 */
import { routeHash, PAGES } from '../lib/route.ts'
import { app } from '../texts/app.ts'
import { WaitingBadge } from '../features/share/OfferPrompts.tsx'
import type { PageName } from '../lib/route.ts'

const ICONS: Record<PageName, string> = {
  files: 'M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z',
  devices: 'M3 5h12v9H3zM1 17h16M18 8h4v11h-4zM19.5 16.5h1',
  status: 'M3 13h4l3-8 4 14 3-6h4',
  peers: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  explore: 'M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14M16 16l5 5',
  settings: 'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6M12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2'
}

/** The navigation, with `current` marked. */
export function Nav ({ current }: { current: PageName | undefined }) {
  return (
    <nav className="nav" aria-label={app.nav.label}>
      <div className="brand">
        <img src="./favicon.svg" alt="" width="28" height="28" />
        <span>{app.name}</span>
      </div>
      <ul>
        {PAGES.map((page) => (
          <li key={page}>
            <a href={routeHash(page)} aria-current={page === current ? 'page' : undefined} data-testid={`nav-${page}`}>
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path d={ICONS[page]} /></svg>
              <span>{app.nav[page]}</span>
              {page === 'devices' ? <WaitingBadge /> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
