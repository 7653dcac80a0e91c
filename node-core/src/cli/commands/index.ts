/**
 * Every verb of the `planetary` command, in the order help lists them.
 */
import { add } from './add.ts'
import { bitswapLedger, bitswapStat, bitswapWantlist } from './bitswap.ts'
import { bootstrapAdd, bootstrapList, bootstrapRm } from './bootstrap.ts'
import { blockGet, blockPut, blockRm, blockStat } from './block.ts'
import { config, configProfileApply, configShow } from './config.ts'
import { daemon } from './daemon.ts'
import { dagExport, dagGet, dagImport, dagPut } from './dag.ts'
import { cat, get, ls } from './files.ts'
import { init } from './init.ts'
import { dhtFindPeer, dhtFindProvs, dhtGet, dhtProvide, dhtPut, dhtQuery, id, ping, swarmAddrs, swarmAddrsLocal, swarmConnect, swarmDisconnect, swarmPeers } from './network.ts'
import { pinAdd, pinLs, pinRm, pinUpdate, pinVerify, repoGc } from './pin.ts'
import { keyExport, keyGenVerb, keyImport, keyListVerb, keyRename, keyRm, namePublishVerb, nameResolve } from './naming.ts'
import { filesChcidVerb, filesCpVerb, filesFlushVerb, filesLsVerb, filesMkdirVerb, filesMvVerb, filesReadVerb, filesRmVerb, filesStatVerb, filesWriteVerb } from './mfs.ts'
import { repoStat, repoVerify } from './repo.ts'
import { shareAcceptVerb, shareCancelVerb, shareDeclineVerb, shareDevicesVerb, shareInboxVerb, shareOutboxVerb, sharePairVerb } from './share.ts'
import { shareSendVerb } from './share-send.ts'
import { routingReprovide, statsBw, statsProvide } from './stats.ts'
import { version } from './version.ts'
import type { Command } from '../command.ts'

/** The verbs. */
export const commands: Command[] = [
  init,
  add,
  cat,
  ls,
  get,
  dagPut,
  dagGet,
  dagExport,
  dagImport,
  blockPut,
  blockGet,
  blockStat,
  blockRm,
  repoVerify,
  repoStat,
  repoGc,
  pinAdd,
  pinRm,
  pinLs,
  pinVerify,
  pinUpdate,
  filesLsVerb,
  filesStatVerb,
  filesMkdirVerb,
  filesWriteVerb,
  filesReadVerb,
  filesCpVerb,
  filesMvVerb,
  filesRmVerb,
  filesFlushVerb,
  filesChcidVerb,
  keyGenVerb,
  keyListVerb,
  keyRm,
  keyRename,
  keyExport,
  keyImport,
  namePublishVerb,
  nameResolve,
  config,
  configShow,
  configProfileApply,
  daemon,
  bootstrapList,
  bootstrapAdd,
  bootstrapRm,
  id,
  ping,
  swarmPeers,
  swarmConnect,
  swarmDisconnect,
  swarmAddrs,
  swarmAddrsLocal,
  dhtFindPeer,
  dhtFindProvs,
  dhtProvide,
  dhtGet,
  dhtPut,
  dhtQuery,
  statsBw,
  statsProvide,
  routingReprovide,
  bitswapStat,
  bitswapWantlist,
  bitswapLedger,
  shareDevicesVerb,
  shareSendVerb,
  shareInboxVerb,
  shareOutboxVerb,
  shareAcceptVerb,
  shareDeclineVerb,
  shareCancelVerb,
  sharePairVerb,
  version
]
