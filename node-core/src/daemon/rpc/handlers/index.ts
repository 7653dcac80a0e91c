/**
 * Every `/api/v0` endpoint of the daemon, by path.
 */
import { bitswapLedger, bitswapStat, bitswapWantlist } from './bitswap.ts'
import { blockGet, blockPut, blockRm, blockStat } from './block.ts'
import { cat, get, lsHandler } from './content.ts'
import { dagExport, dagGetHandler, dagImport, dagPut, dagResolve } from './dag.ts'
import { pinAddHandler, pinLsHandler, pinRmHandler, pinUpdateHandler, pinVerifyHandler, repoGcHandler } from './pin.ts'
import { keyExportHandler, keyGenHandler, keyImportHandler, keyListHandler, keyRenameHandler, keyRmHandler, namePublishHandler, nameResolveHandler } from './naming.ts'
import { add } from './add.ts'
import { filesChcidHandler, filesCpHandler, filesFlushHandler, filesLsHandler, filesMkdirHandler, filesMvHandler, filesReadHandler, filesRmHandler, filesStatHandler, filesWriteHandler } from './files.ts'
import { bootstrapAdd, bootstrapList, bootstrapRm, config, configShow } from './config.ts'
import { dhtFindPeer, dhtFindProvs, dhtGet, dhtProvide, dhtPut, dhtQuery } from './dht.ts'
import { id, version } from './id.ts'
import { ping } from './ping.ts'
import { repoStatHandler, repoVerifyHandler, repoVersion } from './repo.ts'
import { routingReprovide, statsBw, statsProvide } from './stats.ts'
import { shareAccept, shareCancel, shareDecline, shareDevices, shareItems, sharePair, sharePairJoin, shareSelf, shareSend } from './share.ts'
import { swarmAddrs, swarmAddrsLocal, swarmConnect, swarmDisconnect, swarmPeers } from './swarm.ts'
import type { RpcHandler } from '../handler.ts'

/** `/api/v0/<path>` → handler. */
export const endpoints: Record<string, RpcHandler> = {
  id,
  version,
  add,
  ping,
  'swarm/peers': swarmPeers,
  'swarm/connect': swarmConnect,
  'swarm/disconnect': swarmDisconnect,
  'swarm/addrs': swarmAddrs,
  'swarm/addrs/local': swarmAddrsLocal,
  'dht/findpeer': dhtFindPeer,
  'dht/findprovs': dhtFindProvs,
  'dht/provide': dhtProvide,
  'dht/get': dhtGet,
  'dht/put': dhtPut,
  'dht/query': dhtQuery,
  'routing/findpeer': dhtFindPeer,
  'routing/findprovs': dhtFindProvs,
  'routing/provide': dhtProvide,
  'routing/get': dhtGet,
  'routing/put': dhtPut,
  config,
  'config/show': configShow,
  'bootstrap/list': bootstrapList,
  bootstrap: bootstrapList,
  'bootstrap/add': bootstrapAdd,
  'bootstrap/rm': bootstrapRm,
  'stats/bw': statsBw,
  'stats/provide': statsProvide,
  'routing/reprovide': routingReprovide,
  cat,
  ls: lsHandler,
  get,
  'block/get': blockGet,
  'block/put': blockPut,
  'block/stat': blockStat,
  'block/rm': blockRm,
  'dag/get': dagGetHandler,
  'dag/put': dagPut,
  'dag/resolve': dagResolve,
  'dag/export': dagExport,
  'dag/import': dagImport,
  'bitswap/stat': bitswapStat,
  'bitswap/wantlist': bitswapWantlist,
  'bitswap/ledger': bitswapLedger,
  'pin/add': pinAddHandler,
  'pin/rm': pinRmHandler,
  'pin/ls': pinLsHandler,
  'pin/verify': pinVerifyHandler,
  'pin/update': pinUpdateHandler,
  'repo/gc': repoGcHandler,
  'repo/stat': repoStatHandler,
  'repo/verify': repoVerifyHandler,
  'repo/version': repoVersion,
  'key/gen': keyGenHandler,
  'key/list': keyListHandler,
  'key/rm': keyRmHandler,
  'key/rename': keyRenameHandler,
  'key/export': keyExportHandler,
  'key/import': keyImportHandler,
  'name/publish': namePublishHandler,
  'name/resolve': nameResolveHandler,
  'files/ls': filesLsHandler,
  'files/stat': filesStatHandler,
  'files/mkdir': filesMkdirHandler,
  'files/read': filesReadHandler,
  'files/write': filesWriteHandler,
  'files/cp': filesCpHandler,
  'files/mv': filesMvHandler,
  'files/rm': filesRmHandler,
  'files/flush': filesFlushHandler,
  'files/chcid': filesChcidHandler,
  'share/self': shareSelf,
  'share/devices': shareDevices,
  'share/send': shareSend,
  'share/items': shareItems,
  'share/accept': shareAccept,
  'share/decline': shareDecline,
  'share/cancel': shareCancel,
  'share/pair': sharePair,
  'share/pair-join': sharePairJoin
}
