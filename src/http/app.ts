import express, { type Express, type NextFunction, type Request, type Response } from 'express'
import pg from 'pg'
import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'

import { pendingMigrations } from '../lib/runtime'
import { accountPages } from './pages'
import { sendWebResponse, toWebRequest } from './web-bridge'

export type AppOptions = {
  payload: Payload
  config: SanitizedConfig
  databaseUrl: string
  /** Next.js request handler for the admin panel; absent on API-only instances and in API tests. */
  nextHandler?: (req: Request, res: Response) => Promise<void>
  graphQLPlayground?: boolean
}

export type App = { express: Express; close: () => Promise<void> }

/**
 * The HTTP surface: express's own probes, Payload's REST and GraphQL served by the same Payload
 * instance that migrated the database and runs the jobs, and Next.js for the admin panel.
 */
export async function createApp({ payload, config, databaseUrl, nextHandler, graphQLPlayground }: AppOptions): Promise<App> {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')

  // A separate one-connection pool: the probe must answer even when Payload's pool is exhausted.
  const probe = new pg.Pool({ connectionString: databaseUrl, max: 1, connectionTimeoutMillis: 2000, idleTimeoutMillis: 5000 })
  probe.on('error', () => {})

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptime: Math.round(process.uptime()) })
  })

  app.get('/readyz', async (_req, res) => {
    try {
      await probe.query('SELECT 1')
      const pending = await pendingMigrations((sql) => probe.query(sql))
      if (pending.length > 0) {
        res.status(503).json({ status: 'unavailable', reason: `${pending.length} migration(s) pending`, pending })
        return
      }
      res.json({ status: 'ready' })
    } catch (err) {
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable', detail: (err as Error).message })
    }
  })

  accountPages(app, payload)

  const { GRAPHQL_POST, GRAPHQL_PLAYGROUND_GET } = await import('@payloadcms/next/routes')
  const graphql = GRAPHQL_POST(Promise.resolve(config))
  const playground = GRAPHQL_PLAYGROUND_GET(Promise.resolve(config))
  const api = config.routes.api

  const bridge =
    (handler: (request: Request) => Promise<globalThis.Response>) =>
    async (req: Request, res: Response, next: NextFunction) => {
      try {
        await sendWebResponse(await handler(toWebRequest(req) as never), res)
      } catch (err) {
        next(err)
      }
    }

  app.post(`${api}${config.routes.graphQL}`, bridge((request) => graphql(request as never)))
  if (graphQLPlayground) app.get(`${api}${config.routes.graphQLPlayground}`, bridge((request) => playground(request as never)))
  // Payload answers 501 for collections it keeps off the REST API (its migrations table): to a
  // client that is simply a route that does not exist
  const withoutRest = new Set<string>(config.collections.filter((c) => c.endpoints === false).map((c) => c.slug))
  app.all(`${api}/:slug{/*splat}`, (req, res, next) => {
    if (withoutRest.has(String(req.params.slug))) res.status(404).json({ errors: [{ message: 'Not Found' }] })
    else next()
  })
  app.all(`${api}{/*splat}`, bridge((request) => handleEndpoints({ config, request: request as never })))

  if (nextHandler) {
    app.all('/{*splat}', (req, res, next) => nextHandler(req, res).catch(next))
  } else {
    app.get('/', (_req, res) => res.json({ name: 'Urban Sustainability Exchange API', rest: api, graphql: `${api}${config.routes.graphQL}` }))
  }

  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    payload.logger.error({ err, msg: 'Unhandled error in HTTP request' })
    if (!res.headersSent) res.status(500).json({ errors: [{ message: 'Something went wrong.' }] })
    else res.end()
  })

  return { express: app, close: () => probe.end() }
}
