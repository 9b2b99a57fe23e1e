import type { Endpoint, PayloadRequest } from 'payload'

import { searchCaseStudies } from '../lib/search'
import { integerParam, parseDiscoveryParams, sortShape, urlParams } from '../lib/search-params'
import { documented, errorResponse, filterParameters, jsonContent, queryParam, ref } from '../lib/openapi'
import { fail } from './respond'

/**
 * `GET /api/case-studies/search?q=…&sdg=11,13&country=BR&sort=relevance&page=1&limit=20`: public
 * full-text search over published case studies with disjunctive facet counts (see README).
 */
export const searchEndpoint: Endpoint = documented({
  path: '/search',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const parsed = parseDiscoveryParams(urlParams(req.url), { sort: sortShape, page: integerParam('page', 1, 10000), limit: integerParam('limit', 1, 50) })
    if (!parsed.ok) return fail(400, parsed.message)
    const { sort, page = 1, limit = 20 } = parsed.extra
    const result = await searchCaseStudies(req.payload, { ...parsed.filters, sort: sort ?? (parsed.filters.q ? 'relevance' : 'newest'), page, limit }, req)
    return Response.json(result)
  },
}, {
  summary: 'Search published case studies with filters and facet counts',
  tags: ['case-studies'],
  parameters: [
    ...filterParameters,
    queryParam('sort', 'relevance (default with q), newest (default without), start, title.', { type: 'string', enum: ['relevance', 'newest', 'start', 'title'] }),
    queryParam('page', 'Page, 1–10000.', { type: 'integer', minimum: 1, maximum: 10000 }),
    queryParam('limit', 'Page size, 1–50 (default 20).', { type: 'integer', minimum: 1, maximum: 50 }),
  ],
  responses: { '200': { description: 'A page of hits, the total and the facets.', content: jsonContent(ref('SearchResult')) }, '400': errorResponse('A parameter is unknown or malformed; the message names it.') },
})
