import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { documentMatches, tsQuerySql } from '../lib/search'
import { dbFor, sql, sqlArray } from '../lib/sql'
import { integerParam, urlParams } from '../lib/search-params'
import { documented, errorResponse, jsonContent, pathParam, queryParam, ref } from '../lib/openapi'
import { fail, zodMessage } from './respond'

/**
 * `GET /api/case-studies/:id/related?limit=5`: the published cases most like a published case,
 * each with the reasons it was chosen. Score: 3 per shared SDG, 2 per shared topic, 1 for a shared
 * region and 1 more for a shared country, plus up to 4 for text similarity (the case's title and
 * summary words found in the other case's document). Candidates come from the GIN indexes of
 * `case_study_search`, so the cost follows the overlap, not the size of the collection.
 */
const querySchema = z.strictObject({ limit: integerParam('limit', 1, 20) })

/** Up to 12 distinctive words of a text, as an OR tsquery (`mangrove | coastal | …`). */
export function similarityQuery(text: string): string | null {
  const words = [
    ...new Set(
      text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length >= 5),
    ),
  ].slice(0, 12)
  return words.length ? words.join(' | ') : null
}

export const relatedEndpoint: Endpoint = documented({
  path: '/:id/related',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const id = String(req.routeParams?.id ?? '')
    if (!/^\d{1,9}$/.test(id)) return fail(400, 'id must be a positive integer')
    const parsed = querySchema.safeParse(urlParams(req.url))
    if (!parsed.success) return fail(400, zodMessage(parsed.error, 'unknown parameter'))
    const limit = parsed.data.limit ?? 5
    const db = await dbFor(req.payload, req)
    const source = (
      await db.execute(sql`SELECT s.sdgs, s.topic_ids, s.regions, s.countries, concat_ws(' ', l.title, l.summary) AS text
        FROM case_study_search s LEFT JOIN case_studies_locales l ON l._parent_id = s.case_study_id AND l._locale = 'en'
        WHERE s.case_study_id = ${Number(id)} AND s.published`)
    ).rows[0] as { sdgs: number[]; topic_ids: number[]; regions: string[]; countries: string[]; text: string | null } | undefined
    // the same answer for a draft as for nothing: drafts are not public
    if (!source) return fail(404, 'Not Found')
    const words = similarityQuery(source.text ?? '')
    const sdgs = sqlArray(source.sdgs, 'int')
    const topics = sqlArray(source.topic_ids, 'int')
    const regions = sqlArray(source.regions, 'text')
    const countries = sqlArray(source.countries, 'text')
    const textQuery = words ? sql`(${tsQuerySql(words)})` : sql`NULL::tsquery`
    const { rows } = await db.execute(sql`
      WITH candidates AS (
        SELECT s.case_study_id AS id, s.title, s.published_at,
          ARRAY(SELECT unnest(s.sdgs) INTERSECT SELECT unnest(${sdgs}) ORDER BY 1) AS shared_sdgs,
          ARRAY(SELECT unnest(s.topic_ids) INTERSECT SELECT unnest(${topics}) ORDER BY 1) AS shared_topics,
          ARRAY(SELECT unnest(s.regions) INTERSECT SELECT unnest(${regions}) ORDER BY 1) AS shared_regions,
          ARRAY(SELECT unnest(s.countries) INTERSECT SELECT unnest(${countries}) ORDER BY 1) AS shared_countries,
          CASE WHEN ${textQuery} IS NOT NULL AND s.head @@ ${textQuery} THEN ts_rank(s.head, ${textQuery}) ELSE 0 END AS text_rank
        FROM case_study_search s
        WHERE s.published AND s.case_study_id <> ${Number(id)}
          AND (s.sdgs && ${sdgs} OR s.topic_ids && ${topics} OR s.regions && ${regions} ${words ? sql`OR ${documentMatches(textQuery)}` : sql``})
      ), scored AS (
        SELECT *, 3 * cardinality(shared_sdgs) + 2 * cardinality(shared_topics) + least(cardinality(shared_regions), 1)
          + least(cardinality(shared_countries), 1) + least(text_rank * 40, 4) AS score
        FROM candidates
      )
      SELECT scored.*, c.slug,
        (SELECT json_agg(json_build_object('id', t.id, 'name', tl.name) ORDER BY t.id) FROM topics t
          LEFT JOIN topics_locales tl ON tl._parent_id = t.id AND tl._locale = 'en' WHERE t.id = ANY(scored.shared_topics)) AS topic_names
      FROM scored JOIN case_studies c ON c.id = scored.id
      ORDER BY score DESC, published_at DESC NULLS LAST, id DESC LIMIT ${limit}`)
    const docs = rows.map((row) => {
      const sharedSdgs = (row.shared_sdgs as number[]) ?? []
      const sharedTopics = ((row.topic_names as Array<{ id: number; name: string | null }> | null) ?? [])
      const sharedRegions = (row.shared_regions as string[]) ?? []
      const sharedCountries = (row.shared_countries as string[]) ?? []
      const reasons: string[] = []
      if (sharedSdgs.length) reasons.push(`Shares SDG ${sharedSdgs.join(', ')}`)
      if (sharedTopics.length) reasons.push(`Shares topic${sharedTopics.length > 1 ? 's' : ''} ${sharedTopics.map((t) => t.name ?? t.id).join(', ')}`)
      if (sharedCountries.length) reasons.push(`Same country (${sharedCountries.join(', ')})`)
      else if (sharedRegions.length) reasons.push(`Same region (${sharedRegions.join(', ')})`)
      if (Number(row.text_rank) > 0) reasons.push('Similar words in title and text')
      return {
        id: Number(row.id),
        slug: row.slug,
        title: row.title,
        score: Math.round(Number(row.score) * 100) / 100,
        reasons,
        shared: { sdgs: sharedSdgs, topics: sharedTopics.map((t) => t.id), regions: sharedRegions, countries: sharedCountries },
      }
    })
    return Response.json({ id: Number(id), docs })
  },
}, {
  summary: 'The published case studies most like this one, with the reasons',
  tags: ['case-studies'],
  parameters: [pathParam('id', 'A published case study.'), queryParam('limit', '1–20 (default 5).', { type: 'integer', minimum: 1, maximum: 20 })],
  responses: {
    '200': { description: 'Related cases, best first.', content: jsonContent(ref('RelatedResult')) },
    '400': errorResponse('Malformed id or parameter.'),
    '404': errorResponse('No published case study with this id.'),
  },
})
