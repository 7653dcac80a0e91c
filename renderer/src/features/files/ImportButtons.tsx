/**
 * "Add files" and "Add folder": buttons that open the system's pickers,
 * hidden file inputs (the folder one with `webkitdirectory`) kept once per
 * page, so the toolbar and the empty state share them.
 */
import { useRef } from 'react'
import { files as t } from '../../texts/files.ts'
import { importPicked } from './start-import.ts'
import type { RefObject } from 'react'

const folderPicker = { webkitdirectory: '', directory: '' } as Record<string, string>

/** The page's two pickers. */
export interface Pickers {
  files: RefObject<HTMLInputElement | null>
  folder: RefObject<HTMLInputElement | null>
}

/** Refs for the pickers. */
export function usePickers (): Pickers {
  return { files: useRef<HTMLInputElement>(null), folder: useRef<HTMLInputElement>(null) }
}

/** The hidden inputs, importing what is picked into `folder`. */
export function ImportInputs ({ pickers, folder }: { pickers: Pickers, folder: string }) {
  const picked = (input: HTMLInputElement, folderPick: boolean): void => {
    const chosen = Array.from(input.files ?? [])
    input.value = ''
    importPicked(chosen, folder, folderPick)
  }
  return (
    <>
      <input ref={pickers.files} type="file" multiple hidden data-testid="add-files-input" aria-label={t.addFiles} onChange={(e) => { picked(e.currentTarget, false) }} />
      <input ref={pickers.folder} type="file" multiple hidden data-testid="add-folder-input" aria-label={t.addFolder} {...folderPicker} onChange={(e) => { picked(e.currentTarget, true) }} />
    </>
  )
}

/** The two add buttons; `primary` makes "Add files" the main action. */
export function ImportButtons ({ pickers, primary = true }: { pickers: Pickers, primary?: boolean }) {
  return (
    <>
      <button type="button" className={primary ? 'button primary' : 'button'} onClick={() => pickers.files.current?.click()}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="button-icon"><path d="M12 5v14M5 12h14" /></svg>
        {t.addFiles}
      </button>
      <button type="button" className="button" onClick={() => pickers.folder.current?.click()}>{t.addFolder}</button>
    </>
  )
}
