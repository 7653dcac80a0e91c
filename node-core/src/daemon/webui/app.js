// The minimal web UI: speaks the daemon's WebSocket bridge (node-core/src/api/ws-protocol.ts)
// until the renderer's build replaces it. The token comes in the URL's fragment, which
// never reaches a server; it is kept for this tab only and taken out of the address bar.
const params = new URLSearchParams(location.hash.slice(1))
if (params.has('token')) {
  sessionStorage.setItem('planetary-token', params.get('token'))
  history.replaceState(null, '', location.pathname)
}
const token = sessionStorage.getItem('planetary-token') ?? ''
const status = document.getElementById('status')
const pending = new Map()
const listeners = new Map()
let nextId = 0

const socket = new WebSocket(`ws://${location.host}/api/ws?token=${encodeURIComponent(token)}`)

function call (method, input = {}) {
  const id = nextId++
  socket.send(JSON.stringify({ type: 'call', id, method, input }))
  return new Promise((resolve, reject) => { pending.set(id, { resolve, reject }) })
}

function on (event, listener) {
  listeners.set(event, listener)
  socket.send(JSON.stringify({ type: 'subscribe', event }))
}

socket.addEventListener('message', (message) => {
  const frame = JSON.parse(message.data)
  if (frame.type === 'event') return listeners.get(frame.event)?.(frame.payload)
  const waiting = pending.get(frame.id)
  if (waiting === undefined || frame.type === 'progress') return
  pending.delete(frame.id)
  if (frame.type === 'result') waiting.resolve(frame.output)
  else waiting.reject(Object.assign(new Error(frame.error.message), { name: frame.error.name }))
})
socket.addEventListener('close', () => { show('Disconnected from the node (is the daemon running, and the token right?)', true) })
socket.addEventListener('open', () => { start().catch((err) => { show(`${err.name}: ${err.message}`, true) }) })

function show (text, isError = false) {
  status.textContent = text
  status.classList.toggle('error', isError)
}

function row (cells) {
  const tr = document.createElement('tr')
  for (const text of cells) {
    const td = document.createElement('td')
    td.textContent = text
    tr.append(td)
  }
  return tr
}

async function refreshFiles () {
  const { entries } = await call('files.ls', { path: '/' })
  document.getElementById('files').replaceChildren(...entries.map((e) => row([e.type === 'directory' ? `${e.name}/` : e.name, String(e.size), e.cid])))
}

async function refreshPeers () {
  const { peers } = await call('peers.list')
  document.getElementById('peer-count').textContent = String(peers.length)
  document.getElementById('peers').replaceChildren(...peers.map((p) => row([p.peer, p.transport, p.address])))
}

async function upload (files) {
  for (const file of files) {
    show(`Adding ${file.name}…`)
    const body = new FormData()
    body.append('file', file, encodeURIComponent(file.name))
    const reply = await fetch('/api/v0/add?pin=true&cid-version=1', { method: 'POST', body })
    const lines = (await reply.text()).trim().split('\n').map((line) => JSON.parse(line))
    const last = lines[lines.length - 1]
    if (!reply.ok || last.Hash === undefined) throw new Error(last.Message ?? `add failed (${reply.status})`)
    await call('files.cp', { from: `/ipfs/${last.Hash}`, to: `/${file.name}` })
  }
  show('Connected')
  await refreshFiles()
}

async function start () {
  show('Connected')
  const info = await call('node.info')
  document.getElementById('peer-id').textContent = info.peerId
  document.getElementById('agent').textContent = info.agentVersion
  document.getElementById('repo').textContent = info.repoPath
  on('peer:connected', () => { refreshPeers() })
  on('peer:disconnected', () => { refreshPeers() })
  await Promise.all([refreshFiles(), refreshPeers()])
  const drop = document.getElementById('drop')
  const input = document.getElementById('file-input')
  input.addEventListener('change', () => { upload([...input.files]).catch((err) => { show(`${err.name}: ${err.message}`, true) }) })
  drop.addEventListener('dragover', (event) => { event.preventDefault(); drop.classList.add('over') })
  drop.addEventListener('dragleave', () => { drop.classList.remove('over') })
  drop.addEventListener('drop', (event) => {
    event.preventDefault()
    drop.classList.remove('over')
    upload([...event.dataTransfer.files]).catch((err) => { show(`${err.name}: ${err.message}`, true) })
  })
}
