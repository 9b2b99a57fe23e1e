import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { facetConditions, matchingCases } from '../lib/search'
import { integerParam, parseDiscoveryParams, urlParams } from '../lib/search-params'
import { dbFor, sql } from '../lib/sql'
import { documented, errorResponse, filterParameters, queryParam, ref } from '../lib/openapi'
import { fail } from './respond'

/**
 * `GET /api/case-studies/geo?bbox=minLng,minLat,maxLng,maxLat` (+ the search filters): published
 * cases in a bounding box as a GeoJSON FeatureCollection (RFC 7946: coordinates are [lng, lat]).
 * A case's point is its own location, else its first city's. Up to `maxPoints` (default 300)
 * cases come as single points; more are clustered on the server into a `grid` × `grid` raster of
 * the box, one feature per non-empty cell at the mean position of its cases, with `count`. A box
 * whose minLng is greater than its maxLng crosses the antimeridian.
 */
const bboxSchema = z
  .string({ error: 'bbox is required: minLng,minLat,maxLng,maxLat' })
  .transform((value) => value.split(',').map((part) => part.trim()))
  .refine((parts) => parts.length === 4 && parts.every((part) => /^-?\d{1,3}(\.\d+)?$/.test(part)), { error: 'bbox must be four numbers: minLng,minLat,maxLng,maxLat' })
  .transform((parts) => parts.map(Number) as [number, number, number, number])
  .refine(([minLng, minLat, maxLng, maxLat]) => [minLng, maxLng].every((v) => v >= -180 && v <= 180) && [minLat, maxLat].every((v) => v >= -90 && v <= 90), {
    error: 'bbox: longitudes must lie in -180..180 and latitudes in -90..90',
  })
  .refine(([, minLat, , maxLat]) => minLat < maxLat, { error: 'bbox: minLat must be less than maxLat' })

export const geoEndpoint: Endpoint = documented({
  path: '/geo',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const parsed = parseDiscoveryParams(urlParams(req.url), { bbox: bboxSchema, maxPoints: integerParam('maxPoints', 1, 1000), grid: integerParam('grid', 2, 64) })
    if (!parsed.ok) return fail(400, parsed.message)
    const [minLng, minLat, maxLng, maxLat] = parsed.extra.bbox
    const maxPoints = parsed.extra.maxPoints ?? 300
    const grid = parsed.extra.grid ?? 12
    const crosses = minLng > maxLng
    if (minLng === maxLng) return fail(400, 'bbox: minLng must differ from maxLng')
    const width = crosses ? 360 - minLng + maxLng : maxLng - minLng
    const match = matchingCases(parsed.filters)
    const conds = [...facetConditions(parsed.filters.filters).values()]
    const lngCond = crosses ? sql`(s.lng >= ${minLng} OR s.lng <= ${maxLng})` : sql`s.lng BETWEEN ${minLng} AND ${maxLng}`
    // longitude measured eastwards from the box's west edge, across the antimeridian too
    const east = crosses ? sql`(CASE WHEN s.lng < ${minLng} THEN s.lng + 360 ELSE s.lng END - ${minLng})` : sql`(s.lng - ${minLng})`
    const where = sql.join([match.where, ...conds, sql`s.lat BETWEEN ${minLat} AND ${maxLat}`, lngCond], sql` AND `)
    const db = await dbFor(req.payload, req)
    const total = Number((await db.execute(sql`SELECT count(*)::int AS n FROM ${match.from} WHERE ${where}`)).rows[0]!.n)

    let features: unknown[]
    if (total <= maxPoints) {
      const { rows } = await db.execute(sql`SELECT s.case_study_id AS id, c.slug, s.title, s.lat, s.lng FROM ${match.from}
        JOIN case_studies c ON c.id = s.case_study_id WHERE ${where} ORDER BY s.case_study_id`)
      features = rows.map((row) => ({
        type: 'Feature',
        id: Number(row.id),
        geometry: { type: 'Point', coordinates: [Number(row.lng), Number(row.lat)] },
        properties: { id: Number(row.id), slug: row.slug, title: row.title },
      }))
    } else {
      const cellX = sql`least(floor(${east} / ${width} * ${grid}), ${grid - 1})::int`
      const cellY = sql`least(floor((s.lat - ${minLat}) / ${maxLat - minLat} * ${grid}), ${grid - 1})::int`
      const { rows } = await db.execute(sql`
        SELECT count(*)::int AS n, avg(s.lat) AS lat, avg(${east}) AS east, min(s.lat) AS south, max(s.lat) AS north,
          min(${east}) AS west_e, max(${east}) AS east_e, min(s.case_study_id) AS first_id
        FROM ${match.from} WHERE ${where} GROUP BY ${cellX}, ${cellY} ORDER BY 1 DESC, first_id`)
      const lng = (eastwards: number) => {
        const value = minLng + eastwards
        return Math.round((value > 180 ? value - 360 : value) * 1e6) / 1e6
      }
      features = rows.map((row) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lng(Number(row.east)), Math.round(Number(row.lat) * 1e6) / 1e6] },
        properties: {
          cluster: true,
          count: Number(row.n),
          // the area the cluster's cases cover: zooming to it splits the cluster
          bbox: [lng(Number(row.west_e)), Number(row.south), lng(Number(row.east_e)), Number(row.north)],
        },
      }))
    }
    return Response.json(
      { type: 'FeatureCollection', bbox: [minLng, minLat, maxLng, maxLat], totalDocs: total, clustered: total > maxPoints, features },
      { headers: { 'content-type': 'application/geo+json' } },
    )
  },
}, {
  summary: 'Published case studies in a bounding box, as GeoJSON, clustered above maxPoints',
  tags: ['case-studies'],
  parameters: [
    queryParam('bbox', 'minLng,minLat,maxLng,maxLat (WGS84); minLng > maxLng crosses the antimeridian.', { type: 'string' }, true),
    queryParam('maxPoints', 'Up to this many cases come as points, more as clusters (1–1000, default 300).', { type: 'integer', minimum: 1, maximum: 1000 }),
    queryParam('grid', 'Clusters: cells per side of the box (2–64, default 12).', { type: 'integer', minimum: 2, maximum: 64 }),
    ...filterParameters,
  ],
  responses: { '200': { description: 'A FeatureCollection.', content: { 'application/geo+json': { schema: ref('FeatureCollection') } } }, '400': errorResponse('bbox or another parameter is missing or malformed.') },
})
