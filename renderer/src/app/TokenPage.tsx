/**
 * The page for a missing or refused token: exactly how to open the right
 * address.
 */
import { app } from '../texts/app.ts'

/** Shown instead of the app when the bridge cannot be opened for lack of the right token. */
export function TokenPage ({ refused }: { refused: boolean }) {
  return (
    <main className="token-page" id="main">
      <h1>{refused ? app.token.badTitle : app.token.missingTitle}</h1>
      <p>{app.token.body}</p>
      <pre><code>{app.token.line}</code></pre>
      <p>{app.token.after}</p>
      <p>{app.token.noDaemon}</p>
      <pre><code>{app.token.command}</code></pre>
    </main>
  )
}
