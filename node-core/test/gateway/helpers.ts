// A real gateway over a real repo for the gateway tests: the rebuilt
// conformance fixtures (and the stand-ins for the ones whose bytes cannot
// be rebuilt) are imported with `importCar` into a repo made by initRepo,
// and the gateway listens on 127.0.0.1, port 0. Requests go through
// fetch, or through node:http with the request target sent as written
// (fetch would normalise `..` away before it reaches the server).
import { request } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CarReader } from '@ipld/car'
import { verifyBlock } from '../../src/block/block.ts'
import { importCar } from '../../src/dag/car.ts'
import { startGateway } from '../../src/gateway/index.ts'
import { initRepo, openRepo } from '../../src/repo/repo.ts'
import { fixture, rebuildFixture } from './fixtures.ts'
import type { GatewayComponents, GatewayInit } from '../../src/gateway/index.ts'
import type { Repo } from '../../src/repo/repo.ts'
import type { Server } from 'node:http'
import type { CID } from 'multiformats/cid'

/** A listening gateway. */
export interface TestGateway {
  port: number
  server: Server
  close(): Promise<void>
}

/** Start a gateway on 127.0.0.1 port 0 over `components`. */
export async function startTestGateway (components: GatewayComponents, init?: GatewayInit): Promise<TestGateway> {
  const server = await startGateway(components, '127.0.0.1', 0, init)
  const port = (server.address() as { port: number }).port
  return {
    port,
    server,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => { resolve() }))
    }
  }
}

/** A repo on disk holding the rebuilt fixtures named; removed by `close`. */
export interface FixtureRepo {
  repo: Repo
  /** The CAR roots of each fixture, by the fixture's file name. */
  roots: Map<string, CID[]>
  close(): Promise<void>
}

/** Init and open a repo, then import the named fixtures into it with importCar. */
export async function fixtureRepo (names: string[]): Promise<FixtureRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'planetary-gateway-'))
  const path = join(dir, 'repo')
  await initRepo(path, 'test')
  const repo = await openRepo(path)
  const roots = new Map<string, CID[]>()
  for (const name of names) {
    const rebuilt = await rebuildFixture(fixture(name))
    if (!rebuilt.ok) throw new Error(`fixture ${name} was not rebuilt: ${rebuilt.missing.length} blocks missing`)
    roots.set(name, await importFixture(repo, rebuilt.car))
  }
  await repo.blockstore.sync()
  return {
    repo,
    roots,
    close: async () => {
      await repo.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

/**
 * importCar, except for blocks of codecs the dag layer cannot decode
 * (plain CBOR, 0x51, which importCar refuses): those are verified against
 * their CID and put directly.
 */
async function importFixture (repo: Repo, car: Uint8Array): Promise<CID[]> {
  try {
    return (await importCar(repo.blockstore, [car])).roots
  } catch (err) {
    if ((err as Error & { cause?: Error }).cause?.name !== 'UnknownCodecError') throw err
  }
  const reader = await CarReader.fromBytes(car)
  for await (const block of reader.blocks()) {
    verifyBlock(block.cid, block.bytes)
    await repo.blockstore.put(block.cid, block.bytes)
  }
  return await reader.getRoots()
}

/** A response, read whole. */
export interface Reply {
  status: number
  headers: Headers
  body: Uint8Array
  text: string
}

/** `fetch` a path of the gateway (redirects not followed). */
export async function get (gw: TestGateway, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const res = await fetch(`http://127.0.0.1:${gw.port}${path}`, { method, headers, redirect: 'manual' })
  const body = new Uint8Array(await res.arrayBuffer())
  return { status: res.status, headers: res.headers, body, text: new TextDecoder().decode(body) }
}

/** Send `target` exactly as written (no URL normalisation) and read the reply. */
export async function rawRequest (gw: TestGateway, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number, headers: Record<string, string | string[] | undefined>, text: string }> {
  return await new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: gw.port, path: target, method, headers, insecureHTTPParser: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }) })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** The header roots and block CIDs of a CAR body, in order, every block checked against its CID. */
export async function carCids (body: Uint8Array): Promise<{ version: number, roots: string[], cids: string[] }> {
  const reader = await CarReader.fromBytes(body)
  const roots = (await reader.getRoots()).map(String)
  const cids: string[] = []
  for await (const block of reader.blocks()) {
    verifyBlock(block.cid, block.bytes)
    cids.push(block.cid.toString())
  }
  return { version: reader.version, roots, cids }
}
