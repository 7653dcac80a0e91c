/**
 * "Add from IPFS": a CID or an `/ipfs/`, `/ipns/` or `ipfs://` address and
 * a name; the content is fetched from peers (its progress in the imports
 * panel), pinned, and placed in the folder. What cannot be read is said
 * under the field.
 */
import { useState } from 'react'
import { files as t } from '../../texts/files.ts'
import { nameProblem, readContentInput } from './names.ts'
import { useTransfers } from './transfers-store.ts'

/** The form, adding into `folder`, whose current names are `taken`. */
export function AddFromIpfs ({ folder, taken, onDone }: { folder: string, taken: ReadonlySet<string>, onDone: () => void }) {
  const [path, setPath] = useState('')
  const [name, setName] = useState('')
  const [pathError, setPathError] = useState<string | undefined>()
  const [nameError, setNameError] = useState<string | undefined>()
  const submit = (event: React.FormEvent): void => {
    event.preventDefault()
    const read = readContentInput(path)
    if ('problem' in read) {
      setPathError(t.fetch.problems[read.problem])
      return
    }
    const finalName = name.trim() === '' ? read.name : name
    const problem = nameProblem(finalName, taken)
    if (problem !== undefined) {
      setNameError(t.nameProblems[problem])
      return
    }
    useTransfers.getState().addFetch(read.path, folder, finalName)
    setPath('')
    setName('')
    onDone()
  }
  return (
    <form className="add-from-ipfs card" onSubmit={submit} noValidate aria-label={t.fetch.title}>
      <div className="field grow">
        <label htmlFor="fetch-path">{t.fetch.pathLabel}</label>
        <input id="fetch-path" type="text" value={path} placeholder={t.fetch.pathPlaceholder} autoComplete="off" spellCheck={false} autoFocus
          aria-invalid={pathError === undefined ? undefined : true} aria-describedby={pathError === undefined ? 'fetch-hint' : 'fetch-path-error'}
          onChange={(e) => { setPath(e.target.value); setPathError(undefined) }} />
        {pathError === undefined ? <p id="fetch-hint" className="muted small">{t.fetch.hint}</p> : <p id="fetch-path-error" className="error-text small" role="alert">{pathError}</p>}
      </div>
      <div className="field">
        <label htmlFor="fetch-name">{t.fetch.nameLabel}</label>
        <input id="fetch-name" type="text" value={name} placeholder={t.fetch.namePlaceholder} autoComplete="off" spellCheck={false}
          aria-invalid={nameError === undefined ? undefined : true} aria-describedby={nameError === undefined ? undefined : 'fetch-name-error'}
          onChange={(e) => { setName(e.target.value); setNameError(undefined) }} />
        {nameError === undefined ? null : <p id="fetch-name-error" className="error-text small" role="alert">{nameError}</p>}
      </div>
      <button type="submit" className="button primary">{t.fetch.button}</button>
    </form>
  )
}
