export declare const LEAN_FLAGS: string[]
export declare const TRANSFER_FLAGS: string[]
export declare const ALLOCATOR_ENV: Record<string, string>
