// `npm run dist` (after the web UI and desktop builds): stage the project
// (scripts/dist-stage.ts) in .tmp/dist with the built electron/dist and
// renderer/dist, and run electron-builder on it for this OS's targets; the
// installers land in release/. Extra arguments go to electron-builder.
import { spawnSync } from 'node:child_process'
import { cp, mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { stageProject } from './dist-stage.ts'

const root = join(import.meta.dirname, '..')
const staged = join(root, '.tmp', 'dist')
await rm(staged, { recursive: true, force: true })
await mkdir(staged, { recursive: true })
for (const built of ['electron/dist', 'renderer/dist']) await cp(join(root, built), join(staged, built), { recursive: true })
await stageProject(root, staged)
const builder = join(root, 'node_modules', 'electron-builder', 'cli.js')
const result = spawnSync(process.execPath, [builder, '--projectDir', staged, '--publish', 'never', `--config.directories.output=${join(root, 'release')}`, ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(result.status ?? 1)
