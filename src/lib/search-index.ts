import type { Payload } from 'payload'

import { FACETS, FACET_COLUMNS, FACET_VALUES_LIMIT, type Facet, type SearchParams } from './search-facets'
import { dbFor, sql } from './sql'

/**
 * The published cases' filter values in this process's memory, for counting facets.
 *
 * Why: PostgreSQL answers which cases match a text (GIN) and ranks them quickly, but counting ten
 * facets over tens of thousands of matches means unnesting every match's arrays once per facet:
 * hundreds of milliseconds at 100,000 cases. Here one pass over typed arrays counts all facets
 * (disjunctively: a case failing exactly one facet's filter still counts for that facet) and picks
 * the page, in a few milliseconds. PostgreSQL stays the source of truth: the index is a copy of
 * `case_study_search` tagged with `case_study_search_generation`, which a deferred trigger bumps in
 * every transaction that changes the table, at commit. Each search reads the generation in the
 * same statement as its text matches, and reloads the copy first when it moved, so a search never
 * answers from data older than the last commit it can see.
 */
export type SearchIndex = {
  generation: string
  /** case id of each document; documents are numbered newest first (the `newest` sort) */
  ids: Int32Array
  docOf: Map<number, number>
  startYear: Int32Array
  endYear: Int32Array
  /** documents in `start` and `title` sort order */
  byStart: Int32Array
  byTitle: Int32Array
  facets: Record<Facet, FacetValues>
  loadedInMs: number
}

/** One facet's values per document (CSR: document d has codes[offsets[d]] … codes[offsets[d + 1] - 1]). */
type FacetValues = { offsets: Int32Array; codes: Int32Array; values: Array<string | number>; codeOf: Map<string, number> }

const NO_YEAR = -2147483648

/**
 * The published cases newest first as text, a line each: `id|start|end|` then each facet's values
 * (comma-separated), `|`-separated. PostgreSQL writes this in about half the time of the same rows
 * as JSON, and splitting it costs no more than parsing JSON; ids and codes never hold `|`, `,` or
 * a line break. The two other orders come from partial indexes (index-only scans, no sort).
 */
/** The generation the search tables are at (see the migration 20261129_040000_search_generation). */
export const GENERATION_SQL = '(SELECT generation::text FROM case_study_search_generation)'

const loadStatement = () => {
  const field = (expression: string) => `coalesce((${expression})::text, '')`
  const columns = [
    field('case_study_id'),
    field('start_year'),
    field('end_year'),
    ...FACETS.map((facet) => {
      const { column, array } = FACET_COLUMNS[facet]
      return field(array ? `array_to_string(${column}, ',')` : column)
    }),
  ]
  return sql.raw(`
  SELECT ${GENERATION_SQL} AS generation,
    coalesce((SELECT string_agg(concat_ws('|', ${columns.join(', ')}), E'\n' ORDER BY published_at DESC NULLS LAST, case_study_id DESC)
      FROM case_study_search WHERE published), '') AS rows,
    (SELECT coalesce(json_agg(case_study_id), '[]') FROM (SELECT case_study_id FROM case_study_search WHERE published
      ORDER BY start_year DESC NULLS LAST, case_study_id DESC) o) AS by_start,
    (SELECT coalesce(json_agg(case_study_id), '[]') FROM (SELECT case_study_id FROM case_study_search WHERE published
      ORDER BY title ASC, case_study_id ASC) o) AS by_title`)
}

function buildIndex(row: { generation: string; rows: string; by_start: number[]; by_title: number[] }, startedAt: number): SearchIndex {
  const lines = row.rows ? row.rows.split('\n') : []
  const n = lines.length
  const ids = new Int32Array(n)
  const startYear = new Int32Array(n)
  const endYear = new Int32Array(n)
  const docOf = new Map<number, number>()
  const facets = {} as Record<Facet, FacetValues>
  const lists = FACETS.map(() => [] as number[])
  const offsets = FACETS.map(() => new Int32Array(n + 1))
  const dicts = FACETS.map((facet): FacetValues => (facets[facet] = { offsets: new Int32Array(0), codes: new Int32Array(0), values: [], codeOf: new Map() }))
  const numeric = FACETS.map((facet) => FACET_COLUMNS[facet].numeric)
  for (let doc = 0; doc < n; doc++) {
    const fields = lines[doc]!.split('|')
    const id = Number(fields[0])
    ids[doc] = id
    docOf.set(id, doc)
    startYear[doc] = fields[1] ? Number(fields[1]) : NO_YEAR
    endYear[doc] = fields[2] ? Number(fields[2]) : NO_YEAR
    for (let f = 0; f < FACETS.length; f++) {
      const raw = fields[3 + f]!
      const list = lists[f]!
      if (raw) {
        const dict = dicts[f]!
        for (const key of raw.split(',')) {
          let code = dict.codeOf.get(key)
          if (code === undefined) {
            code = dict.values.length
            dict.codeOf.set(key, code)
            dict.values.push(numeric[f] ? Number(key) : key)
          }
          list.push(code)
        }
      }
      offsets[f]![doc + 1] = list.length
    }
  }
  FACETS.forEach((facet, f) => Object.assign(facets[facet], { offsets: offsets[f]!, codes: Int32Array.from(lists[f]!) }))
  const toDocs = (caseIds: number[]) => Int32Array.from(caseIds, (id) => docOf.get(id)!)
  return {
    generation: row.generation,
    ids,
    docOf,
    startYear,
    endYear,
    byStart: toDocs(row.by_start),
    byTitle: toDocs(row.by_title),
    facets,
    loadedInMs: performance.now() - startedAt,
  }
}

type Holder = { index?: SearchIndex; loading?: Promise<SearchIndex> }
const holders = new WeakMap<Payload, Holder>()

/** The index at `generation` or newer: loads it (once, for all concurrent searches) when older. */
export async function searchIndex(payload: Payload, generation?: string): Promise<SearchIndex> {
  let holder = holders.get(payload)
  if (!holder) holders.set(payload, (holder = {}))
  const current = (index?: SearchIndex) => index && (generation === undefined || BigInt(index.generation) >= BigInt(generation))
  if (current(holder.index)) return holder.index!
  while (true) {
    if (!holder.loading) {
      const startedAt = performance.now()
      const load = (async () => {
        const db = await dbFor(payload)
        const { rows } = await db.execute(loadStatement())
        return buildIndex(rows[0] as Parameters<typeof buildIndex>[0], startedAt)
      })()
      holder.loading = load
      load.then(
        (index) => {
          if (!holder.index || BigInt(index.generation) >= BigInt(holder.index.generation)) holder.index = index
        },
        () => {},
      ).finally(() => {
        if (holder.loading === load) holder.loading = undefined
      })
    }
    const loaded = await holder.loading
    if (current(loaded)) return loaded
  }
}

export type IndexAnswer = {
  total: number
  /** the page: case ids in order; null for a text search by relevance, which PostgreSQL ranks */
  page: number[] | null
  /** the documents of the answer (every filter applied), in the order of `matches` or newest first */
  result: number[]
  facets: Record<Facet, Array<{ value: string | number; count: number }>>
}

/**
 * Facet counts, total and the page's case ids, over `matches` (the documents of a text search) or
 * every published case: the same answer as the SQL of `searchWithSql`.
 */
export function answerFromIndex(index: SearchIndex, params: SearchParams, matches?: Int32Array): IndexAnswer {
  const n = index.ids.length
  const selected = FACETS.flatMap((facet, f) => {
    const values = params.filters[facet]
    if (!values?.length) return []
    const dict = index.facets[facet]
    const wanted = new Uint8Array(dict.values.length)
    for (const value of values) {
      const code = dict.codeOf.get(FACET_COLUMNS[facet].numeric ? String(Number(value)) : value)
      if (code !== undefined) wanted[code] = 1
    }
    return [{ f, dict, wanted }]
  })
  // 1. each candidate is in the answer, fails exactly one facet's filter (and counts for that
  // facet only: OR within a facet, AND across), or is out
  const { yearFrom, yearTo } = params
  const { startYear, endYear } = index
  const inResult = new Uint8Array(n)
  const result: number[] = []
  const failing = FACETS.map(() => [] as number[])
  const checks = selected.map(({ f, dict, wanted }) => ({ f, offsets: dict.offsets, codes: dict.codes, wanted }))
  const count = matches ? matches.length : n
  for (let k = 0; k < count; k++) {
    const doc = matches ? matches[k]! : k
    if (yearFrom !== undefined && (endYear[doc] !== NO_YEAR ? endYear[doc]! : startYear[doc] !== NO_YEAR ? startYear[doc]! : 9999) < yearFrom) continue
    if (yearTo !== undefined && (startYear[doc] === NO_YEAR || startYear[doc]! > yearTo)) continue
    let failed = -1
    let out = false
    for (let j = 0; j < checks.length; j++) {
      const { offsets, codes, wanted } = checks[j]!
      let pass = false
      for (let i = offsets[doc]!, end = offsets[doc + 1]!; i < end; i++) {
        if (wanted[codes[i]!] === 1) {
          pass = true
          break
        }
      }
      if (!pass) {
        if (failed !== -1) {
          out = true
          break
        }
        failed = checks[j]!.f
      }
    }
    if (out) continue
    if (failed !== -1) failing[failed]!.push(doc)
    else {
      inResult[doc] = 1
      result.push(doc)
    }
  }
  const total = result.length

  // 2. counts, one facet at a time
  const counts = FACETS.map((facet, f) => {
    const { offsets, codes, values } = index.facets[facet]
    const c = new Int32Array(values.length)
    for (const list of [result, failing[f]!]) {
      for (let k = 0; k < list.length; k++) {
        const doc = list[k]!
        for (let i = offsets[doc]!, end = offsets[doc + 1]!; i < end; i++) c[codes[i]!]!++
      }
    }
    return c
  })

  const offset = (params.page - 1) * params.limit
  let page: number[] | null = null
  if (params.sort === 'relevance' && matches) {
    // ranked by the caller (PostgreSQL), over `result`
  } else if (params.sort === 'relevance' || (params.sort === 'newest' && !matches)) {
    // `result` is newest first already
    page = result.slice(offset, offset + params.limit).map((doc) => index.ids[doc]!)
  } else {
    const order = params.sort === 'start' ? index.byStart : params.sort === 'title' ? index.byTitle : null
    page = []
    let seen = 0
    for (let i = 0; i < n && page.length < params.limit; i++) {
      const doc = order ? order[i]! : i
      if (inResult[doc] && seen++ >= offset) page.push(index.ids[doc]!)
    }
  }

  const facets = {} as IndexAnswer['facets']
  FACETS.forEach((facet, f) => {
    const { values } = index.facets[facet]
    const c = counts[f]!
    const wanted = selected.find((s) => s.f === f)?.wanted
    const present: number[] = []
    for (let code = 0; code < c.length; code++) if (c[code]! > 0) present.push(code)
    const { numeric } = FACET_COLUMNS[facet]
    present.sort((a, b) => c[b]! - c[a]! || (numeric ? (values[a] as number) - (values[b] as number) : String(values[a]) < String(values[b]) ? -1 : String(values[a]) > String(values[b]) ? 1 : 0))
    facets[facet] = present
      .filter((code, position) => position < FACET_VALUES_LIMIT || wanted?.[code] === 1)
      .map((code) => ({ value: values[code]!, count: c[code]! }))
  })
  return { total, page, result, facets }
}
