/**
 * Every verb of the `planetary` command, in the order help lists them.
 */
import { add } from './add.ts'
import { blockGet, blockPut, blockRm, blockStat } from './block.ts'
import { config, configProfileApply, configShow } from './config.ts'
import { init } from './init.ts'
import { repoStat, repoVerify } from './repo.ts'
import { version } from './version.ts'
import type { Command } from '../command.ts'

/** The verbs. */
export const commands: Command[] = [
  init,
  add,
  blockPut,
  blockGet,
  blockStat,
  blockRm,
  repoVerify,
  repoStat,
  config,
  configShow,
  configProfileApply,
  version
]
