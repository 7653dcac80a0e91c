/**
 * Options every long operation takes, as in js-libp2p and Helia.
 */

/** Carries an AbortSignal; an aborted operation rejects with its reason. */
export interface AbortOptions {
  signal?: AbortSignal
}
