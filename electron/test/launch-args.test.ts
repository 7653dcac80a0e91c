// A launch's argv as Electron hands it over on Linux, Windows and macOS,
// packaged and unpackaged: files resolved against the working directory
// (platform path rules, file: URLs), switches, the executable, the app path
// and `.` skipped, `--` ending the switches, protocol links parsed, bad
// links reported, duplicates dropped.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseLaunchArgs } from '../src/launch-args.ts'

const CID = 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi'

describe('launch arguments', () => {
  it('reads a packaged Linux launch: files and a link, switches skipped', () => {
    const argv = ['/opt/Planetary/planetary', '--no-sandbox', '--enable-features=WaylandWindowDecorations', 'report.pdf', '../shared/photo.jpg', '/tmp/abs.txt', `ipfs://${CID}/readme.md`]
    const request = parseLaunchArgs(argv, { workingDirectory: '/home/ana/docs', platform: 'linux' })
    assert.deepEqual(request.files, ['/home/ana/docs/report.pdf', '/home/ana/shared/photo.jpg', '/tmp/abs.txt'])
    assert.deepEqual(request.urls.map((u) => u.path), [`/ipfs/${CID}/readme.md`])
    assert.deepEqual(request.rejected, [])
  })

  it('skips the app path and `.` of an unpackaged launch', () => {
    const dot = parseLaunchArgs(['/work/main/node_modules/electron/dist/electron', '.', 'notes.txt'], { workingDirectory: '/work/main', platform: 'linux', appPath: '/work/main' })
    assert.deepEqual(dot.files, ['/work/main/notes.txt'])
    const named = parseLaunchArgs(['/usr/bin/electron', 'electron/dist/main.js', 'a.txt'], { workingDirectory: '/work/main', platform: 'linux', appPath: '/work/main/electron/dist/main.js' })
    assert.deepEqual(named.files, ['/work/main/a.txt'])
  })

  it('reads a Windows launch with the switches Chromium adds', () => {
    const argv = [
      'C:\\Users\\Ana\\AppData\\Local\\Programs\\Planetary\\Planetary.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13376834567890123',
      'Quarterly report.xlsx',
      'D:\\Shared\\plan.docx',
      '..\\other\\x.txt',
      'file:///C:/Users/Ana/My%20File.txt',
      `ipns://docs.ipfs.tech/concepts/`
    ]
    const request = parseLaunchArgs(argv, { workingDirectory: 'C:\\Users\\Ana\\Desktop', platform: 'win32' })
    assert.deepEqual(request.files, [
      'C:\\Users\\Ana\\Desktop\\Quarterly report.xlsx',
      'D:\\Shared\\plan.docx',
      'C:\\Users\\Ana\\other\\x.txt',
      'C:\\Users\\Ana\\My File.txt'
    ])
    assert.deepEqual(request.urls.map((u) => u.path), ['/ipns/docs.ipfs.tech/concepts'])
  })

  it('reads a Windows protocol activation after `--`', () => {
    const request = parseLaunchArgs(['C:\\Program Files\\Planetary\\Planetary.exe', '--', `ipfs://ipfs/${CID}`, '--literally-a-file'], { workingDirectory: 'C:\\Windows\\System32', platform: 'win32' })
    assert.deepEqual(request.urls.map((u) => u.path), [`/ipfs/${CID}`])
    assert.deepEqual(request.files, ['C:\\Windows\\System32\\--literally-a-file'])
  })

  it('reads a macOS launch, skipping the process serial number switch', () => {
    const argv = ['/Applications/Planetary.app/Contents/MacOS/Planetary', '-psn_0_1234567', '/Users/ana/Downloads/talk.mp4', 'dweb:/ipfs/' + CID]
    const request = parseLaunchArgs(argv, { workingDirectory: '/', platform: 'darwin' })
    assert.deepEqual(request.files, ['/Users/ana/Downloads/talk.mp4'])
    assert.deepEqual(request.urls.map((u) => u.path), [`/ipfs/${CID}`])
  })

  it('reports bad links and other schemes, and lists a file once', () => {
    const request = parseLaunchArgs(['planetary', 'ipfs://notacid', 'https://example.com/x', 'a.txt', './a.txt', '', 'file://%'], { workingDirectory: '/home/ana', platform: 'linux' })
    assert.deepEqual(request.files, ['/home/ana/a.txt'])
    assert.deepEqual(request.urls, [])
    assert.deepEqual(request.rejected.map((r) => r.arg), ['ipfs://notacid', 'https://example.com/x', 'file://%'])
    assert.match(request.rejected[0]?.reason ?? '', /invalid CID/)
  })

  it('finds nothing in a bare launch', () => {
    assert.deepEqual(parseLaunchArgs(['/opt/Planetary/planetary'], { workingDirectory: '/home/ana', platform: 'linux' }), { files: [], urls: [], rejected: [] })
  })
})
