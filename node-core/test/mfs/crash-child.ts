// Child process of persist.test.ts: opens the repo given as argv[2] and
// edits its MFS without end (writes of 0.5-2.5 MiB files, overwrites,
// mkdirs, renames), printing `done <i>` once each edit has returned, until
// it is killed.
import { GcLock } from '../../src/gc/lock.ts'
import { Mfs } from '../../src/mfs/mfs.ts'
import { openRepo } from '../../src/repo/repo.ts'
import { resolveImporterOptions } from '../../src/unixfs/importer/resolve-options.ts'
import { crashContent } from './crash-content.ts'
import { pieces } from './helpers.ts'

const repo = await openRepo(process.argv[2] ?? '')
const mfs = new Mfs({ store: repo.blockstore, records: repo.records('mfs'), lock: new GcLock(), importer: resolveImporterOptions(repo.config.Import, {}) })
const names = (await mfs.ls('/')).map((e) => e.name).filter((n) => n.startsWith('f-'))
let next = names.reduce((max, n) => Math.max(max, Number(n.slice(2)) + 1), 0)
for (;;) {
  const i = next++
  await mfs.write(`/tmp-${i}`, pieces(crashContent(i), 100_000), { create: true, parents: true })
  await mfs.write(`/tmp-${i}`, pieces(crashContent(i).subarray(0, 1000)), { offset: 0 })
  await mfs.mv(`/tmp-${i}`, `/f-${i}`)
  await mfs.mkdir(`/dirs/d-${i}`, { parents: true })
  process.stdout.write(`done ${i}\n`)
}
