/**
 * Size limits of the IPLD layer.
 */

/**
 * The largest block this node stores from outside or produces: 2 MiB, the
 * single-block limit of the Bitswap spec, which Kubo enforces on `block put`
 * and `dag put` (unless `--allow-big-block`) and trustless gateways assume.
 */
export const MAX_BLOCK_SIZE = 2 * 1024 * 1024

/**
 * The largest block `--allow-big-block` lets in (`block put`, `dag put`,
 * `dag import`): the 4 MiB one Bitswap message carries, so that even a big
 * block can still be served to a peer that accepts it.
 */
export const BIG_BLOCK_LIMIT = 4 * 1024 * 1024
