/**
 * The path's segments, each a link to that node; the last is the page.
 */
import { routeHash } from '../../lib/route.ts'
import { shorten } from '../../lib/format.ts'
import { crumbsOf } from './explore-path.ts'
import { explore as t } from '../../texts/explore.ts'

/** The breadcrumbs of `path`. */
export function Breadcrumbs ({ path }: { path: string }) {
  const crumbs = crumbsOf(path)
  return (
    <nav aria-label={t.breadcrumbs} className="explore-crumbs" data-testid="explore-breadcrumbs">
      <ol>
        <li className="muted">/{path.split('/')[1]}</li>
        {crumbs.map((crumb, i) => {
          const last = i === crumbs.length - 1
          const label = i === 0 ? shorten(crumb.label, 8) : crumb.label
          return (
            <li key={crumb.path}>
              <a href={routeHash('explore', crumb.path)} aria-current={last ? 'page' : undefined} title={crumb.label}>{label}</a>
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
