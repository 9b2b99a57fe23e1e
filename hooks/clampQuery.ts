import type { CollectionBeforeOperationHook } from 'payload'

import { isAdminUser } from '../access/roles'

export const MAX_LIMIT = 100
export const MAX_DEPTH = 3
const DEFAULT_LIMIT = 10

const clampLimit = (value: number | string) => {
  const limit = Number(value)
  return !Number.isFinite(limit) || limit <= 0 ? MAX_LIMIT : Math.min(Math.floor(limit), MAX_LIMIT)
}

/**
 * Payload serves `limit=0` (everything) and `depth` up to the config's maxDepth to anyone. Over
 * REST and GraphQL, everyone but admins gets at most MAX_LIMIT documents per page and MAX_DEPTH
 * levels of relationships; the local API (our own code) is not limited.
 */
export const clampQuery: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI === 'local' || isAdminUser(req.user)) return args
  const a = args as { limit?: number | string; depth?: number | string; pagination?: boolean; id?: unknown; joins?: Record<string, unknown> | false }
  if (a.id === undefined) {
    a.limit = clampLimit(a.limit ?? DEFAULT_LIMIT)
    a.pagination = true
  }
  // a join field is a page of documents too (`joins[caseStudies][limit]=0` asks for all of them)
  for (const join of Object.values(a.joins || {})) {
    const query = join as { limit?: number | string } | false | undefined
    if (query && typeof query === 'object' && query.limit !== undefined) query.limit = clampLimit(query.limit)
  }
  if (a.depth !== undefined && a.depth !== null) {
    const depth = Number(a.depth)
    a.depth = Number.isFinite(depth) ? Math.max(0, Math.min(Math.floor(depth), MAX_DEPTH)) : 1
  }
  return args
}
