/**
 * Where the list is in Files: each folder on the way a link, the current
 * one marked.
 */
import { routeHash } from '../../lib/route.ts'
import { files as t } from '../../texts/files.ts'
import { displayName, segmentsOf } from './names.ts'

/** The path of `folder`, from the top of Files. */
export function Breadcrumbs ({ folder }: { folder: string }) {
  const segments = segmentsOf(folder)
  const crumbs = [{ name: t.root, path: '/' }, ...segments.map((name, i) => ({ name, path: `/${segments.slice(0, i + 1).join('/')}` }))]
  return (
    <nav className="breadcrumbs" aria-label={t.breadcrumbs} data-testid="files-breadcrumbs">
      <ol>
        {crumbs.map((crumb, i) => (
          <li key={crumb.path}>
            {i === crumbs.length - 1
              ? <span aria-current="page" title={crumb.name}>{displayName(crumb.name)}</span>
              : <a href={routeHash('files', crumb.path)} title={crumb.name}>{displayName(crumb.name)}</a>}
          </li>
        ))}
      </ol>
    </nav>
  )
}
