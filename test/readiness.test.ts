import { api, startTestApp, type TestApp } from './support/harness'
import { createApp } from '../src/http/app'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('probes', () => {
  test('/healthz answers while the process runs', async () => {
    const res = await api(app, '/healthz')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('ok')
  })

  test('/readyz is ready with a reachable, fully migrated database', async () => {
    const res = await api(app, '/readyz')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ready' })
  })

  test('/readyz is 503 while a committed migration has not run', async () => {
    const { rows } = await app.sql('SELECT * FROM payload_migrations ORDER BY name DESC LIMIT 1')
    await app.sql('DELETE FROM payload_migrations WHERE id = $1', [rows[0].id])
    try {
      const res = await api(app, '/readyz')
      expect(res.status).toBe(503)
      expect(res.body.reason).toMatch(/1 migration\(s\) pending/)
      expect(res.body.pending).toEqual([rows[0].name])
    } finally {
      await app.sql('INSERT INTO payload_migrations (id, name, batch, updated_at, created_at) VALUES ($1, $2, $3, $4, $5)', [
        rows[0].id, rows[0].name, rows[0].batch, rows[0].updated_at, rows[0].created_at,
      ])
    }
    expect((await api(app, '/readyz')).status).toBe(200)
  })

  test('/readyz is 503 when the database cannot be reached, /healthz still 200', async () => {
    // the same app wired to a database port where nothing listens
    const unreachable = 'postgres://postgres@127.0.0.1:9/nothing'
    const down = await createApp({ payload: app.payload, config: app.payload.config, databaseUrl: unreachable })
    const server = http.createServer(down.express)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const ready = await fetch(`${base}/readyz`)
      expect(ready.status).toBe(503)
      expect(await ready.json()).toMatchObject({ status: 'unavailable', reason: 'database unreachable' })
      expect((await fetch(`${base}/healthz`)).status).toBe(200)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await down.close()
    }
  })
})
