/**
 * The explore page (being built).
 */

/** The explore page at `path`. */
export function ExplorePage ({ path }: { path: string }) {
  return <div className="page"><h1>Explore</h1><p>{path}</p></div>
}
