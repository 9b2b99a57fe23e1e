import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { documented, errorResponse, filterParameters, queryParam } from '../lib/openapi'
import { caseUrl, publishedCasesAfter, type PublishedCase } from '../lib/published-cases'
import { parseDiscoveryParams, urlParams } from '../lib/search-params'
import { dbFor } from '../lib/sql'
import { fail } from './respond'

/**
 * `GET /api/case-studies/export?format=csv|json` (+ the search filters): the published cases as
 * open data, streamed. Batches of 500 rows (`exportSettings.batch`) by ascending id (keyset
 * pagination) are read only when the client has taken the previous one, so neither the server's
 * memory nor a database connection is held for the whole set, and a client that goes away simply
 * stops the reading. Not a snapshot: a case changed during a long download appears as it was when
 * its batch was read.
 */

/** Rows per batch; tests lower it to cross batch boundaries with a few cases. */
export const exportSettings = { batch: 500 }

export const EXPORT_COLUMNS = [
  'id', 'slug', 'title', 'summary', 'cities', 'countries', 'sdgs', 'targets', 'topics', 'partner',
  'projectStatus', 'startYear', 'endYear', 'originalLanguage', 'publishedAt', 'url', 'licence',
] as const
type Column = (typeof EXPORT_COLUMNS)[number]
type Record_ = Record<Column, string | number | null | Array<string | number>>

/** Several values in one CSV cell are separated by this. */
export const CSV_LIST_SEPARATOR = '|'

export function exportRecord(serverURL: string, item: PublishedCase): Record_ {
  return {
    id: item.id,
    slug: item.slug,
    title: item.title,
    summary: item.summary,
    cities: item.cities.map((city) => city.name),
    countries: item.countries,
    sdgs: item.sdgs.map((sdg) => sdg.number),
    targets: item.targets,
    topics: item.topics.map((topic) => topic.name),
    partner: item.partner,
    projectStatus: item.projectStatus,
    startYear: item.startYear,
    endYear: item.endYear,
    originalLanguage: item.originalLanguage,
    publishedAt: item.publishedAt,
    url: caseUrl(serverURL, item),
    licence: item.licence,
  }
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text starting with
 * = + - @ (or a tab or carriage return) gets a leading ' so spreadsheets do not run it as a formula.
 */
export function csvField(value: Record_[Column]): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  let text = Array.isArray(value) ? value.join(CSV_LIST_SEPARATOR) : value
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvRow = (values: Array<Record_[Column]>) => `${values.map(csvField).join(',')}\r\n`

const formatSchema = z.enum(['csv', 'json'], { error: 'format must be csv or json' }).optional()
const bomSchema = z.enum(['true', 'false'], { error: 'bom must be true or false' }).optional()

export const exportEndpoint: Endpoint = documented(
  {
    path: '/export',
    method: 'get',
    handler: async (req: PayloadRequest) => {
      const parsed = parseDiscoveryParams(urlParams(req.url), { format: formatSchema, bom: bomSchema })
      if (!parsed.ok) return fail(400, parsed.message)
      const format = parsed.extra.format ?? 'csv'
      const { filters } = parsed
      const serverURL = req.payload.config.serverURL || new URL(req.url ?? 'http://localhost').origin
      // the body is read after the handler has returned: on the pool, not on the request's transaction
      const db = await dbFor(req.payload)
      // the first batch before answering, so a failing query is a 500 and not a cut-off download
      const size = exportSettings.batch
      let batch = await publishedCasesAfter(db, filters, 0, size)
      let headerSent = false
      let written = 0
      const encoder = new TextEncoder()

      const render = (items: PublishedCase[], end: boolean): string => {
        let text = ''
        if (!headerSent) {
          text += format === 'csv' ? `${parsed.extra.bom === 'true' ? '\uFEFF' : ''}${csvRow([...EXPORT_COLUMNS])}` : '['
          headerSent = true
        }
        for (const item of items) {
          const record = exportRecord(serverURL, item)
          text += format === 'csv' ? csvRow(EXPORT_COLUMNS.map((column) => record[column])) : `${written ? ',' : ''}\n${JSON.stringify(record)}`
          written += 1
        }
        if (end && format === 'json') text += written ? '\n]\n' : ']\n'
        return text
      }

      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const items = batch
            const last = items.length < size
            if (!last) batch = await publishedCasesAfter(db, filters, items[items.length - 1]!.id, size)
            // a full batch followed by an empty one is the end too
            const end = last || batch.length === 0
            controller.enqueue(encoder.encode(render(items, end)))
            if (end) controller.close()
          } catch (err) {
            req.payload.logger.error({ err, msg: 'Open data export failed while streaming' })
            controller.error(err)
          }
        },
      })

      const date = new Date().toISOString().slice(0, 10)
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="use-case-studies-${date}.${format}"`,
          'cache-control': 'public, max-age=300',
          'x-content-type-options': 'nosniff',
        },
      })
    },
  },
  {
    summary: 'Open data: published case studies as CSV or JSON (streamed download)',
    description:
      `Columns: ${EXPORT_COLUMNS.join(', ')}. CSV per RFC 4180 (CRLF, header row; several values in a cell separated by ${CSV_LIST_SEPARATOR}; ` +
      "text starting with = + - @ is prefixed with ' against formula injection); JSON is an array of objects with lists as arrays. Ordered by id. " +
      'The search filters select the cases.',
    tags: ['case-studies', 'open-data'],
    parameters: [
      ...filterParameters,
      queryParam('format', 'csv (default) or json.', { type: 'string', enum: ['csv', 'json'] }),
      queryParam('bom', 'true: start the CSV with a UTF-8 byte order mark (for spreadsheet programs).', { type: 'string', enum: ['true', 'false'] }),
    ],
    responses: {
      '200': {
        description: 'The download (Content-Disposition: attachment).',
        content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array', items: { type: 'object' } } } },
      },
      '400': errorResponse('A parameter is unknown or malformed; the message names it.'),
    },
  },
)
