// The disk's ceiling for the add benchmark: copy a file into a new file in
// the benchmark's directory in 1 MiB writes, then fdatasync it, as a durable
// add must. No hashing, no blocks.
import { open } from 'node:fs/promises'

const [from = '', to = ''] = process.argv.slice(2)
const input = await open(from, 'r')
const output = await open(to, 'wx')
const buffer = Buffer.alloc(1024 * 1024)
let total = 0
while (true) {
  const { bytesRead } = await input.read(buffer, 0, buffer.length, null)
  if (bytesRead === 0) break
  await output.write(buffer, 0, bytesRead)
  total += bytesRead
}
await output.datasync()
await Promise.all([input.close(), output.close()])
process.stdout.write(`${total} bytes synced\n`)
