// What the `planetary daemon` process starts with (planetary.js
// re-executes itself with them; they must be given at start): V8 flags and
// the C allocator's environment.

/** For footprint while idle; the daemon's heap mode turns it off while busy (src/daemon/heap-mode.ts). */
export const LEAN_FLAGS = ['--optimize-for-size']

/** The young-generation cap that src/exchange/heap.ts also sets at run time, where it works only in part. */
export const TRANSFER_FLAGS = ['--scavenger-max-new-space-capacity-mb=4']

/** Two glibc malloc arenas instead of one per thread (the thread pool has 16). */
export const ALLOCATOR_ENV = { MALLOC_ARENA_MAX: '2' }

/** libuv's thread pool: 16 threads (planetary.js sets it before the pool starts; it is read once, when the pool first starts). */
export const THREADPOOL_ENV = { UV_THREADPOOL_SIZE: '16' }

/** Every V8 flag the daemon starts with, in order; Electron passes them as `--js-flags`. */
export const V8_FLAGS = [...LEAN_FLAGS, ...TRANSFER_FLAGS]

/** Every environment variable the daemon starts with that only takes effect at process start. */
export const START_ENV = { ...ALLOCATOR_ENV, ...THREADPOOL_ENV }
