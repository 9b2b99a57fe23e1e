/**
 * The search's facets and parameters, shared by the SQL search (src/lib/search.ts) and the
 * in-memory facet index (src/lib/search-index.ts).
 */
export const FACETS = ['city', 'country', 'region', 'topic', 'sdg', 'target', 'partner', 'award', 'status', 'language'] as const
export type Facet = (typeof FACETS)[number]

/** Where each facet's values live in `case_study_search`: an array column or a scalar one. */
export const FACET_COLUMNS: Record<Facet, { column: string; array: boolean; numeric: boolean }> = {
  city: { column: 'city_ids', array: true, numeric: true },
  country: { column: 'countries', array: true, numeric: false },
  region: { column: 'regions', array: true, numeric: false },
  topic: { column: 'topic_ids', array: true, numeric: true },
  sdg: { column: 'sdgs', array: true, numeric: true },
  target: { column: 'targets', array: true, numeric: false },
  partner: { column: 'partner_id', array: false, numeric: true },
  award: { column: 'award_ids', array: true, numeric: true },
  status: { column: 'status', array: false, numeric: false },
  language: { column: 'language', array: false, numeric: false },
}

/** How many values each facet lists at most (the most frequent first; selected values always). */
export const FACET_VALUES_LIMIT = 100

export type SearchParams = {
  q?: string
  filters: Partial<Record<Facet, string[]>>
  yearFrom?: number
  yearTo?: number
  sort: 'relevance' | 'newest' | 'start' | 'title'
  page: number
  limit: number
}
