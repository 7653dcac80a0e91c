/**
 * The Settings page's addresses group (read only): where the API and web
 * UI, the gateway and the swarm listen as bound, and, when another
 * program held some of their configured ports, which ones the node moved
 * and where to.
 */
import { CopyButton } from '../../components/CopyButton.tsx'
import { settings as texts } from '../../texts/settings.ts'
import { movedPorts } from './ports-moved.ts'
import { useSettings } from './settings-store.ts'
import type { PortMove } from './ports-moved.ts'

/** What the node moved this start, and that it keeps it. */
function PortsMoved ({ moves }: { moves: readonly PortMove[] }) {
  return (
    <div className="ports-moved" data-testid="ports-moved">
      <p><strong>{texts.addresses.movedTitle}</strong></p>
      <ul>
        {movedPorts(moves).map((line) => <li key={`${line.kind}:${line.from}`}>{texts.addresses.moved(line.kind, line.from, line.to)}</li>)}
      </ul>
      <p>{texts.addresses.movedSaved}</p>
    </div>
  )
}

/** The API, gateway and swarm addresses, what moved, and how to change them. */
export function AddressesSection () {
  const addresses = useSettings((s) => s.addresses)
  const loaded = useSettings((s) => s.loaded)
  const rows = [
    { name: texts.addresses.api, value: addresses.api, testId: 'address-api' },
    { name: texts.addresses.gateway, value: addresses.gateway, testId: 'address-gateway' }
  ]
  const skeleton = <span className="control-skeleton line" aria-hidden="true" />
  return (
    <section className="settings-group" aria-labelledby="addresses-heading">
      <h2 id="addresses-heading">{texts.addresses.legend}</h2>
      {loaded && addresses.moved.length > 0 ? <PortsMoved moves={addresses.moved} /> : null}
      <dl className="address-facts">
        {rows.map((row) => (
          <div key={row.testId}>
            <dt>{row.name}</dt>
            <dd>
              {!loaded
                ? skeleton
                : row.value === undefined
                  ? <span className="muted">{texts.addresses.none}</span>
                  : <><code data-testid={row.testId}>{row.value}</code><CopyButton text={row.value} label={texts.addresses.copy(row.name)} /></>}
            </dd>
          </div>
        ))}
        <div>
          <dt>{texts.addresses.swarm}</dt>
          <dd>
            {!loaded
              ? skeleton
              : addresses.swarm.length === 0
                ? <span className="muted">{texts.addresses.none}</span>
                : (
                  <>
                    <ul className="swarm-addresses" data-testid="address-swarm">
                      {addresses.swarm.map((address) => <li key={address}><code>{address}</code></li>)}
                    </ul>
                    <CopyButton text={addresses.swarm.join('\n')} label={texts.addresses.copy(texts.addresses.swarm)} />
                  </>
                  )}
          </dd>
        </div>
      </dl>
      <p className="setting-help">{texts.addresses.note}</p>
      <pre className="command" tabIndex={0} aria-label={texts.addresses.command}><code>{texts.addresses.command}{'\n'}{texts.addresses.commandGateway}{'\n'}{texts.addresses.commandSwarm}</code></pre>
    </section>
  )
}
