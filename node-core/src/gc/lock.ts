/**
 * The GC lock: writers of content (add, fetch, import, pin, MFS) hold it
 * shared for as long as what they wrote is not yet reachable from a pin or
 * the MFS root; garbage collection holds it exclusively. So GC never runs
 * while an acknowledged-but-unpinned block exists, and never collects work
 * in flight. Waiting GC does not starve writers forever: a GC that waits
 * lets no new writer in ahead of it.
 */

/** Releases what was taken. */
export type Release = () => void

/** A shared/exclusive lock for one process. */
export class GcLock {
  #readers = 0
  #writer = false
  #waitingWriters: Array<() => void> = []
  #waitingReaders: Array<() => void> = []

  /** Take the lock shared (content writers). */
  async shared (): Promise<Release> {
    if (this.#writer || this.#waitingWriters.length > 0) await new Promise<void>((resolve) => this.#waitingReaders.push(resolve))
    else this.#readers++
    let released = false
    return () => {
      if (released) return
      released = true
      this.#readers--
      this.#next()
    }
  }

  /** A GC waits for the lock: a long writer that can stop and come back (a transfer) should let it in. */
  get gcWaiting (): boolean {
    return this.#waitingWriters.length > 0
  }

  /** Take the lock exclusively (garbage collection). */
  async exclusive (): Promise<Release> {
    if (this.#writer || this.#readers > 0) await new Promise<void>((resolve) => this.#waitingWriters.push(resolve))
    else this.#writer = true
    let released = false
    return () => {
      if (released) return
      released = true
      this.#writer = false
      this.#next()
    }
  }

  /** Run `fn` holding the lock shared. */
  async withShared<T> (fn: () => Promise<T>): Promise<T> {
    const release = await this.shared()
    try {
      return await fn()
    } finally {
      release()
    }
  }

  /** Hand the lock on: to a waiting GC once no writer of content holds it, else to every waiting writer of content. */
  #next (): void {
    if (this.#writer) return
    if (this.#readers === 0) {
      const writer = this.#waitingWriters.shift()
      if (writer !== undefined) {
        this.#writer = true
        writer()
        return
      }
    }
    if (this.#waitingWriters.length === 0) {
      const readers = this.#waitingReaders.splice(0)
      this.#readers += readers.length
      for (const reader of readers) reader()
    }
  }
}
