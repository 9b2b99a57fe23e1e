import type { Payload, PayloadRequest } from 'payload'

import { dbFor, sql, sqlArray, type SQL } from './sql'

/**
 * Full-text search and disjunctive faceting over published case studies, on PostgreSQL alone.
 *
 * Storage: `case_study_search`, one row per case (migrations 20261128_233655_search and
 * 20261129_004633_case_published_at), rebuilt by `refreshSearch` in the transaction of every
 * change that affects it: the case itself (afterChange hook), a renamed or merged city, topic or
 * partner, a bulk import. Besides the document it holds the case's filter values as columns and
 * arrays, so a search reads this one table: no per-facet joins over Payload's relation tables.
 *
 * Text: each locale's title (weight A), summary (B) and body (C, the text of the Lexical
 * sections) with the locale's own configuration (`use_en`, `use_de`, `use_fr`, `use_es`: accent
 * folding, then that language's stemmer), plus city, topic and partner names (D, `use_simple`:
 * accent folding only). A query is parsed with every configuration and matches when any of them
 * matches, so "parks" finds "park" in English and "Radwege" finds "Radweg" in German; the last
 * word matches as a prefix.
 *
 * Migrations fill the table by calling `refreshSearchSql`: the latest migration that changes the
 * table's columns must do so, and earlier ones must not (their columns would not exist yet).
 */

export const FACETS = ['city', 'country', 'region', 'topic', 'sdg', 'target', 'partner', 'award', 'status', 'language'] as const
export type Facet = (typeof FACETS)[number]
const LANGUAGE_CONFIGS = ['use_en', 'use_de', 'use_fr', 'use_es'] as const

/** Where each facet's values live in `case_study_search`: an array column or a scalar one. */
const FACET_COLUMNS: Record<Facet, { column: string; array: boolean; numeric: boolean }> = {
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

/** `São Paulo parks` → `sao & paulo & parks:*`: words only, so always a valid tsquery. */
export function toTsQuery(q: string): string | null {
  const words = q
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 32)
  if (!words.length) return null
  return words.map((word, index) => (index === words.length - 1 ? `${word}:*` : word)).join(' & ')
}

/** The query in every configuration, OR-ed: a match in any language counts. */
export const tsQuerySql = (tsquery: string): SQL =>
  sql.join(
    ['use_simple', ...LANGUAGE_CONFIGS].map((config) => sql`to_tsquery(${sql.raw(`'${config}'`)}, ${tsquery})`),
    sql` || `,
  )

const BODY_OF_LOCALE_ROW = `(SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(jsonb_build_array(l.sections_background,
  l.sections_approach, l.sections_participation, l.sections_results, l.sections_challenges, l.sections_transferability), 'strict $.**.text') t)`

/**
 * Each locale's texts in that locale's configuration only: the stemmer maps a word the same way
 * in the document and in the query (which is parsed with every configuration), so exact words match
 * too, and one vector instead of two halves the cost of indexing 100,000 long bodies.
 */
const LOCALE_CONFIG = `('use_' || l._locale::text)::regconfig`
const HEAD_VECTORS = `setweight(to_tsvector(${LOCALE_CONFIG}, coalesce(l.title, '')), 'A') || setweight(to_tsvector(${LOCALE_CONFIG}, coalesce(l.summary, '')), 'B')`
const BODY_VECTORS = `setweight(to_tsvector(${LOCALE_CONFIG}, coalesce(${BODY_OF_LOCALE_ROW}, '')), 'C')`

const NAMES = `concat_ws(' ',
  (SELECT string_agg(cl.name, ' ') FROM case_studies_rels r JOIN cities_locales cl ON cl._parent_id = r.cities_id WHERE r.parent_id = c.id AND r.path = 'cities'),
  (SELECT string_agg(tl.name, ' ') FROM case_studies_rels r JOIN topics_locales tl ON tl._parent_id = r.topics_id WHERE r.parent_id = c.id AND r.path IN ('topics', 'instruments', 'targetGroups')),
  (SELECT p.name FROM partners p WHERE p.id = c.provenance_source_partner_id))`

/**
 * The weighted texts of case `c`: `head` (titles A, summaries B, names D) and `body` (C). Rows
 * store `document` = head || body for matching (GIN) and `head` alone for ranking: ranking reads
 * the vector of every match, and the head is a few hundred bytes where a long body is many kB.
 */
const textsSql = sql.raw(`LATERAL (SELECT
  coalesce(use_tsvector_agg(${HEAD_VECTORS}), ''::tsvector) || setweight(to_tsvector('use_simple', ${NAMES}), 'D') AS head,
  coalesce(use_tsvector_agg(${BODY_VECTORS}), ''::tsvector) AS body
  FROM case_studies_locales l WHERE l._parent_id = c.id) texts`)

const relIds = (path: string, column: string) =>
  `ARRAY(SELECT r.${column} FROM case_studies_rels r WHERE r.parent_id = c.id AND r.path = '${path}' AND r.${column} IS NOT NULL ORDER BY r."order")`
const firstCity = (column: string) =>
  `(SELECT ci.${column} FROM case_studies_rels r JOIN cities ci ON ci.id = r.cities_id WHERE r.parent_id = c.id AND r.path = 'cities' ORDER BY r."order" LIMIT 1)`
const localeTitle = (locale: string) => `(SELECT l.title FROM case_studies_locales l WHERE l._parent_id = c.id AND l._locale::text = ${locale})`

/** SQL rebuilding the search rows of the cases matching `condition` (on `c`, a `case_studies` row). */
export const refreshSearchSql = (condition: SQL) => sql`
  INSERT INTO case_study_search (case_study_id, document, head, published, updated_at, title, language, status, start_year, end_year,
    published_at, city_ids, countries, regions, topic_ids, sdgs, targets, partner_id, award_ids, lat, lng)
  SELECT c.id, texts.head || texts.body, texts.head, (c._status = 'published' AND c.workflow_state = 'published'), now(),
    ${sql.raw(`coalesce(${localeTitle("'en'")}, ${localeTitle('c.original_language::text')}, '')`)},
    c.original_language::text, c.project_status::text, c.start_year, c.end_year, c.published_at,
    ${sql.raw(relIds('cities', 'cities_id'))},
    ${sql.raw(`ARRAY(SELECT DISTINCT ci.country::text FROM case_studies_rels r JOIN cities ci ON ci.id = r.cities_id WHERE r.parent_id = c.id AND r.path = 'cities' AND ci.country IS NOT NULL)`)},
    ${sql.raw(`ARRAY(SELECT DISTINCT ci.region::text FROM case_studies_rels r JOIN cities ci ON ci.id = r.cities_id WHERE r.parent_id = c.id AND r.path = 'cities' AND ci.region IS NOT NULL)`)},
    ${sql.raw(relIds('topics', 'topics_id'))},
    ${sql.raw(`ARRAY(SELECT DISTINCT s.number::int FROM case_studies_rels r JOIN sdgs s ON s.id = r.sdgs_id WHERE r.parent_id = c.id AND r.path = 'sdgs')`)},
    ${sql.raw(`ARRAY(SELECT DISTINCT t.code::text FROM case_studies_rels r JOIN sdg_targets t ON t.id = r.sdg_targets_id WHERE r.parent_id = c.id AND r.path = 'sdgTargets')`)},
    c.provenance_source_partner_id,
    ${sql.raw(`ARRAY(SELECT DISTINCT a.award_id FROM case_studies_awards a WHERE a._parent_id = c.id AND a.award_id IS NOT NULL)`)},
    ${sql.raw(`CASE WHEN c.location_lat IS NOT NULL THEN c.location_lat::float8 ELSE ${firstCity('location_lat')}::float8 END`)},
    ${sql.raw(`CASE WHEN c.location_lat IS NOT NULL THEN c.location_lng::float8 ELSE ${firstCity('location_lng')}::float8 END`)}
  FROM case_studies c, ${textsSql} WHERE ${condition}
  ON CONFLICT (case_study_id) DO UPDATE SET document = excluded.document, head = excluded.head, published = excluded.published, updated_at = excluded.updated_at,
    title = excluded.title, language = excluded.language, status = excluded.status, start_year = excluded.start_year,
    end_year = excluded.end_year, published_at = excluded.published_at, city_ids = excluded.city_ids, countries = excluded.countries,
    regions = excluded.regions, topic_ids = excluded.topic_ids, sdgs = excluded.sdgs, targets = excluded.targets,
    partner_id = excluded.partner_id, award_ids = excluded.award_ids, lat = excluded.lat, lng = excluded.lng`

export async function refreshSearch(payload: Payload, ids: number[], req?: Partial<PayloadRequest>): Promise<void> {
  if (!ids.length) return
  const db = await dbFor(payload, req)
  await db.execute(refreshSearchSql(sql`c.id = ANY(${sqlArray(ids, 'int')})`))
}

/** Rebuilds the rows of every case that refers to a city, topic or partner (after a rename or merge). */
export async function refreshSearchFor(payload: Payload, ref: { collection: 'cities' | 'topics' | 'partners'; ids: number[] }, req?: Partial<PayloadRequest>): Promise<void> {
  if (!ref.ids.length) return
  const db = await dbFor(payload, req)
  const ids = sqlArray(ref.ids, 'int')
  const condition =
    ref.collection === 'partners'
      ? sql`c.provenance_source_partner_id = ANY(${ids})`
      : ref.collection === 'cities'
        ? sql`c.id IN (SELECT r.parent_id FROM case_studies_rels r WHERE r.path = 'cities' AND r.cities_id = ANY(${ids}))`
        : sql`c.id IN (SELECT r.parent_id FROM case_studies_rels r WHERE r.path IN ('topics', 'instruments', 'targetGroups') AND r.topics_id = ANY(${ids}))`
  await db.execute(refreshSearchSql(condition))
}

/** `column && '{…}'` (arrays) or `column = ANY('{…}')` (scalars), on the alias `s`. */
function facetMatch(facet: Facet, values: string[]): SQL {
  const { column, array, numeric } = FACET_COLUMNS[facet]
  const typed = sqlArray(values, numeric ? 'int' : 'text')
  return array ? sql`s.${sql.raw(column)} && ${typed}` : sql`s.${sql.raw(column)} = ANY(${typed})`
}

/** The published cases that match the text and the non-facet filters, as rows of `case_study_search s`. */
export function matchingCases(params: Pick<SearchParams, 'q' | 'yearFrom' | 'yearTo'>): { from: SQL; where: SQL; rank: SQL; query: SQL | null } {
  const tsquery = params.q ? toTsQuery(params.q) : null
  const conds = [sql`s.published`]
  if (params.yearFrom !== undefined) conds.push(sql`coalesce(s.end_year, s.start_year, 9999) >= ${params.yearFrom}`)
  if (params.yearTo !== undefined) conds.push(sql`s.start_year <= ${params.yearTo}`)
  if (!tsquery) return { from: sql`case_study_search s`, where: sql.join(conds, sql` AND `), rank: sql`0::real`, query: null }
  conds.push(sql`s.document @@ q.query`)
  return {
    from: sql`case_study_search s, (SELECT ${tsQuerySql(tsquery)} AS query) q`,
    where: sql.join(conds, sql` AND `),
    // title and summary matches rank by weight; a match in the body only ranks 0 (then newest first)
    rank: sql`ts_rank_cd(s.head, q.query)`,
    query: tsQuerySql(tsquery),
  }
}

/** Every facet condition of the request, with the filter values. */
export function facetConditions(filters: SearchParams['filters']): Map<Facet, SQL> {
  const conds = new Map<Facet, SQL>()
  for (const facet of FACETS) {
    const values = filters[facet]
    if (values?.length) conds.set(facet, facetMatch(facet, values))
  }
  return conds
}

const LABELS: Partial<Record<Facet, string>> = {
  city: `(SELECT name FROM cities_locales WHERE _parent_id = v.value AND _locale = 'en')`,
  topic: `(SELECT name FROM topics_locales WHERE _parent_id = v.value AND _locale = 'en')`,
  sdg: `(SELECT sl.short_title FROM sdgs s JOIN sdgs_locales sl ON sl._parent_id = s.id AND sl._locale = 'en' WHERE s.number::int = v.value LIMIT 1)`,
  partner: `(SELECT name FROM partners WHERE id = v.value)`,
  award: `(SELECT name FROM awards_locales WHERE _parent_id = v.value AND _locale = 'en')`,
}

/**
 * The page with the total, and each facet's counts, as separate statements that PostgreSQL can
 * each answer from the GIN indexes: a facet is counted over the cases matching the query and every
 * *other* facet's filter (OR within a facet, AND across). Outside a transaction they run side by
 * side on the pool; inside one (a hook, a test), one after the other on its connection.
 */
export async function searchCaseStudies(payload: Payload, params: SearchParams, req?: Partial<PayloadRequest>) {
  const db = await dbFor(payload, req)
  const match = matchingCases(params)
  const conds = facetConditions(params.filters)
  const where = (except?: Facet) => sql.join([match.where, ...[...conds].filter(([facet]) => facet !== except).map(([, cond]) => cond)], sql` AND `)
  const order = (alias: string) => {
    const a = sql.raw(alias ? `${alias}.` : '')
    return params.sort === 'relevance' && match.query ? sql`${a}rank DESC, ${a}id DESC`
      : params.sort === 'start' ? sql`${a}start_year DESC NULLS LAST, ${a}id DESC`
      : params.sort === 'title' ? sql`${a}title ASC, ${a}id ASC`
      : sql`${a}published_at DESC NULLS LAST, ${a}id DESC`
  }
  const offset = (params.page - 1) * params.limit
  const headlineConfig = sql.raw(`('use_' || c.original_language::text)::regconfig`)
  const headline = match.query
    ? sql`ts_headline(${headlineConfig}, concat_ws(' — ', coalesce(en.title, orig.title), coalesce(en.summary, orig.summary)), ${match.query},
        'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=10')`
    : sql`NULL::text`

  const pageStatement = sql`
    WITH page AS (
      SELECT s.case_study_id AS id, ${match.rank} AS rank, s.start_year, s.title, s.published_at FROM ${match.from}
      WHERE ${where()} ORDER BY ${order('')} LIMIT ${params.limit} OFFSET ${offset}
    )
    SELECT
      (SELECT count(*)::int FROM ${match.from} WHERE ${where()}) AS total,
      (SELECT coalesce(json_agg(json_build_object('id', c.id, 'slug', c.slug, 'title', coalesce(en.title, orig.title), 'teaser', coalesce(en.teaser, orig.teaser),
          'summary', coalesce(en.summary, orig.summary), 'startYear', c.start_year, 'endYear', c.end_year, 'projectStatus', c.project_status,
          'originalLanguage', c.original_language, 'publishedAt', c.published_at, 'updatedAt', c.updated_at, 'rank', page.rank, 'snippet', ${headline})
          ORDER BY ${order('page')}), '[]'::json)
        FROM page JOIN case_studies c ON c.id = page.id
        LEFT JOIN case_studies_locales en ON en._parent_id = c.id AND en._locale = 'en'
        LEFT JOIN case_studies_locales orig ON orig._parent_id = c.id AND orig._locale::text = c.original_language::text) AS docs`

  const facetStatement = (facet: Facet) => {
    const { column, array, numeric } = FACET_COLUMNS[facet]
    const value = array ? sql.raw('x') : sql.raw(`s.${column}`)
    const from = array ? sql`${match.from}, unnest(s.${sql.raw(column)}) x` : match.from
    const values = params.filters[facet] ?? []
    const selected = !values.length ? sql`FALSE`
      : numeric ? sql`v.value::int = ANY(${sqlArray(values, 'int')})`
      : sql`v.value::text = ANY(${sqlArray(values, 'text')})`
    const label = LABELS[facet] ? sql.raw(LABELS[facet]!) : sql`NULL::text`
    return sql`
      SELECT v.value::text AS value, ${label} AS label, v.n AS count FROM (
        SELECT ${value} AS value, count(*)::int AS n, row_number() OVER (ORDER BY count(*) DESC, ${value}) AS position
        FROM ${from} WHERE ${where(facet)} AND ${value} IS NOT NULL GROUP BY ${value}
      ) v WHERE v.position <= ${FACET_VALUES_LIMIT} OR ${selected} ORDER BY v.position`
  }

  const statements = [pageStatement, ...FACETS.map(facetStatement)]
  const inTransaction = req?.transactionID !== undefined && (await req.transactionID) !== undefined
  const results = inTransaction
    ? await statements.reduce<Promise<Array<{ rows: Array<Record<string, unknown>> }>>>(async (done, statement) => [...(await done), await db.execute(statement)], Promise.resolve([]))
    : await Promise.all(statements.map((statement) => db.execute(statement)))
  const row = results[0]!.rows[0] as { total: number; docs: Array<Record<string, unknown>> }
  const total = Number(row.total)
  const facets = Object.fromEntries(
    FACETS.map((facet, index) => [
      facet,
      results[index + 1]!.rows.map((item) => ({
        value: facet === 'sdg' ? Number(item.value) : String(item.value),
        label: (item.label as string | null) ?? String(item.value),
        count: Number(item.count),
      })),
    ]),
  )
  return {
    docs: row.docs.map((doc) => ({ ...doc, rank: match.query ? Number(doc.rank) : null })),
    totalDocs: total,
    page: params.page,
    limit: params.limit,
    totalPages: Math.ceil(total / params.limit),
    facets,
  }
}
