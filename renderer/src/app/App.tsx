/**
 * The app: the shell (navigation, connection banner, toasts, the prompts
 * for incoming files) around the current page. Files loads with the app;
 * the other pages load when first opened, so charts, the map and the
 * graph stay out of the first bundle.
 */
import { lazy, Suspense } from 'react'
import { useConnection } from '../lib/connection-store.ts'
import { useRoute } from '../lib/route.ts'
import { Toasts } from '../components/Toasts.tsx'
// Bandwidth and peer history is collected from the app's start, so Status shows the last minutes when first opened (the charts themselves load with the page).
import './peer-history.ts'
import { FilesPage } from '../features/files/FilesPage.tsx'
import { DropTarget } from '../features/files/DropTarget.tsx'
import { OfferPrompts } from '../features/share/OfferPrompts.tsx'
import { ConnectionBanner } from './ConnectionBanner.tsx'
import { Nav } from './Nav.tsx'
import { NodeBadge } from './NodeBadge.tsx'
import { TokenPage } from './TokenPage.tsx'
import { Welcome } from './Welcome.tsx'
import { app } from '../texts/app.ts'
import type { PageName } from '../lib/route.ts'

const DevicesPage = lazy(async () => ({ default: (await import('../features/share/DevicesPage.tsx')).DevicesPage }))
const StatusPage = lazy(async () => ({ default: (await import('../features/status/StatusPage.tsx')).StatusPage }))
const PeersPage = lazy(async () => ({ default: (await import('../features/peers/PeersPage.tsx')).PeersPage }))
const ExplorePage = lazy(async () => ({ default: (await import('../features/explore/ExplorePage.tsx')).ExplorePage }))
const SettingsPage = lazy(async () => ({ default: (await import('../features/settings/SettingsPage.tsx')).SettingsPage }))

function Page ({ page, rest }: { page: PageName | undefined, rest: string }) {
  switch (page) {
    case 'files': return <FilesPage path={rest} welcome={<Welcome />} />
    case 'devices': return <DevicesPage rest={rest} />
    case 'status': return <StatusPage />
    case 'peers': return <PeersPage />
    case 'explore': return <ExplorePage path={rest} />
    case 'settings': return <SettingsPage />
    default: return <div className="page"><h1>{app.notFound}</h1><a href="#/files">{app.goFiles}</a></div>
  }
}

/** The whole app. */
export function App () {
  const status = useConnection((s) => s.status)
  const { page, rest } = useRoute()
  if (status === 'no-token' || status === 'bad-token') return <TokenPage refused={status === 'bad-token'} />
  return (
    <DropTarget>
      <div className="shell">
        <a className="skip-link" href="#main">{app.skipToContent}</a>
        <OfferPrompts />
        <Nav current={page} />
        <div className="main-column">
          <header className="topbar">
            <NodeBadge />
          </header>
          <ConnectionBanner />
          <main id="main" tabIndex={-1}>
            <Suspense fallback={<div className="page loading" aria-busy="true" />}>
              <Page page={page} rest={rest} />
            </Suspense>
          </main>
        </div>
        <Toasts />
      </div>
    </DropTarget>
  )
}
