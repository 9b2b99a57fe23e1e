import { facetConditions, matchingCases } from './search'
import type { Filters } from './search-params'
import { dbFor, sql, type SQL } from './sql'

/**
 * Published case studies as the feeds and the open-data export show them: selected through the
 * search table (`case_study_search s`, whose `published` flag is the one source of truth, so a
 * draft, archived or unpublished case is never read), texts and names joined for those rows only.
 * Titles and summaries are the English ones, else the original language's (as in search).
 */
export type PublishedCase = {
  id: number
  slug: string | null
  title: string
  teaser: string | null
  summary: string | null
  /** ISO 8601, UTC */
  publishedAt: string
  updatedAt: string
  cities: Array<{ id: number; name: string }>
  countries: string[]
  sdgs: Array<{ number: number; label: string }>
  targets: string[]
  topics: Array<{ id: number; name: string }>
  partner: string | null
  projectStatus: string | null
  startYear: number | null
  endYear: number | null
  originalLanguage: string | null
  licence: string | null
}

type Db = Awaited<ReturnType<typeof dbFor>>

/** The published cases matching the discovery filters: `FROM … WHERE …` on `s`. */
export function publishedSelection(filters: Filters): { from: SQL; where: SQL } {
  const match = matchingCases(filters)
  return { from: match.from, where: sql.join([match.where, ...facetConditions(filters.filters).values()], sql` AND `) }
}

const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)
const name = (table: string, id: string) =>
  `coalesce((SELECT n.name FROM ${table} n WHERE n._parent_id = ${id} AND n._locale = 'en'), (SELECT min(n.name) FROM ${table} n WHERE n._parent_id = ${id}))`

const COLUMNS = sql`s.case_study_id AS id, c.slug, coalesce(en.title, orig.title, s.title, '') AS title,
  coalesce(en.teaser, orig.teaser) AS teaser, coalesce(en.summary, orig.summary) AS summary,
  ${iso('coalesce(s.published_at, c.created_at)')} AS published_at, ${iso('c.updated_at')} AS updated_at,
  ${sql.raw(`coalesce((SELECT json_agg(json_build_object('id', x.id, 'name', ${name('cities_locales', 'x.id')}) ORDER BY x.n)
    FROM unnest(s.city_ids) WITH ORDINALITY x(id, n)), '[]'::json)`)} AS cities,
  ARRAY(SELECT x FROM unnest(s.countries) x ORDER BY x) AS countries,
  ${sql.raw(`coalesce((SELECT json_agg(json_build_object('number', x, 'label', (SELECT sl.short_title FROM sdgs sd JOIN sdgs_locales sl
    ON sl._parent_id = sd.id AND sl._locale = 'en' WHERE sd.number::int = x LIMIT 1)) ORDER BY x) FROM unnest(s.sdgs) x), '[]'::json)`)} AS sdgs,
  ${sql.raw(`ARRAY(SELECT x FROM unnest(s.targets) x ORDER BY split_part(x, '.', 1)::int, split_part(x, '.', 2) !~ '^[0-9]+$',
    lpad(split_part(x, '.', 2), 3, '0'))`)} AS targets,
  ${sql.raw(`coalesce((SELECT json_agg(json_build_object('id', x.id, 'name', ${name('topics_locales', 'x.id')}) ORDER BY x.n)
    FROM unnest(s.topic_ids) WITH ORDINALITY x(id, n)), '[]'::json)`)} AS topics,
  (SELECT p.name FROM partners p WHERE p.id = s.partner_id) AS partner,
  c.project_status::text AS project_status, s.start_year, s.end_year, s.language AS original_language,
  c.provenance_licence::text AS licence`

const JOINS = sql`JOIN case_studies c ON c.id = s.case_study_id
  LEFT JOIN case_studies_locales en ON en._parent_id = c.id AND en._locale = 'en'
  LEFT JOIN case_studies_locales orig ON orig._parent_id = c.id AND orig._locale::text = c.original_language::text`

const optionalNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value))
const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

function toCase(row: Record<string, unknown>): PublishedCase {
  return {
    id: Number(row.id),
    slug: (row.slug as string | null) ?? null,
    title: String(row.title ?? ''),
    teaser: (row.teaser as string | null) ?? null,
    summary: (row.summary as string | null) ?? null,
    publishedAt: String(row.published_at),
    updatedAt: String(row.updated_at),
    cities: parseJson<Array<{ id: number; name: string }>>(row.cities),
    countries: (row.countries as string[]) ?? [],
    sdgs: parseJson<Array<{ number: number; label: string | null }>>(row.sdgs).map((sdg) => ({ number: Number(sdg.number), label: sdg.label ?? `SDG ${sdg.number}` })),
    targets: (row.targets as string[]) ?? [],
    topics: parseJson<Array<{ id: number; name: string }>>(row.topics),
    partner: (row.partner as string | null) ?? null,
    projectStatus: (row.project_status as string | null) ?? null,
    startYear: optionalNumber(row.start_year),
    endYear: optionalNumber(row.end_year),
    originalLanguage: (row.original_language as string | null) ?? null,
    licence: (row.licence as string | null) ?? null,
  }
}

const ROW_COLUMNS = sql`s.case_study_id, s.title, s.published_at, s.city_ids, s.countries, s.sdgs, s.targets, s.topic_ids, s.partner_id,
  s.start_year, s.end_year, s.language`

/** The cases of `selected` (a statement returning search rows, in order) with their texts and names. */
const withTexts = (selected: SQL, order: SQL) => sql`WITH m AS MATERIALIZED (${selected})
  SELECT ${COLUMNS} FROM m s ${JOINS} ORDER BY ${order}`

/** The `limit` most recently published matching cases, newest first (ties: higher id first). */
export async function newestPublishedCases(db: Db, filters: Filters, limit: number): Promise<PublishedCase[]> {
  const { from, where } = publishedSelection(filters)
  const order = sql`s.published_at DESC NULLS LAST, s.case_study_id DESC`
  const { rows } = await db.execute(withTexts(sql`SELECT ${ROW_COLUMNS} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${limit}`, order))
  return rows.map(toCase)
}

/**
 * One batch of matching cases by ascending id after `afterId` (keyset pagination: each batch is
 * one short statement on the primary key, so an export never holds a connection or the whole set).
 */
export async function publishedCasesAfter(db: Db, filters: Filters, afterId: number, batch: number): Promise<PublishedCase[]> {
  const { from, where } = publishedSelection(filters)
  const order = sql`s.case_study_id`
  const { rows } = await db.execute(withTexts(sql`SELECT ${ROW_COLUMNS} FROM ${from} WHERE ${where} AND s.case_study_id > ${afterId} ORDER BY ${order} LIMIT ${batch}`, order))
  return rows.map(toCase)
}

/**
 * When the search table last changed (any row, published or not: unpublishing a case changes a
 * feed without leaving a newer published row behind), ISO 8601, or null for an empty table.
 * One lookup in `case_study_search_updated_at_idx`.
 */
export async function searchLastChanged(db: Db): Promise<string | null> {
  const { rows } = await db.execute(sql`SELECT ${iso('max(updated_at)')} AS at FROM case_study_search`)
  return (rows[0]?.at as string | null) ?? null
}

/** The public page of a case. */
export const caseUrl = (serverURL: string, item: Pick<PublishedCase, 'id' | 'slug'>) => `${serverURL}/case-studies/${encodeURIComponent(item.slug ?? String(item.id))}`
