import type { Payload, PayloadRequest } from 'payload'

import { dbFor, sql } from './sql'

/**
 * Full-text search and disjunctive faceting over published case studies.
 *
 * Storage: `case_study_search` (migration 20261128_233655_search), one weighted tsvector per case,
 * rebuilt by the case-studies afterChange hook in the same transaction (`refreshSearch`).
 * Text: the `simple` configuration over unaccented, lower-cased text (all locales together, no
 * stemming); weights title A, summary B, body (Lexical sections) C, and city/topic/partner
 * names D. The last query word matches as a prefix. Facets and filters read Payload's tables.
 */

const fold = (expr: ReturnType<typeof sql>) => sql`use_unaccent(lower(coalesce(${expr}, '')))`

export const FACETS = ['city', 'country', 'region', 'topic', 'sdg', 'target', 'partner', 'award', 'status', 'language'] as const
export type Facet = (typeof FACETS)[number]

/** Each facet as rows (cid, value, label) over all cases; values are compared as text. */
const SOURCES: Record<Facet, string> = {
  city: `SELECT r.parent_id AS cid, r.cities_id::text AS value, cl.name AS label FROM case_studies_rels r
         LEFT JOIN cities_locales cl ON cl._parent_id = r.cities_id AND cl._locale = 'en' WHERE r.path = 'cities' AND r.cities_id IS NOT NULL`,
  country: `SELECT DISTINCT r.parent_id AS cid, ci.country::text AS value, ci.country::text AS label FROM case_studies_rels r
         JOIN cities ci ON ci.id = r.cities_id WHERE r.path = 'cities'`,
  region: `SELECT DISTINCT r.parent_id AS cid, ci.region::text AS value, ci.region::text AS label FROM case_studies_rels r
         JOIN cities ci ON ci.id = r.cities_id WHERE r.path = 'cities' AND ci.region IS NOT NULL`,
  topic: `SELECT r.parent_id AS cid, r.topics_id::text AS value, tl.name AS label FROM case_studies_rels r
         LEFT JOIN topics_locales tl ON tl._parent_id = r.topics_id AND tl._locale = 'en' WHERE r.path = 'topics' AND r.topics_id IS NOT NULL`,
  sdg: `SELECT r.parent_id AS cid, (s.number::int)::text AS value, sl.short_title AS label FROM case_studies_rels r
         JOIN sdgs s ON s.id = r.sdgs_id LEFT JOIN sdgs_locales sl ON sl._parent_id = s.id AND sl._locale = 'en' WHERE r.path = 'sdgs'`,
  target: `SELECT r.parent_id AS cid, t.code AS value, t.code AS label FROM case_studies_rels r
         JOIN sdg_targets t ON t.id = r.sdg_targets_id WHERE r.path = 'sdgTargets'`,
  partner: `SELECT c.id AS cid, p.id::text AS value, p.name AS label FROM case_studies c JOIN partners p ON p.id = c.provenance_source_partner_id`,
  award: `SELECT DISTINCT a._parent_id AS cid, a.award_id::text AS value, al.name AS label FROM case_studies_awards a
         LEFT JOIN awards_locales al ON al._parent_id = a.award_id AND al._locale = 'en' WHERE a.award_id IS NOT NULL`,
  status: `SELECT c.id AS cid, c.project_status::text AS value, c.project_status::text AS label FROM case_studies c WHERE c.project_status IS NOT NULL`,
  language: `SELECT c.id AS cid, c.original_language::text AS value, c.original_language::text AS label FROM case_studies c WHERE c.original_language IS NOT NULL`,
}

export type SearchParams = {
  q?: string
  filters: Partial<Record<Facet, string[]>>
  yearFrom?: number
  yearTo?: number
  sort: 'relevance' | 'newest' | 'start' | 'title'
  page: number
  limit: number
}

/** `São Paulo parks` → `sao & paulo & parks:*` (accent-folded, words only, so always valid). */
export function toTsQuery(q: string): string | null {
  const words = q
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  if (!words.length) return null
  return words.map((word, index) => (index === words.length - 1 ? `${word}:*` : word)).join(' & ')
}

const localeText = (column: string) => sql.raw(`(SELECT string_agg(l.${column}, ' ') FROM case_studies_locales l WHERE l._parent_id = c.id)`)
const bodyText = sql.raw(`(SELECT string_agg(t #>> '{}', ' ') FROM case_studies_locales l,
  jsonb_path_query(jsonb_build_array(l.sections_background, l.sections_approach, l.sections_participation, l.sections_results, l.sections_challenges, l.sections_transferability), 'strict $.**.text') t
  WHERE l._parent_id = c.id)`)
const namesText = sql.raw(`concat_ws(' ',
  (SELECT string_agg(cl.name, ' ') FROM case_studies_rels r JOIN cities_locales cl ON cl._parent_id = r.cities_id WHERE r.parent_id = c.id AND r.path = 'cities'),
  (SELECT string_agg(tl.name, ' ') FROM case_studies_rels r JOIN topics_locales tl ON tl._parent_id = r.topics_id WHERE r.parent_id = c.id AND r.path IN ('topics', 'instruments', 'targetGroups')),
  (SELECT p.name FROM partners p WHERE p.id = c.provenance_source_partner_id))`)

/** The weighted document of case `c`, for the SQL of one query. */
export const documentSql = sql`(
  setweight(to_tsvector('simple', ${fold(localeText('title'))}), 'A') ||
  setweight(to_tsvector('simple', ${fold(localeText('summary'))}), 'B') ||
  setweight(to_tsvector('simple', ${fold(bodyText)}), 'C') ||
  setweight(to_tsvector('simple', ${fold(namesText)}), 'D'))`

/** SQL rebuilding the search rows of the cases matching `condition` (on `c`). */
export const refreshSearchSql = (condition: ReturnType<typeof sql>) => sql`
  INSERT INTO case_study_search (case_study_id, document, published, updated_at)
  SELECT c.id, ${documentSql}, (c._status = 'published' AND c.workflow_state = 'published'), now() FROM case_studies c WHERE ${condition}
  ON CONFLICT (case_study_id) DO UPDATE SET document = excluded.document, published = excluded.published, updated_at = excluded.updated_at`

export async function refreshSearch(payload: Payload, ids: number[], req?: Partial<PayloadRequest>): Promise<void> {
  if (!ids.length) return
  const db = await dbFor(payload, req)
  await db.execute(refreshSearchSql(sql`c.id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`))
}

function facetCondition(facet: Facet, values: string[]) {
  return sql`c.id IN (SELECT s.cid FROM (${sql.raw(SOURCES[facet])}) s WHERE s.value IN (${sql.join(values.map((v) => sql`${v}`), sql`, `)}))`
}

export async function searchCaseStudies(payload: Payload, params: SearchParams, req?: Partial<PayloadRequest>) {
  const db = await dbFor(payload, req)
  const tsquery = params.q ? toTsQuery(params.q) : null
  const base = [sql`c._status = 'published'`, sql`c.workflow_state = 'published'`]
  if (params.yearFrom !== undefined) base.push(sql`coalesce(c.end_year, c.start_year, 9999) >= ${params.yearFrom}`)
  if (params.yearTo !== undefined) base.push(sql`c.start_year <= ${params.yearTo}`)
  const facetConds = new Map<Facet, ReturnType<typeof sql>>()
  for (const facet of FACETS) {
    const values = params.filters[facet]
    if (values?.length) facetConds.set(facet, facetCondition(facet, values))
  }
  const docCte = tsquery
    ? sql`WITH m AS (SELECT c.id, ts_rank_cd(s.document, to_tsquery('simple', ${tsquery})) AS rank FROM case_study_search s
        JOIN case_studies c ON c.id = s.case_study_id WHERE s.published AND ${sql.join(base, sql` AND `)} AND s.document @@ to_tsquery('simple', ${tsquery}))`
    : sql`WITH m AS (SELECT c.id, 0::real AS rank FROM case_studies c WHERE ${sql.join(base, sql` AND `)})`
  const where = (except?: Facet) => {
    const conds = [sql`TRUE`, ...[...facetConds].filter(([facet]) => facet !== except).map(([, cond]) => cond)]
    return sql.join(conds, sql` AND `)
  }
  const order =
    params.sort === 'relevance' && tsquery ? sql`m.rank DESC, c.id DESC`
    : params.sort === 'newest' ? sql`c.updated_at DESC, c.id DESC`
    : params.sort === 'start' ? sql`c.start_year DESC NULLS LAST, c.id DESC`
    : params.sort === 'title' ? sql`title ASC, c.id ASC`
    : sql`c.updated_at DESC, c.id DESC`
  const offset = (params.page - 1) * params.limit
  const headline = tsquery
    ? sql`ts_headline('simple', ${fold(sql`concat_ws(' — ', en.title, en.summary)`)}, to_tsquery('simple', ${tsquery}), 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=10')`
    : sql`NULL::text`
  const resultQuery = sql`${docCte}
    SELECT c.id, c.slug, en.title AS title, en.teaser, en.summary, c.start_year, c.end_year, c.project_status, c.original_language,
      c.updated_at, m.rank, ${headline} AS snippet, count(*) OVER () AS total
    FROM m JOIN case_studies c ON c.id = m.id
    LEFT JOIN case_studies_locales en ON en._parent_id = c.id AND en._locale = 'en'
    WHERE ${where()} ORDER BY ${order} LIMIT ${params.limit} OFFSET ${offset}`
  const facetQuery = (facet: Facet) => sql`${docCte}
    SELECT s.value, min(s.label) AS label, count(DISTINCT c.id)::int AS count
    FROM m JOIN case_studies c ON c.id = m.id JOIN (${sql.raw(SOURCES[facet])}) s ON s.cid = c.id
    WHERE ${where(facet)} GROUP BY s.value ORDER BY count(DISTINCT c.id) DESC, s.value`
  const [results, ...facetRows] = await Promise.all([db.execute(resultQuery), ...FACETS.map((facet) => db.execute(facetQuery(facet)))])
  const rows = results.rows
  let total = rows.length ? Number(rows[0].total) : 0
  if (!rows.length && offset > 0) {
    const counted = await db.execute(sql`${docCte} SELECT count(*)::int AS n FROM m JOIN case_studies c ON c.id = m.id WHERE ${where()}`)
    total = Number(counted.rows[0]?.n ?? 0)
  }
  const facets = Object.fromEntries(
    FACETS.map((facet, index) => [
      facet,
      facetRows[index].rows.map((row) => ({ value: facet === 'sdg' ? Number(row.value) : String(row.value), label: row.label ?? String(row.value), count: Number(row.count) })),
    ]),
  )
  return {
    docs: rows.map((row) => ({
      id: Number(row.id),
      slug: row.slug,
      title: row.title,
      teaser: row.teaser,
      summary: row.summary,
      startYear: row.start_year === null ? null : Number(row.start_year),
      endYear: row.end_year === null ? null : Number(row.end_year),
      projectStatus: row.project_status,
      originalLanguage: row.original_language,
      updatedAt: row.updated_at,
      rank: tsquery ? Number(row.rank) : null,
      snippet: row.snippet,
    })),
    totalDocs: total,
    page: params.page,
    limit: params.limit,
    totalPages: Math.ceil(total / params.limit),
    facets,
  }
}
