// The content the crash child writes as /f-<i>: deterministic, so the
// parent can check every file it finds.
import { chacha20 } from '../helpers/vector-inputs.ts'

/** The bytes of /f-<i>: 0.5 to 2.5 MiB. */
export function crashContent (i: number): Buffer {
  return chacha20(`mfs-crash-${i}`, 512 * 1024 + (i * 797_161) % (2 * 1024 * 1024))
}
