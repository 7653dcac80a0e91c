/**
 * The peers page (being built).
 */

/** The peers page. */
export function PeersPage () {
  return <div className="page"><h1>Peers</h1></div>
}
