// Reference for the add benchmark: Node's single-thread SHA-256 over a file
// in 256 KiB pieces (the chunk size of a default add).
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'

const file = await open(process.argv[2] ?? '', 'r')
const buffer = Buffer.alloc(262144)
let n = 0
while (true) {
  const { bytesRead } = await file.read(buffer, 0, buffer.length, null)
  if (bytesRead === 0) break
  createHash('sha256').update(buffer.subarray(0, bytesRead)).digest()
  n++
}
await file.close()
process.stdout.write(`${n} chunks\n`)
