/**
 * The Status page's peer history follows the peers slice's list (one poll
 * of `peers.list` for the whole app): each change of the count is handed
 * to the traffic slice, which samples it once a second. The app composes
 * the two features, which do not import each other. Imported for its effect
 * from the app's start, so the history covers the minutes before Status is
 * first opened.
 */
import { usePeers } from '../features/peers/peers-store.ts'
import { uniquePeers } from '../features/peers/unique-peers.ts'
import { setPeerCount } from '../features/status/traffic-store.ts'

usePeers.subscribe((state) => {
  if (state.loaded) setPeerCount(uniquePeers(state.peers).length)
})
