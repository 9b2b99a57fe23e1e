import type { Payload, PayloadRequest } from 'payload'

import { FACETS, FACET_COLUMNS, FACET_VALUES_LIMIT, type Facet, type SearchParams } from './search-facets'
import { answerFromIndex, GENERATION_SQL, searchIndex, type SearchIndex } from './search-index'
import { dbFor, sql, sqlArray, transactionOf, type SQL } from './sql'

/**
 * Full-text search and disjunctive faceting over published case studies, on PostgreSQL alone.
 *
 * Storage: `case_study_search`, one row per case (migrations 20261128_233655_search and later),
 * and its text document in `case_study_search_text`, rebuilt by `refreshSearch` in the transaction
 * of every change that affects them: the case itself (afterChange hook), a renamed or merged city,
 * topic or partner, a bulk import. The row holds the case's filter values as columns and arrays, so
 * a search reads these tables only: no per-facet joins over Payload's relation tables.
 *
 * Text: each locale's title (weight A), summary (B) and body (C, the text of the Lexical
 * sections) with the locale's own configuration (`use_en`, `use_de`, `use_fr`, `use_es`: accent
 * folding, then that language's stemmer), plus city, topic and partner names (D, `use_simple`:
 * accent folding only). A query is parsed with every configuration and matches when any of them
 * matches, so "parks" finds "park" in English and "Radwege" finds "Radweg" in German; the last
 * word matches as a prefix.
 *
 * Answers: outside a transaction, facets and pages come from each process's in-memory copy of the
 * filter values (src/lib/search-index.ts), kept current by `case_study_search_generation`; inside
 * one, from SQL alone (`searchWithSql`). test/search/index.test.ts holds both to the same answers.
 *
 * Migrations fill the tables by calling `refreshSearchSql`: the latest migration that changes a
 * column it reads or writes must do so, and earlier ones must not (the column would not exist yet).
 */

export { FACETS, FACET_VALUES_LIMIT, type Facet, type SearchParams }

const LANGUAGE_CONFIGS = ['use_en', 'use_de', 'use_fr', 'use_es'] as const

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

/**
 * The query in every configuration, OR-ed: a match in any language counts. Configurations that
 * parse it alike (most do for most words) appear once, so matching and ranking test each branch once.
 */
export const tsQuerySql = (tsquery: string): SQL =>
  sql`(SELECT string_agg(DISTINCT '(' || x::text || ')', ' | ')::tsquery FROM unnest(ARRAY[${sql.join(
    ['use_simple', ...LANGUAGE_CONFIGS].map((config) => sql`to_tsquery(${sql.raw(`'${config}'`)}, ${tsquery})`),
    sql`, `,
  )}]) x WHERE x::text <> '')`

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

/** A case's city as `ci`, when published: a draft city (new from a feed, see collections/Cities.ts) is not public yet. */
const PUBLISHED_CITY = `cities ci ON ci.id = r.cities_id AND ci._status = 'published'`

const NAMES = `concat_ws(' ',
  (SELECT string_agg(cl.name, ' ') FROM case_studies_rels r JOIN ${PUBLISHED_CITY} JOIN cities_locales cl ON cl._parent_id = r.cities_id WHERE r.parent_id = c.id AND r.path = 'cities'),
  (SELECT string_agg(tl.name, ' ') FROM case_studies_rels r JOIN topics_locales tl ON tl._parent_id = r.topics_id WHERE r.parent_id = c.id AND r.path IN ('topics', 'instruments', 'targetGroups')),
  (SELECT p.name FROM partners p WHERE p.id = c.provenance_source_partner_id))`

/**
 * The weighted texts of case `c`: `head` (titles A, summaries B, names D) and `body` (C).
 * `case_study_search_text` holds `document` = head || body for matching, in a table of its own
 * (id, flag, vector): a text search visits the heap row of every match, and there these are a few
 * dozen bytes. `case_study_search` holds `head` alone for ranking, with a GIN index of its own, so
 * ranking reads only the cases whose titles, summaries or names match.
 */
const textsSql = sql.raw(`LATERAL (SELECT
  coalesce(use_tsvector_agg(${HEAD_VECTORS}), ''::tsvector) || setweight(to_tsvector('use_simple', ${NAMES}), 'D') AS head,
  coalesce(use_tsvector_agg(${BODY_VECTORS}), ''::tsvector) AS body
  FROM case_studies_locales l WHERE l._parent_id = c.id) texts`)

const relIds = (path: string, column: string) =>
  `ARRAY(SELECT r.${column} FROM case_studies_rels r ${path === 'cities' ? `JOIN ${PUBLISHED_CITY}` : ''} WHERE r.parent_id = c.id AND r.path = '${path}' AND r.${column} IS NOT NULL ORDER BY r."order")`
const firstCity = (column: string) =>
  `(SELECT ci.${column} FROM case_studies_rels r JOIN ${PUBLISHED_CITY} WHERE r.parent_id = c.id AND r.path = 'cities' ORDER BY r."order" LIMIT 1)`
const localeTitle = (locale: string) => `(SELECT l.title FROM case_studies_locales l WHERE l._parent_id = c.id AND l._locale::text = ${locale})`

const ROW_COLUMNS = ['head', 'published', 'updated_at', 'title', 'language', 'status', 'start_year', 'end_year', 'published_at', 'city_ids',
  'countries', 'regions', 'topic_ids', 'sdgs', 'targets', 'partner_id', 'award_ids', 'lat', 'lng']

/**
 * SQL rebuilding the search rows of the cases matching `condition` (on `c`, a `case_studies` row):
 * the row in `case_study_search` and its `document` in `case_study_search_text`, in one statement.
 */
export const refreshSearchSql = (condition: SQL) => sql`
  WITH fresh AS MATERIALIZED (
    SELECT c.id AS case_study_id, texts.head || texts.body AS document, texts.head, (c._status = 'published' AND c.workflow_state = 'published') AS published, now() AS updated_at,
      ${sql.raw(`coalesce(${localeTitle("'en'")}, ${localeTitle('c.original_language::text')}, '')`)} AS title,
      c.original_language::text AS language, c.project_status::text AS status, c.start_year, c.end_year, c.published_at,
      ${sql.raw(relIds('cities', 'cities_id'))} AS city_ids,
      ${sql.raw(`ARRAY(SELECT DISTINCT ci.country::text FROM case_studies_rels r JOIN ${PUBLISHED_CITY} WHERE r.parent_id = c.id AND r.path = 'cities' AND ci.country IS NOT NULL)`)} AS countries,
      ${sql.raw(`ARRAY(SELECT DISTINCT ci.region::text FROM case_studies_rels r JOIN ${PUBLISHED_CITY} WHERE r.parent_id = c.id AND r.path = 'cities' AND ci.region IS NOT NULL)`)} AS regions,
      ${sql.raw(relIds('topics', 'topics_id'))} AS topic_ids,
      ${sql.raw(`ARRAY(SELECT DISTINCT s.number::int FROM case_studies_rels r JOIN sdgs s ON s.id = r.sdgs_id WHERE r.parent_id = c.id AND r.path = 'sdgs')`)} AS sdgs,
      ${sql.raw(`ARRAY(SELECT DISTINCT t.code::text FROM case_studies_rels r JOIN sdg_targets t ON t.id = r.sdg_targets_id WHERE r.parent_id = c.id AND r.path = 'sdgTargets')`)} AS targets,
      c.provenance_source_partner_id AS partner_id,
      ${sql.raw(`ARRAY(SELECT DISTINCT a.award_id FROM case_studies_awards a WHERE a._parent_id = c.id AND a.award_id IS NOT NULL)`)} AS award_ids,
      ${sql.raw(`CASE WHEN c.location_lat IS NOT NULL THEN c.location_lat::float8 ELSE ${firstCity('location_lat')}::float8 END`)} AS lat,
      ${sql.raw(`CASE WHEN c.location_lat IS NOT NULL THEN c.location_lng::float8 ELSE ${firstCity('location_lng')}::float8 END`)} AS lng
    FROM case_studies c, ${textsSql} WHERE ${condition}
  ), rows AS (
    INSERT INTO case_study_search (case_study_id, ${sql.raw(ROW_COLUMNS.join(', '))})
    SELECT case_study_id, ${sql.raw(ROW_COLUMNS.join(', '))} FROM fresh
    ON CONFLICT (case_study_id) DO UPDATE SET ${sql.raw(ROW_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', '))}
  )
  INSERT INTO case_study_search_text (case_study_id, published, document) SELECT case_study_id, published, document FROM fresh
  ON CONFLICT (case_study_id) DO UPDATE SET published = excluded.published, document = excluded.document`

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

/** Case `s` (a `case_study_search` row) matches the tsquery in its document (GIN on the narrow text table). */
export const documentMatches = (query: SQL): SQL =>
  sql`s.case_study_id IN (SELECT t.case_study_id FROM case_study_search_text t WHERE t.document @@ ${query})`

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
  conds.push(documentMatches(sql`q.query`))
  return {
    from: sql`case_study_search s, (SELECT ${tsQuerySql(tsquery)} AS query) q`,
    where: sql.join(conds, sql` AND `),
    // title and summary matches rank by weight; a match in the body only ranks 0 (then newest
    // first), without computing the cover density of every body-only match
    rank: sql`CASE WHEN s.head @@ q.query THEN ts_rank(s.head, q.query) ELSE 0 END::real`,
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

/** The page's cases as a JSON array, in `order`, from `pageRows` (a relation `page` with `id` and `rank`). */
function docsJson(pageRows: SQL, order: SQL, query: SQL | null): SQL {
  const headlineConfig = sql.raw(`('use_' || c.original_language::text)::regconfig`)
  const headline = query
    ? sql`ts_headline(${headlineConfig}, concat_ws(' — ', coalesce(en.title, orig.title), coalesce(en.summary, orig.summary)), ${query},
        'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=10')`
    : sql`NULL::text`
  return sql`(SELECT coalesce(json_agg(json_build_object('id', c.id, 'slug', c.slug, 'title', coalesce(en.title, orig.title), 'teaser', coalesce(en.teaser, orig.teaser),
      'summary', coalesce(en.summary, orig.summary), 'startYear', c.start_year, 'endYear', c.end_year, 'projectStatus', c.project_status,
      'originalLanguage', c.original_language, 'publishedAt', c.published_at, 'updatedAt', c.updated_at, 'rank', page.rank, 'snippet', ${headline})
      ORDER BY ${order}), '[]'::json)
    FROM ${pageRows} JOIN case_studies c ON c.id = page.id
    LEFT JOIN case_studies_locales en ON en._parent_id = c.id AND en._locale = 'en'
    LEFT JOIN case_studies_locales orig ON orig._parent_id = c.id AND orig._locale::text = c.original_language::text)`
}

export type SearchResult = {
  docs: Array<Record<string, unknown>>
  totalDocs: number
  page: number
  limit: number
  totalPages: number
  facets: Record<Facet, Array<{ value: string | number; label: string; count: number }>>
}

function result(params: SearchParams, docs: Array<Record<string, unknown>>, total: number, facets: SearchResult['facets'], ranked: boolean): SearchResult {
  return {
    docs: docs.map((doc) => ({ ...doc, rank: ranked ? Number(doc.rank) : null })),
    totalDocs: total,
    page: params.page,
    limit: params.limit,
    totalPages: Math.ceil(total / params.limit),
    facets,
  }
}

const facetItem = (facet: Facet, value: unknown, label: unknown, count: unknown) => ({
  value: facet === 'sdg' ? Number(value) : String(value),
  label: (label as string | null) ?? String(value),
  count: Number(count),
})

/**
 * Search: outside a transaction from the in-memory facet index (src/lib/search-index.ts) with
 * PostgreSQL matching and ranking the text; inside one (a hook, a test, which may see its own
 * uncommitted rows) with SQL alone. Both give the same answer.
 */
export async function searchCaseStudies(payload: Payload, params: SearchParams, req?: Partial<PayloadRequest>): Promise<SearchResult> {
  return (await transactionOf(req)) !== undefined ? searchWithSql(payload, params, req) : searchWithIndex(payload, params)
}

/**
 * PostgreSQL finds the text matches, with the index's generation in the same snapshot; the index
 * counts the facets and applies the filters; one more statement ranks what is left (only cases
 * whose head, their titles, summaries and names, matches rank above 0: see `matchingCases`), reads
 * the page's cases and the labels of the facet values shown.
 */
export async function searchWithIndex(payload: Payload, params: SearchParams): Promise<SearchResult> {
  const db = await dbFor(payload)
  const match = matchingCases({ q: params.q })
  const generation = sql.raw(GENERATION_SQL)
  let index: SearchIndex
  let matches: Int32Array | undefined
  let queryText: string | null = null
  if (match.query) {
    const { rows } = await db.execute(sql`
      SELECT ${generation} AS generation, q.query::text AS query,
        (SELECT coalesce(json_agg(t.case_study_id), '[]') FROM case_study_search_text t WHERE t.published AND t.document @@ q.query) AS ids
      FROM (SELECT ${match.query} AS query) q`)
    const row = rows[0] as { generation: string; query: string | null; ids: number[] }
    queryText = row.query
    index = await searchIndex(payload, row.generation)
    const docs: number[] = []
    for (const id of row.ids) {
      const doc = index.docOf.get(id)
      // a case unpublished since the match is missing from the (newer) index
      if (doc !== undefined) docs.push(doc)
    }
    matches = Int32Array.from(docs)
  } else {
    const { rows } = await db.execute(sql`SELECT ${generation} AS generation`)
    index = await searchIndex(payload, (rows[0] as { generation: string }).generation)
  }
  const answer = answerFromIndex(index, params, matches)

  // the parsed query as a constant: the planner then estimates from the statistics how many heads match
  const query = sql`(SELECT ${queryText}::tsquery AS query) q`
  let pageRows: SQL
  if (answer.page) {
    const listed = sql`unnest(${sqlArray(answer.page, 'int')}) WITH ORDINALITY p(id, position)`
    pageRows = match.query
      ? sql`(SELECT p.id, ${match.rank} AS rank, p.position FROM ${listed} JOIN case_study_search s ON s.case_study_id = p.id, ${query}) page`
      : sql`(SELECT p.id, NULL::real AS rank, p.position FROM ${listed}) page`
  } else {
    // by relevance: the answer's head matches ranked (GIN on head, or the ids when they are few),
    // then the rest (rank 0) newest id first, as in SQL
    const offset = (params.page - 1) * params.limit
    const ids = Int32Array.from(answer.result, (doc) => index.ids[doc]!).sort().reverse()
    const literal = `{${ids.join(',')}}`
    const list = () => sql`${literal}::int[]`
    // a few ids: look them up by primary key; many: scan the GIN index on head and test each
    // match against the list (`+ 0` keeps the planner from AND-ing in a primary-key bitmap of
    // every listed id, which costs more than the whole rest of the search)
    const inList = ids.length <= 2000 ? sql`s.case_study_id = ANY(${list()})` : sql`s.case_study_id + 0 = ANY(${list()})`
    pageRows = sql`(WITH head AS (SELECT s.case_study_id AS id, ${match.rank} AS rank FROM case_study_search s, ${query} WHERE s.head @@ q.query AND ${inList}),
        rest AS (SELECT r.id, 0::real AS rank FROM unnest(${list()}) WITH ORDINALITY r(id, o) WHERE r.id NOT IN (SELECT id FROM head) ORDER BY r.o LIMIT ${offset + params.limit})
      SELECT id, rank, row_number() OVER (ORDER BY rank DESC, id DESC) AS position FROM (SELECT * FROM head UNION ALL SELECT * FROM rest) ranked
      ORDER BY rank DESC, id DESC LIMIT ${params.limit} OFFSET ${offset}) page`
  }
  const labels = FACETS.filter((facet) => LABELS[facet] && answer.facets[facet].length).map(
    (facet) => sql`${facet}::text, (SELECT json_object_agg(v.value, ${sql.raw(LABELS[facet]!)}) FROM unnest(${sqlArray(answer.facets[facet].map((item) => item.value), 'int')}) v(value))`,
  )
  const { rows } = await db.execute(sql`SELECT ${docsJson(pageRows, sql`page.position`, match.query)} AS docs,
    ${labels.length ? sql`json_build_object(${sql.join(labels, sql`, `)})` : sql`'{}'::json`} AS labels`)
  const row = rows[0] as { docs: Array<Record<string, unknown>>; labels: Record<string, Record<string, string | null> | null> }
  const facets = Object.fromEntries(
    FACETS.map((facet) => [facet, answer.facets[facet].map((item) => facetItem(facet, item.value, row.labels[facet]?.[String(item.value)], item.count))]),
  ) as SearchResult['facets']
  return result(params, row.docs, answer.total, facets, Boolean(match.query))
}

/**
 * The page with the total, and each facet's counts, as separate statements that PostgreSQL can
 * each answer from the GIN indexes: a facet is counted over the cases matching the query and every
 * *other* facet's filter (OR within a facet, AND across). Outside a transaction they run side by
 * side on the pool; inside one (a hook, a test), one after the other on its connection.
 */
export async function searchWithSql(payload: Payload, params: SearchParams, req?: Partial<PayloadRequest>): Promise<SearchResult> {
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
  const pageStatement = sql`
    WITH page AS (
      SELECT s.case_study_id AS id, ${match.rank} AS rank, s.start_year, s.title, s.published_at FROM ${match.from}
      WHERE ${where()} ORDER BY ${order('')} LIMIT ${params.limit} OFFSET ${offset}
    )
    SELECT (SELECT count(*)::int FROM ${match.from} WHERE ${where()}) AS total, ${docsJson(sql`page`, order('page'), match.query)} AS docs`

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
        SELECT ${value} AS value, count(*)::int AS n, row_number() OVER (ORDER BY count(*) DESC, ${numeric ? value : sql`${value}::text COLLATE "C"`}) AS position
        FROM ${from} WHERE ${where(facet)} AND ${value} IS NOT NULL GROUP BY ${value}
      ) v WHERE v.position <= ${FACET_VALUES_LIMIT} OR ${selected} ORDER BY v.position`
  }

  const statements = [pageStatement, ...FACETS.map(facetStatement)]
  const results = (await transactionOf(req)) !== undefined
    ? await statements.reduce<Promise<Array<{ rows: Array<Record<string, unknown>> }>>>(async (done, statement) => [...(await done), await db.execute(statement)], Promise.resolve([]))
    : await Promise.all(statements.map((statement) => db.execute(statement)))
  const row = results[0]!.rows[0] as { total: number; docs: Array<Record<string, unknown>> }
  const facets = Object.fromEntries(
    FACETS.map((facet, index) => [facet, results[index + 1]!.rows.map((item) => facetItem(facet, item.value, item.label, item.count))]),
  ) as SearchResult['facets']
  return result(params, row.docs, Number(row.total), facets, Boolean(match.query))
}
