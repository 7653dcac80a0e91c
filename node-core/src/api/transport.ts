/**
 * What a client needs from a door: calls by method name with progress and
 * cancel, and events by name. The in-process transport, the WebSocket
 * transport and Electron's preload each provide one.
 */

/** Options of one call as a transport carries it. */
export interface TransportCallOptions {
  /** Cancels the call: the transport sends a cancel and rejects with CallCancelledError. */
  signal?: AbortSignal
  /** Receives each progress event of a long call. */
  onProgress?: (progress: unknown) => void
}

/** A way to reach a node. Rejections are RemoteError (the node's error), CallCancelledError or TransportClosedError. */
export interface ApiTransport {
  call(method: string, input: unknown, options: TransportCallOptions): Promise<unknown>
  /** Listen to an event; returns a function that stops listening. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void
  close(): Promise<void>
  /** Resolves when the door closes by itself or is closed (the daemon went away, say); a client may then connect again. */
  readonly closed?: Promise<void>
}
