import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { getPayload, type Payload } from 'payload'

import { createApp } from '../../src/http/app'
import { startPayload } from '../../src/lib/boot'
import { loadConfig } from '../../src/lib/runtime'
import { closePayload } from '../../src/lib/close'
import { dropDatabase } from '../../src/lib/database'
import { randomSuffix } from '../../src/lib/embedded-postgres'

/**
 * A test file's world: its own database cloned from the template, Payload booted on it, and the
 * real HTTP app listening on a free loopback port. `close()` releases everything, so jest ends
 * without open handles.
 */
export type TestApp = {
  payload: Payload
  baseUrl: string
  databaseUrl: string
  sql: (text: string, values?: unknown[]) => Promise<pg.QueryResult>
  close: () => Promise<void>
}

export function serverUrl(database = 'postgres'): string {
  const url = new URL(process.env.USE_TEST_SERVER_URL ?? '')
  url.pathname = `/${database}`
  return url.toString()
}

export async function createTestDatabase(): Promise<string> {
  const name = `use_test_${process.env.JEST_WORKER_ID ?? '0'}_${randomSuffix()}`
  const admin = new pg.Client({ connectionString: serverUrl() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.USE_TEST_TEMPLATE}"`)
  } finally {
    await admin.end()
  }
  return serverUrl(name)
}

/**
 * `databaseUrl`: a second app instance on another app's database (as several servers behind one
 * public URL share one): a Payload of its own (own connection pool, own job runner), booted on
 * the same config, so the same secret and server URL. Its `close()` leaves the database alone.
 */
export async function startTestApp(options: { env?: Record<string, string>; databaseUrl?: string } = {}): Promise<TestApp> {
  const shared = options.databaseUrl !== undefined
  // the config (read once per test file) names the database every instance connects to
  if (shared && options.databaseUrl !== process.env.DATABASE_URL) throw new Error('startTestApp({ databaseUrl }) shares the database of an app this test file started')
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase())
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // uploads of this file's tests go to a folder of their own
  const dataDir = shared ? undefined : await mkdtemp(path.join(os.tmpdir(), 'use-test-data-'))
  if (shared) Object.assign(process.env, options.env)
  else {
    Object.assign(process.env, {
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      SERVER_URL: baseUrl,
      PAYLOAD_SECRET: `test-secret-${randomSuffix()}-${randomSuffix()}`,
      DATABASE_POOL_MAX: '5',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...options.env,
    })
  }
  // getPayload caches one instance per key: a shared-database instance needs a key of its own
  // (and the config's onInit has already run on the shared config)
  const payload = shared ? await getPayload({ config: await loadConfig(), key: `second-instance-${randomSuffix()}`, disableOnInit: true }) : await startPayload()
  const app = await createApp({ payload, config: payload.config, databaseUrl })
  server.on('request', app.express)
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  // an idle connection that the server ends must not fail whichever test is running: the pool opens a new
  // one on the next query (CI once saw a 57P01 "terminating connection" here whose origin we did not find)
  pool.on('error', (err) => console.warn(`test pool: idle connection closed by the server (${err.message})`))

  return {
    payload,
    baseUrl,
    databaseUrl,
    sql: (text, values) => pool.query(text, values as unknown[]),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await app.close()
      await pool.end()
      await closePayload(payload)
      if (shared) return
      await dropDatabase(databaseUrl)
      await rm(dataDir!, { recursive: true, force: true })
    },
  }
}

/** fetch against the test app, JSON in and out. */
export async function api(app: TestApp, path: string, init: RequestInit & { json?: unknown; token?: string } = {}) {
  const headers = new Headers(init.headers)
  if (init.json !== undefined) headers.set('content-type', 'application/json')
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  const response = await fetch(`${app.baseUrl}${path}`, {
    ...init,
    headers,
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  })
  const text = await response.text()
  let body: any
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = text
  }
  return { status: response.status, body, headers: response.headers }
}

export async function graphql(app: TestApp, query: string, variables?: Record<string, unknown>, token?: string) {
  return api(app, '/api/graphql', { method: 'POST', json: { query, variables }, token })
}

/** Creates an activated account directly (bypassing registration) and logs it in over REST. */
export async function loginAs(app: TestApp, roles: Array<'admin' | 'editor' | 'citymaker'>, name = roles.join('-')) {
  const email = `${name}-${randomSuffix()}@test.use.invalid`
  const password = `pw-${randomSuffix()}-${randomSuffix()}`
  const user = await app.payload.create({
    collection: 'citymakers',
    data: { email, password, displayName: name, roles, _verified: true, profileVisibility: 'public' } as never,
    disableVerificationEmail: true,
  })
  const login = await api(app, '/api/citymakers/login', { method: 'POST', json: { email, password } })
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`)
  return { user, token: login.body.token as string, email, password }
}
