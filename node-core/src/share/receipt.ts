/**
 * Completion receipts: the receiver signs, with its peer key, that it holds
 * and verified the whole item; the sender checks the signature against the
 * receiver's peer ID (its public key) before it shows "Delivered".
 */
import { peerIdFromString } from '@libp2p/peer-id'
import { InvalidReceiptError } from './errors.ts'
import type { PrivateKey } from '@libp2p/interface'

/** What a receipt vouches for. */
export interface ReceiptFacts {
  item: string
  root: string
  bytes: number
  receivedAt: number
  sender: string
  receiver: string
}

/** The bytes signed: a domain tag, then each fact on its own line. */
export function receiptBytes (facts: ReceiptFacts): Uint8Array {
  return new TextEncoder().encode(['planetary-share-receipt/1', facts.item, facts.root, String(facts.bytes), String(facts.receivedAt), facts.sender, facts.receiver].join('\n'))
}

/** Sign `facts` with the receiver's key; base64. */
export async function signReceipt (key: PrivateKey, facts: ReceiptFacts): Promise<string> {
  return Buffer.from(await key.sign(receiptBytes(facts))).toString('base64')
}

/** InvalidReceiptError unless `signature` is the receiver's over `facts`. */
export async function verifyReceipt (facts: ReceiptFacts, signature: string): Promise<void> {
  const key = peerIdFromString(facts.receiver).publicKey
  if (key === undefined) throw new InvalidReceiptError(`${facts.receiver}'s peer ID does not carry its public key`)
  // A signature of the wrong length makes the key throw rather than say no: either way it is not the receiver's.
  let valid: boolean
  try {
    valid = await key.verify(receiptBytes(facts), Buffer.from(signature, 'base64'))
  } catch {
    valid = false
  }
  if (!valid) throw new InvalidReceiptError(`the receipt for ${facts.item} is not signed by ${facts.receiver}`)
}
