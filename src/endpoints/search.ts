import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { FACETS, searchCaseStudies, type Facet } from '../lib/search'
import { fail, zodMessage } from './respond'

const list = (name: string, item: RegExp) =>
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .refine((values) => values.length > 0 && values.every((value) => item.test(value)), { error: `${name}: malformed value` })
    .optional()

const year = (name: string) =>
  z
    .string()
    .regex(/^\d{4}$/, { error: `${name} must be a four-digit year` })
    .transform(Number)
    .optional()

const querySchema = z.strictObject({
  q: z.string().max(500, { error: 'q must be at most 500 characters' }).optional(),
  city: list('city', /^\d+$/),
  country: list('country', /^[A-Za-z]{2}$/),
  region: list('region', /^[\w-]{1,60}$/),
  topic: list('topic', /^\d+$/),
  sdg: list('sdg', /^([1-9]|1[0-7])$/),
  target: list('target', /^\d{1,2}\.[0-9a-z]{1,2}$/),
  partner: list('partner', /^\d+$/),
  award: list('award', /^\d+$/),
  status: list('status', /^[\w-]{1,40}$/),
  language: list('language', /^(en|de|fr|es)$/),
  yearFrom: year('yearFrom'),
  yearTo: year('yearTo'),
  sort: z.enum(['relevance', 'newest', 'start', 'title'], { error: 'sort must be one of relevance, newest, start, title' }).optional(),
  page: z.string().regex(/^\d+$/, { error: 'page must be a positive integer' }).transform(Number).refine((n) => n >= 1 && n <= 10000, { error: 'page must be between 1 and 10000' }).optional(),
  limit: z.string().regex(/^\d+$/, { error: 'limit must be an integer from 1 to 50' }).transform(Number).refine((n) => n >= 1 && n <= 50, { error: 'limit must be an integer from 1 to 50' }).optional(),
})

/**
 * `GET /api/case-studies/search?q=…&sdg=11,13&country=BR&sort=relevance&page=1&limit=20`: public
 * full-text search over published case studies with disjunctive facet counts (see README).
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    // the URL's own parameters: Payload adds defaults (depth, locale…) to req.query
    const raw: Record<string, string> = {}
    for (const [key, value] of new URL(req.url ?? '', 'http://localhost').searchParams) raw[key] = key in raw ? `${raw[key]},${value}` : value
    const parsed = querySchema.safeParse(raw)
    if (!parsed.success) return fail(400, zodMessage(parsed.error, 'unknown parameter'))
    const { q, yearFrom, yearTo, sort, page = 1, limit = 20, ...rest } = parsed.data
    if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) return fail(400, 'yearFrom must not be after yearTo')
    const filters: Partial<Record<Facet, string[]>> = {}
    for (const facet of FACETS) {
      const values = rest[facet]
      if (values) filters[facet] = facet === 'country' ? values.map((v) => v.toUpperCase()) : values
    }
    const query = q?.trim() || undefined
    const result = await searchCaseStudies(req.payload, { q: query, filters, yearFrom, yearTo, sort: sort ?? (query ? 'relevance' : 'newest'), page, limit }, req)
    return Response.json(result)
  },
}
