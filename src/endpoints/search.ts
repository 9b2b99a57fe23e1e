import type { Endpoint, PayloadRequest } from 'payload'

import { searchCaseStudies } from '../lib/search'
import { integerParam, parseDiscoveryParams, sortShape, urlParams } from '../lib/search-params'
import { fail } from './respond'

/**
 * `GET /api/case-studies/search?q=…&sdg=11,13&country=BR&sort=relevance&page=1&limit=20`: public
 * full-text search over published case studies with disjunctive facet counts (see README).
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const parsed = parseDiscoveryParams(urlParams(req.url), { sort: sortShape, page: integerParam('page', 1, 10000), limit: integerParam('limit', 1, 50) })
    if (!parsed.ok) return fail(400, parsed.message)
    const { sort, page = 1, limit = 20 } = parsed.extra
    const result = await searchCaseStudies(req.payload, { ...parsed.filters, sort: sort ?? (parsed.filters.q ? 'relevance' : 'newest'), page, limit }, req)
    return Response.json(result)
  },
}
