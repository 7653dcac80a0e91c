/**
 * The status page (being built).
 */

/** The status page. */
export function StatusPage () {
  return <div className="page"><h1>Status</h1></div>
}
