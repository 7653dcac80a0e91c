/**
 * Dropping files anywhere on the window: while files are dragged over it,
 * a full-window overlay says where they will go (the folder Files shows,
 * or showed last); a drop imports them there, and from another page opens
 * that folder so its progress is in view. Drags that carry no files (text,
 * links) are left alone.
 */
import { useEffect, useRef, useState } from 'react'
import { navigate, useRoute } from '../../lib/route.ts'
import { files as t } from '../../texts/files.ts'
import { dropRoots } from '../../lib/collect.ts'
import { useFiles } from './files-store.ts'
import { folderName } from './names.ts'
import { importDropped } from './start-import.ts'
import type { ReactNode } from 'react'
import './files.css'

function carriesFiles (event: DragEvent): boolean {
  return event.dataTransfer !== null && Array.from(event.dataTransfer.types).includes('Files')
}

/** Wraps the app so a drop anywhere imports. */
export function DropTarget ({ children }: { children: ReactNode }) {
  const [dragging, setDragging] = useState(false)
  const folder = useFiles((s) => s.folder)
  const { page } = useRoute()
  const depth = useRef(0)
  const where = useRef({ folder, page })
  where.current = { folder, page }

  useEffect(() => {
    const enter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth.current++
      setDragging(true)
    }
    const over = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy'
    }
    const leave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setDragging(false)
    }
    const drop = (event: DragEvent): void => {
      depth.current = 0
      setDragging(false)
      if (!carriesFiles(event) || event.dataTransfer === null) return
      event.preventDefault()
      const roots = dropRoots(event.dataTransfer)
      const { folder: target, page: current } = where.current
      importDropped(roots, target)
      if (current !== 'files') navigate('files', target)
    }
    const reset = (): void => {
      depth.current = 0
      setDragging(false)
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    window.addEventListener('dragend', reset)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
      window.removeEventListener('dragend', reset)
    }
  }, [])

  return (
    <>
      {children}
      {dragging
        ? (
          <div className="drop-overlay" data-testid="drop-overlay" aria-live="polite">
            <div className="drop-box">
              <svg viewBox="0 0 24 24" width="48" height="48" aria-hidden="true"><path d="M12 3v12M7 10l5 5 5-5M4 17v3h16v-3" /></svg>
              <strong>{t.drop.overlay(folderName(folder, t.root))}</strong>
              <span>{t.drop.hint}</span>
            </div>
          </div>
          )
        : null}
    </>
  )
}
