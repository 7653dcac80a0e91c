/**
 * A typed event emitter: event names and payloads come from one map type,
 * so a listener's payload type follows from the event's name.
 */
import { EventEmitter } from 'node:events'

/** Emits events of map `T` (`name → payload`). */
export class TypedEvents<T extends Record<string, unknown>> {
  readonly #emitter = new EventEmitter()

  on<K extends keyof T & string> (name: K, listener: (payload: T[K]) => void): () => void {
    this.#emitter.on(name, listener)
    return () => { this.#emitter.off(name, listener) }
  }

  emit<K extends keyof T & string> (name: K, payload: T[K]): void {
    this.#emitter.emit(name, payload)
  }
}
