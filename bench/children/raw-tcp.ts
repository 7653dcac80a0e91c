// The yardstick of the net benchmark: plain TCP between two processes.
import { createConnection, createServer } from 'node:net'

const [role = 'listen', port = '0', mibText = '256'] = process.argv.slice(2)
if (role === 'listen') {
  const server = createServer((socket) => {
    socket.on('data', () => {})
    socket.on('end', () => { socket.end(Buffer.from([1])) })
  })
  server.listen(0, '127.0.0.1', () => { process.stdout.write(`${(server.address() as { port: number }).port}\n`) })
  process.once('SIGTERM', () => { server.close(); process.exit(0) })
} else {
  const total = Number(mibText) * 2 ** 20
  const t0 = performance.now()
  const socket = createConnection(Number(port), '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  const setupMs = performance.now() - t0
  const chunk = Buffer.alloc(256 * 1024, 7)
  const t1 = performance.now()
  for (let sent = 0; sent < total; sent += chunk.byteLength) {
    if (!socket.write(chunk)) await new Promise((resolve) => socket.once('drain', resolve))
  }
  socket.end()
  await new Promise((resolve) => socket.once('data', resolve))
  const seconds = (performance.now() - t1) / 1000
  process.stdout.write(JSON.stringify({ setupMs, seconds, mbPerSecond: total / 1e6 / seconds }) + '\n')
  socket.destroy()
}
