// The steps of an import that need no node: file bytes counted out of the
// multipart body sent, progress ticks coalesced without losing the last
// one, and failures in the page's words (the node's message as a detail).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { files as t } from '../../texts/files.ts'
import { contentBytes, ticker, TICK_MS } from './import-steps.ts'
import { transferFailure } from './transfer-errors.ts'
import { UploadFailedError } from '../../lib/upload.ts'

describe('contentBytes', () => {
  it('counts the files\' share of the body sent, so many small files do not reach 100 % early', () => {
    // 1,000 files of 10 bytes: 10 kB of content in a body of about 210 kB (framing).
    expect(contentBytes(21_000, 210_000, 10_000)).toBe(1_000)
    expect(contentBytes(105_000, 210_000, 10_000)).toBe(5_000)
    expect(contentBytes(210_000, 210_000, 10_000)).toBe(10_000)
  })

  it('never passes the files\' total, nor goes below 0', () => {
    expect(contentBytes(250_000, 210_000, 10_000)).toBe(10_000)
    expect(contentBytes(50_000, undefined, 10_000)).toBe(10_000)
    expect(contentBytes(4_000, undefined, 10_000)).toBe(4_000)
    expect(contentBytes(100, 0, 10_000)).toBe(100)
    expect(contentBytes(-5, 100, 10_000)).toBe(0)
    expect(contentBytes(100, 100, 0)).toBe(0)
  })
})

describe('ticker', () => {
  let clock = 0
  beforeEach(() => {
    vi.useFakeTimers()
    clock = 1_000
  })
  afterEach(() => { vi.useRealTimers() })

  function advance (ms: number): void {
    clock += ms
    vi.advanceTimersByTime(ms)
  }

  it('applies the first tick at once, coalesces the next ones, and delivers the latest when the interval is up', () => {
    const applied: Array<{ bytes: number, files?: number }> = []
    const tick = ticker<{ bytes: number, files?: number }>((c) => { applied.push({ bytes: c.bytes, ...(c.files === undefined ? {} : { files: c.files }) }) }, () => clock)
    tick({ bytes: 1, files: 1 })
    expect(applied).toEqual([{ bytes: 1, files: 1 }])
    advance(20)
    tick({ bytes: 2, files: 2 })
    advance(20)
    tick({ bytes: 3 })
    expect(applied).toHaveLength(1)
    advance(TICK_MS)
    // The latest bytes, merged over the ticks before (the file count of the earlier one).
    expect(applied).toEqual([{ bytes: 1, files: 1 }, { bytes: 3, files: 2 }])
    advance(TICK_MS * 4)
    expect(applied).toHaveLength(2)
  })

  it('applies a forced tick at once, and stop drops a waiting one', () => {
    const applied: number[] = []
    const tick = ticker<{ bytes: number }>((c) => { applied.push(c.bytes) }, () => clock)
    tick({ bytes: 1 })
    advance(10)
    tick({ bytes: 2 })
    tick({ bytes: 3 }, true)
    expect(applied).toEqual([1, 3])
    advance(10)
    tick({ bytes: 4 })
    tick.stop()
    advance(TICK_MS * 2)
    expect(applied).toEqual([1, 3])
  })
})

describe('transferFailure', () => {
  it('says a taken name in words, keeping the node\'s message as a detail', () => {
    const message = 'to-files: "/x" already exists in "/"'
    expect(transferFailure(new UploadFailedError('refused', message, 'MfsExistsError'))).toEqual({ status: 'failed', error: t.transfers.exists, detail: message })
    // A node that sends no error name: its message says so.
    expect(transferFailure(new UploadFailedError('refused', message))).toEqual({ status: 'failed', error: t.transfers.exists, detail: message })
    expect(transferFailure({ name: 'MfsExistsError', message: 'file already exists' })).toEqual({ status: 'failed', error: t.transfers.exists, detail: 'file already exists' })
  })

  it('names the node gone, the folder gone and a cancel, and keeps other refusals as details', () => {
    expect(transferFailure(new UploadFailedError('gone', t.upload.lost))).toEqual({ status: 'failed', error: t.transfers.gone, detail: undefined })
    expect(transferFailure({ name: 'TransportClosedError', message: 'closed' }).error).toBe(t.transfers.gone)
    expect(transferFailure(new UploadFailedError('cancelled', t.upload.cancelled)).status).toBe('cancelled')
    expect(transferFailure({ name: 'CallCancelledError', message: 'x' }).status).toBe('cancelled')
    expect(transferFailure({ name: 'MfsNotFoundError', message: 'no /a' })).toEqual({ status: 'failed', error: t.transfers.folderGone, detail: 'no /a' })
    expect(transferFailure(new UploadFailedError('refused', 'weird', 'SomethingError'))).toEqual({ status: 'failed', error: t.transfers.refused, detail: 'weird' })
  })
})
