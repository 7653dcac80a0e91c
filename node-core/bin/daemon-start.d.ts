export declare const LEAN_FLAGS: string[]
export declare const TRANSFER_FLAGS: string[]
export declare const ALLOCATOR_ENV: Record<string, string>
/** libuv's thread pool size the daemon runs with. */
export declare const THREADPOOL_ENV: { UV_THREADPOOL_SIZE: string }
/** Every V8 flag the daemon starts with, in order (LEAN_FLAGS, then TRANSFER_FLAGS). */
export declare const V8_FLAGS: string[]
/** Every environment variable the daemon starts with that only takes effect at process start. */
export declare const START_ENV: Record<string, string>
