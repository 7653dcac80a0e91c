/**
 * The settings page (being built).
 */

/** The settings page. */
export function SettingsPage () {
  return <div className="page"><h1>Settings</h1></div>
}
