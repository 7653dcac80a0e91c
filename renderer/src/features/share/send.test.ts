// How a browser's drop becomes one item: several top-level entries are
// wrapped into one folder named for them, and a name already in /Shared
// gets a number, as a file manager would.
import { describe, expect, it } from 'vitest'
import { freeName } from '../../lib/free-name.ts'
import { bundleName, wrapEntries } from './send.ts'
import type { UploadEntry } from '../../lib/upload.ts'

const file = (path: string): UploadEntry => ({ kind: 'file', path, file: new Blob(['x']) })

describe('sending from a browser', () => {
  it('names a bundle for its first entry', () => {
    expect(bundleName(['a.txt'])).toBe('a.txt')
    expect(bundleName(['a.txt', 'b.txt', 'c'])).toBe('a.txt and 2 more')
    expect(bundleName(['x/y'])).toBe('x_y')
  })

  it('wraps several top-level entries into one folder, and leaves one alone', () => {
    const one = [{ kind: 'dir', path: 'photos' } as UploadEntry, file('photos/a.jpg')]
    expect(wrapEntries(one)).toEqual({ entries: one, name: 'photos', wrapped: false })
    const two = wrapEntries([file('a.txt'), { kind: 'dir', path: 'docs' }, file('docs/b.txt')])
    expect(two.name).toBe('a.txt and 1 more')
    expect(two.wrapped).toBe(true)
    expect(two.entries.map((e) => `${e.kind}:${e.path}`)).toEqual(['dir:a.txt and 1 more', 'file:a.txt and 1 more/a.txt', 'dir:a.txt and 1 more/docs', 'file:a.txt and 1 more/docs/b.txt'])
  })

  it('numbers a name already taken, keeping the extension last', () => {
    expect(freeName('a.txt', new Set())).toBe('a.txt')
    expect(freeName('a.txt', new Set(['a.txt', 'a (2).txt']))).toBe('a (3).txt')
    expect(freeName('photos', new Set(['photos']))).toBe('photos (2)')
    expect(freeName('.env', new Set(['.env']))).toBe('.env (2)')
  })
})
