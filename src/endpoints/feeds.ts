import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import type { Endpoint, PayloadRequest } from 'payload'

import { isStaffUser } from '../../access/roles'
import { checkFeedSyntax, FeedSyntaxError, parseFeed, type FeedFormat } from '../feeds/parse'
import { createImportLog, findPartner, runImport } from '../feeds/run'
import { feedJsonSchema } from '../feeds/schema'
import { idOf } from '../lib/ids'
import { documented, errorResponse, jsonContent, pathParam, queryParam } from '../lib/openapi'
import { fail } from './respond'

/**
 * Partner feeds over REST (see README, "Partner feeds"):
 * - `GET /api/feeds/schema.json`: the JSON Schema of a feed, generated from the zod schema.
 * - `POST /api/feeds/:partner/import[?dryRun=true&retireMissing=true]`: a feed as JSON
 *   (`application/json`) or CSV (`text/csv`), with the partner's API key
 *   (`Authorization: partner-accounts API-Key <key>`). The body is streamed to a temporary file
 *   (at most FEED_MAX_BYTES), checked for syntax as a whole (a broken feed gets 400 and nothing
 *   is written), then imported in the background: `202` with the import's id at once.
 * - `GET /api/feeds/imports/:id`: progress and report, for the partner's own imports and staff.
 */
export const FEED_MAX_BYTES = 50 * 1024 * 1024
/** A running import of the same partner blocks a new one, unless it has not reported progress for this long (a killed run). */
const STALE_RUN_MS = 10 * 60 * 1000
const running = new Set<Promise<unknown>>()

/** Tests and shutdown: wait for the imports this process runs in the background. */
export const backgroundImports = () => Promise.allSettled([...running])

const partnerAccountOf = (req: PayloadRequest) => (req.user?.collection === 'partner-accounts' ? (req.user as unknown as { id: number; name: string; partner: unknown }) : null)

class TooLarge extends Error {}

async function spool(body: ReadableStream<Uint8Array>, file: string): Promise<number> {
  let bytes = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length
      if (bytes > FEED_MAX_BYTES) callback(new TooLarge())
      else callback(null, chunk)
    },
  })
  await pipeline(Readable.fromWeb(body as unknown as NodeReadableStream), counter, createWriteStream(file))
  return bytes
}

const schemaEndpoint: Endpoint = {
  path: '/feeds/schema.json',
  method: 'get',
  handler: (req) => Response.json(feedJsonSchema(req.payload.config.serverURL), { headers: { 'cache-control': 'public, max-age=3600' } }),
}

const importEndpoint: Endpoint = {
  path: '/feeds/:partner/import',
  method: 'post',
  handler: async (req) => {
    const account = partnerAccountOf(req)
    const staff = isStaffUser(req.user)
    if (!account && !staff) {
      return fail(req.user ? 403 : 401, req.user ? 'Feed imports need a partner API key (or an editor)' : 'A partner API key is required: Authorization: partner-accounts API-Key <key>')
    }
    const slug = String(req.routeParams?.partner ?? '')
    const partner = await findPartner(req.payload, slug)
    if (!partner) return fail(404, `Unknown partner "${slug}"`)
    if (account && idOf(account.partner) !== partner.id) return fail(403, `This API key belongs to another partner, not "${slug}"`)

    const url = new URL(req.url ?? '', 'http://localhost')
    const unknown = [...url.searchParams.keys()].filter((key) => !['dryRun', 'retireMissing'].includes(key))
    if (unknown.length) return fail(400, `${unknown.join(', ')}: not accepted (parameters: dryRun, retireMissing)`)
    const flag = (name: string) => {
      const value = url.searchParams.get(name)
      if (value === null || value === 'false') return false
      if (value === 'true' || value === '') return true
      throw new Error(`${name} must be true or false`)
    }
    let dryRun: boolean
    let retireMissing: boolean
    try {
      dryRun = flag('dryRun')
      retireMissing = flag('retireMissing')
    } catch (err) {
      return fail(400, (err as Error).message)
    }
    const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    const format: FeedFormat | undefined = type === 'application/json' ? 'json' : type === 'text/csv' ? 'csv' : undefined
    if (!format) return fail(415, `Content-Type must be application/json or text/csv (got "${type || 'none'}")`)
    const declared = Number(req.headers.get('content-length') ?? 0)
    if (declared > FEED_MAX_BYTES) return fail(413, `The feed is larger than ${FEED_MAX_BYTES / 1024 / 1024} MB; split it into several imports`)
    if (!req.body) return fail(400, 'The request has no body (a feed expected)')

    const { docs: busy } = await req.payload.find({
      collection: 'imports',
      where: { and: [{ partner: { equals: partner.id } }, { status: { equals: 'running' } }, { dryRun: { equals: false } }, { updatedAt: { greater_than: new Date(Date.now() - STALE_RUN_MS).toISOString() } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (busy.length && !dryRun) return fail(409, `Import ${busy[0]!.id} of this partner is still running; try again when it has finished`)

    const dir = await mkdtemp(path.join(os.tmpdir(), 'use-feed-'))
    const file = path.join(dir, `feed.${format}`)
    const cleanup = () => rm(dir, { recursive: true, force: true })
    try {
      await spool(req.body as ReadableStream<Uint8Array>, file)
      await checkFeedSyntax(format, createReadStream(file))
    } catch (err) {
      await cleanup()
      if (err instanceof TooLarge) return fail(413, `The feed is larger than ${FEED_MAX_BYTES / 1024 / 1024} MB; split it into several imports`)
      if (err instanceof FeedSyntaxError) return fail(400, `Malformed feed: ${err.message}`)
      throw err
    }

    const startedBy = account ? `API key: ${account.name} (partner account ${account.id})` : `${(req.user as { email?: string }).email ?? 'staff'} (REST)`
    const common = { partner, dryRun, retireMissing, format, source: 'api', startedBy }
    const importId = await createImportLog(req.payload, common)
    const job = runImport(req.payload, { ...common, importId, records: parseFeed(format, createReadStream(file)) })
      .catch(() => undefined) // failures are in the log (and the server log)
      .finally(() => {
        void cleanup()
        running.delete(job)
      })
    running.add(job)
    return Response.json({ id: importId, status: 'running', report: `/api/feeds/imports/${importId}` }, { status: 202 })
  },
}

const reportEndpoint: Endpoint = {
  path: '/feeds/imports/:id',
  method: 'get',
  handler: async (req) => {
    const account = partnerAccountOf(req)
    if (!account && !isStaffUser(req.user)) return fail(req.user ? 403 : 401, 'Import reports are for the partner (API key) and editors')
    const id = Number(req.routeParams?.id)
    if (!Number.isInteger(id) || id < 1) return fail(400, 'id must be an import id')
    const doc = await req.payload.findByID({ collection: 'imports', id, depth: 0, overrideAccess: true, disableErrors: true })
    // another partner's import is answered like a missing one
    if (!doc || (account && idOf(doc.partner) !== idOf(account.partner))) return fail(404, `Import ${id} not found`)
    return Response.json(doc)
  },
}

const partnerKey: Array<Record<string, string[]>> = [{ partnerKey: [] }, { jwt: [] }]

export const feedEndpoints: Endpoint[] = [
  documented(schemaEndpoint, {
    summary: 'The JSON Schema of a partner feed (generated from the zod schema the import validates with)',
    tags: ['feeds'],
    responses: { '200': { description: 'JSON Schema.', content: jsonContent({ type: 'object' }) } },
  }),
  documented(importEndpoint, {
    summary: "Import a partner's feed (JSON or CSV); answers at once with the import's id",
    tags: ['feeds'],
    security: partnerKey,
    parameters: [
      pathParam('partner', 'The partner slug.', { type: 'string' }),
      queryParam('dryRun', 'Validate and report, write nothing.', { type: 'string', enum: ['true', 'false'] }),
      queryParam('retireMissing', "Archive the partner's cases missing from the feed (never deletes).", { type: 'string', enum: ['true', 'false'] }),
    ],
    requestBody: {
      required: true,
      description: 'At most 50 MB.',
      content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } }, 'text/csv': { schema: { type: 'string' } } },
    },
    responses: {
      '202': { description: 'Import started; poll the report.', content: jsonContent({ type: 'object', properties: { id: { type: 'integer' }, status: { type: 'string' }, report: { type: 'string' } } }) },
      '400': errorResponse('Malformed JSON or CSV, or a bad parameter; nothing was written.'),
      '401': errorResponse('No API key.'),
      '403': errorResponse("The key belongs to another partner."),
      '404': errorResponse('Unknown partner.'),
      '409': errorResponse('An import of this partner is running.'),
      '413': errorResponse('The body is larger than 50 MB.'),
      '415': errorResponse('Neither JSON nor CSV.'),
    },
  }),
  documented(reportEndpoint, {
    summary: "An import's progress and report (counts, per-record errors, conflicts)",
    tags: ['feeds'],
    security: partnerKey,
    parameters: [pathParam('id', 'Import id.')],
    responses: {
      '200': { description: 'The import log.', content: jsonContent({ type: 'object' }) },
      '400': errorResponse('Malformed id.'),
      '401': errorResponse('No API key.'),
      '403': errorResponse('Not your import.'),
      '404': errorResponse('No such import.'),
    },
  }),
]
