import type { Server } from 'node:http'

import { createApp } from './http/app'
import { prepareData, startPayload } from './lib/boot'
import { ConfigError } from './lib/env'
import { closePayload } from './lib/close'
import { projectRoot } from './lib/paths'
import { prepareRuntime } from './lib/runtime'
import { startJobWorker } from './lib/worker'

/**
 * `npm start`: the database (embedded unless DATABASE_URL is set), migrations, seed data, the job
 * worker, and one HTTP server for the admin panel (/admin), REST (/api), GraphQL (/api/graphql)
 * and the probes (/healthz, /readyz). SIGINT/SIGTERM drain requests, then close in reverse order.
 */
const log = (message: string) => console.log(`[use] ${message}`)

/** Undo steps, run last-in first-out on shutdown and on a failed start (no orphaned database). */
const cleanups: Array<() => Promise<void>> = []
let ready = false
async function runCleanups() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((err) => log(`Cleanup failed: ${(err as Error).message}`))
  }
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  const started = Date.now()
  const runtime = await prepareRuntime(log)
  const { env } = runtime
  cleanups.push(() => runtime.database.stop())
  let server: Server | undefined
  let shuttingDown = false

  const shutdown = async (signal: string) => {
    if (shuttingDown) return
    shuttingDown = true
    log(`${signal} received: draining requests (at most ${env.SHUTDOWN_TIMEOUT_MS} ms)`)
    const deadline = setTimeout(() => {
      log('Requests still open after the shutdown timeout; closing them')
      server?.closeAllConnections()
    }, env.SHUTDOWN_TIMEOUT_MS)
    deadline.unref()
    if (server) {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()))
      server.closeIdleConnections()
      await closed
    }
    clearTimeout(deadline)
    await runCleanups()
    log('Stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  const payload = await startPayload()
  cleanups.push(() => closePayload(payload))
  await prepareData(payload, env, log)

  if (env.JOBS_WORKER) {
    const worker = startJobWorker(payload, env.JOBS_INTERVAL_MS)
    cleanups.push(() => worker.stop())
  }

  let nextHandler
  if (env.ADMIN_UI) {
    const { default: next } = await import('next')
    const nextApp = next({ dev: env.NODE_ENV !== 'production', dir: projectRoot, hostname: env.HOST, port: env.PORT })
    await nextApp.prepare()
    const handle = nextApp.getRequestHandler()
    nextHandler = (req: import('express').Request, res: import('express').Response) => handle(req, res)
    cleanups.push(() => nextApp.close())
  }

  const app = await createApp({
    payload,
    config: payload.config,
    databaseUrl: runtime.database.url,
    nextHandler,
    graphQLPlayground: env.NODE_ENV !== 'production',
  })
  cleanups.push(app.close)

  server = app.express.listen(env.PORT, env.HOST)
  await new Promise<void>((resolve, reject) => {
    server!.once('listening', resolve)
    server!.once('error', reject)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.PORT
  ready = true
  log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  log(`Admin panel: ${env.SERVER_URL}/admin`)
  log(`REST: /api · GraphQL: /api/graphql · probes: /healthz /readyz`)
}

// A start that stalls with nothing left to wait for (a module-loading deadlock, see package.json's
// --conditions) must not look like a clean exit.
process.on('beforeExit', () => {
  if (ready) return
  console.error('[use] Start-up stopped before the server was ready: nothing was left to wait for')
  process.exitCode = 1
})

main().catch(async (err) => {
  if (err instanceof ConfigError) {
    console.error(`[use] ${err.message}`)
  } else {
    console.error('[use] Failed to start:', err)
  }
  await runCleanups()
  process.exit(1)
})
