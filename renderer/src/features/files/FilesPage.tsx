/**
 * The files page (being built).
 */

/** The Files tree at `path`. */
export function FilesPage ({ path }: { path: string }) {
  return <div className="page"><h1>Files</h1><p>{path}</p></div>
}
