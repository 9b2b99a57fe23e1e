import { existsSync } from 'node:fs'
import http from 'node:http'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { dropDatabase } from '../src/lib/database'
import { createTestDatabase } from './support/harness'
import { freePort, runServerExpectingFailure, startServerProcess } from './support/server-process'

/**
 * The server as users start it (`npm start` = node --conditions=production --import tsx src/server.ts), as a process:
 * start-up on the embedded database with demo data, restart keeping data, graceful shutdown
 * leaving no PostgreSQL behind, and refusal to start in production without a real secret.
 */
const postgresRunningIn = (dataDir: string) => existsSync(path.join(dataDir, 'postmaster.pid'))

describe('npm start', () => {
  test('production refuses to start without a real PAYLOAD_SECRET, in one clear line', async () => {
    const { code, output } = await runServerExpectingFailure({ NODE_ENV: 'production', PAYLOAD_SECRET: '', DATABASE_URL: 'postgres://postgres@127.0.0.1:9/none' })
    expect(code).toBe(1)
    expect(output.trim()).toBe('[use] PAYLOAD_SECRET must be set to a random value of at least 32 characters in production (e.g. `openssl rand -hex 32`)')
  })

  test('a malformed DATABASE_URL stops the start with a message naming it', async () => {
    const { code, output } = await runServerExpectingFailure({ DATABASE_URL: 'not-a-url' })
    expect(code).toBe(1)
    expect(output).toMatch(/DATABASE_URL must be a URL like postgres:\/\//)
  })

  test('first start on the embedded database seeds demo data and prints a one-time admin password; restart keeps the data; Ctrl-C leaves no PostgreSQL running', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'use-start-'))
    await chmod(dataDir, 0o755)
    const env = { DATABASE_URL: undefined, DATA_DIR: dataDir, ADMIN_UI: 'false', EMBEDDED_POSTGRES_PORT: String(await freePort()), PAYLOAD_SECRET: undefined, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined }
    try {
      const first = await startServerProcess(env)
      const password = /Password: (\S+)/.exec(first.output())?.[1]
      expect(first.output()).toMatch(/Seeding demo content/)
      expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/)
      expect(first.output()).toMatch(/Admin panel: http:\/\/localhost:\d+\/admin/)
      expect(postgresRunningIn(path.join(dataDir, 'postgres'))).toBe(true)

      const ready = await fetch(`${first.baseUrl}/readyz`)
      expect(ready.status).toBe(200)
      const cases = await (await fetch(`${first.baseUrl}/api/case-studies?limit=1&depth=0`)).json()
      expect(cases.totalDocs).toBeGreaterThanOrEqual(20)
      const login = await fetch(`${first.baseUrl}/api/citymakers/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@use.localhost', password }),
      })
      expect(login.status).toBe(200)

      expect(await first.stop('SIGINT')).toBe(0)
      expect(first.output()).toMatch(/SIGINT received: draining requests/)
      expect(postgresRunningIn(path.join(dataDir, 'postgres'))).toBe(false)

      const second = await startServerProcess(env)
      expect(second.output()).not.toMatch(/Seeding demo content/)
      expect(second.output()).not.toMatch(/First admin created/)
      const again = await (await fetch(`${second.baseUrl}/api/case-studies?limit=1&depth=0`)).json()
      expect(again.totalDocs).toBe(cases.totalDocs)
      expect(await second.stop('SIGTERM')).toBe(0)
      expect(postgresRunningIn(path.join(dataDir, 'postgres'))).toBe(false)
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  test('with DATABASE_URL it uses that server, creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD and seeds no demo data when SEED_DEMO=false', async () => {
    const databaseUrl = await createTestDatabase()
    try {
      const server = await startServerProcess({ DATABASE_URL: databaseUrl, ADMIN_UI: 'false', SEED_DEMO: 'false', ADMIN_EMAIL: 'chief@use.example', ADMIN_PASSWORD: 'a-long-admin-password', DATA_DIR: undefined })
      try {
        const login = await fetch(`${server.baseUrl}/api/citymakers/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'chief@use.example', password: 'a-long-admin-password' }),
        })
        expect(login.status).toBe(200)
        expect((await login.json()).user.roles).toEqual(['admin'])
        const cases = await (await fetch(`${server.baseUrl}/api/case-studies?limit=1`)).json()
        expect(cases.totalDocs).toBe(0)
        expect(server.output()).not.toMatch(/Password:/)

        // a request still in flight when SIGTERM arrives is finished before the process exits
        const body = JSON.stringify({ email: 'chief@use.example', password: 'a-long-admin-password' })
        const response = new Promise<number>((resolve, reject) => {
          const req = http.request(`${server.baseUrl}/api/citymakers/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          })
          req.on('error', reject)
          req.write(body.slice(0, 10))
          setTimeout(() => req.end(body.slice(10)), 1500)
        })
        await new Promise((resolve) => setTimeout(resolve, 300))
        const exited = server.stop('SIGTERM')
        expect(await response).toBe(200)
        expect(await exited).toBe(0)
        expect(server.output()).toMatch(/SIGTERM received: draining requests/)
      } finally {
        expect(await server.stop()).toBe(0)
      }
    } finally {
      await dropDatabase(databaseUrl)
    }
  })
})
