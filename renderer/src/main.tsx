/**
 * The web UI's entry: take the token from the address, connect to the node,
 * apply the theme, render the app.
 */
import './lib/no-eval.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { startConnection } from './lib/connection-store.ts'
import { startTheme } from './lib/theme.ts'
import { takeToken } from './lib/token.ts'
import './styles/base.css'

startTheme()
startConnection({ origin: location.origin, token: takeToken(location, sessionStorage, history) })

const root = document.getElementById('root')
if (root !== null) createRoot(root).render(<StrictMode><App /></StrictMode>)
