/**
 * The page's Content-Security-Policy allows no eval, so zod must neither
 * probe for it (Chromium logs each refusal) nor compile parsers with it.
 * Imported first by main.tsx: zod reads this when the contract's schemas
 * are built, at import time.
 */
import { config } from 'zod'

config({ jitless: true })
