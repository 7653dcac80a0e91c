/**
 * A file's preview through the local gateway: an image, a video or audio
 * player, or a sandboxed frame (no scripts) for text and unknown types. The
 * browser streams it from the gateway; its bytes never pass through this
 * page's scripts. A large file of unknown type waits for a click.
 */
import { useState } from 'react'
import { formatBytes } from '../../lib/format.ts'
import { gatewayUrlOf, previewOf } from './explore-path.ts'
import { explore as t } from '../../texts/explore.ts'

/** Files past this size and of unknown type are previewed on request. */
export const AUTO_FRAME_LIMIT = 10_000_000

/** The preview of `path` (a file of `size` bytes) through `gateway`. */
export function Preview ({ gateway, path, size }: { gateway: string | undefined, path: string, size: number }) {
  const [asked, setAsked] = useState(false)
  if (gateway === undefined) return <p className="muted" data-testid="explore-preview">{t.preview.noGateway}</p>
  const url = gatewayUrlOf(gateway, path)
  const { kind, known } = previewOf(path)
  const name = path.split('/').filter(Boolean).at(-1) ?? ''
  let body
  if (kind === 'image') body = <img src={url} alt={name} className="preview-image" />
  else if (kind === 'video') body = <video src={url} controls preload="metadata" className="preview-media" aria-label={t.preview.label} />
  else if (kind === 'audio') body = <audio src={url} controls preload="metadata" aria-label={t.preview.label} />
  else if (!known && size > AUTO_FRAME_LIMIT && !asked) {
    body = (
      <p className="preview-ask">
        {t.preview.large(formatBytes(size))}{' '}
        <button type="button" className="button small" onClick={() => { setAsked(true) }}>{t.preview.show}</button>
      </p>
    )
  } else body = <iframe src={url} sandbox="" title={t.preview.label} className="preview-frame" referrerPolicy="no-referrer" />
  return (
    <div className="preview" data-testid="explore-preview" data-kind={kind}>
      {body}
      <p><a href={url} target="_blank" rel="noopener noreferrer">{t.preview.open}</a></p>
    </div>
  )
}
