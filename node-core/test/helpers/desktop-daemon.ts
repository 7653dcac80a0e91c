// The daemon as the desktop app starts it (electron/src/main.ts), ports
// moved when taken, in a child process over $PLANETARY_PATH: it prints
// what `planetary daemon` prints, each moved port's line, and stops on
// SIGTERM. Run by runDesktopDaemon (daemon.ts).
import { startDaemon } from '../../src/daemon/daemon.ts'
import { openRepo } from '../../src/repo/repo.ts'

const repo = await openRepo(process.env.PLANETARY_PATH ?? '')
const daemon = await startDaemon(repo, { portFallback: true, log: (line) => { process.stdout.write(`planetary: ${line}\n`) } })
for (const address of daemon.node.host.getMultiaddrs()) process.stdout.write(`Swarm listening on ${address.toString()}\n`)
process.stdout.write(`RPC API server listening on ${daemon.apiAddress}\n`)
process.stdout.write(`Gateway server listening on ${daemon.gatewayAddress}\n`)
process.stdout.write(`WebUI: ${daemon.webuiUrl}\n`)
process.stdout.write('Daemon is ready\n')
await new Promise((resolve) => process.once('SIGTERM', resolve))
await daemon.stop()
await repo.close()
