import type { Endpoint, PayloadRequest, Where } from 'payload'
import { z } from 'zod'

import { LANGUAGE_CODES } from '../../collections/fields/common'
import { M49_REGION_OPTIONS } from '../lib/geography'
import { dbFor, sql } from '../lib/sql'
import { countryCode } from '../lib/validation'
import { documented, errorResponse, jsonContent, queryParam } from '../lib/openapi'
import { fail } from './respond'

/**
 * The member directory: `GET /api/citymakers/directory?city=…&topic=…&q=…`, for logged-in,
 * activated members. Lists the profiles the member may see (access/citymakers.ts: activated
 * public and community profiles, and their own) with their public fields only. Comma-separated
 * values of one filter are alternatives (OR); different filters all apply (AND).
 */

export const DIRECTORY_MAX_LIMIT = 50
const DEFAULT_LIMIT = 20
const MAX_VALUES = 50

const REGIONS = new Set(M49_REGION_OPTIONS.map((option) => option.value))
const LANGUAGES = new Set<string>(LANGUAGE_CODES)

const show = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)

/** A comma-separated list of `item`s (repeated parameters are joined first). */
function list<T>(name: string, what: string, item: (part: string) => T | undefined) {
  return z.string().transform((value, ctx): T[] => {
    const parts = [...new Set(value.split(',').map((part) => part.trim()).filter(Boolean))]
    if (parts.length === 0) {
      ctx.addIssue({ code: 'custom', message: `${name} must not be empty` })
      return z.NEVER
    }
    if (parts.length > MAX_VALUES) {
      ctx.addIssue({ code: 'custom', message: `${name} takes at most ${MAX_VALUES} values` })
      return z.NEVER
    }
    const out: T[] = []
    for (const part of parts) {
      const parsed = item(part)
      if (parsed === undefined) {
        ctx.addIssue({ code: 'custom', message: `${name}: ${show(part)} is not ${what}` })
        return z.NEVER
      }
      out.push(parsed)
    }
    return out
  })
}

const positiveId = (part: string) => (/^[1-9]\d{0,9}$/.test(part) && Number(part) <= 2_147_483_647 ? Number(part) : undefined)
const whole = (name: string, min: number, max: number) =>
  z.string().regex(/^\d+$/, { error: `${name} must be a whole number` }).transform(Number).pipe(z.number().min(min, { error: `${name} must be at least ${min}` }).max(max, { error: `${name} must be at most ${max}` }))

const makeQuerySchema = (roleTypes: Set<string>) =>
  z
    .object({
      city: list('city', 'a city id', positiveId).optional(),
      country: list('country', 'an ISO 3166-1 alpha-2 country code such as DE', (part) => (countryCode(part.toUpperCase(), 'country') === true ? part.toUpperCase() : undefined)).optional(),
      region: list('region', 'a UN M49 region such as m49-150 (Europe) or m49-155 (Western Europe)', (part) => (REGIONS.has(part.toLowerCase()) ? part.toLowerCase() : undefined)).optional(),
      roleType: list('roleType', `a role type (${[...roleTypes].join(', ')})`, (part) => (roleTypes.has(part) ? part : undefined)).optional(),
      topic: list('topic', 'a topic id', positiveId).optional(),
      sdg: list('sdg', 'an SDG number from 1 to 17', (part) => (/^\d{1,2}$/.test(part) && Number(part) >= 1 && Number(part) <= 17 ? Number(part) : undefined)).optional(),
      language: list('language', 'a language code such as en or pt', (part) => (LANGUAGES.has(part.toLowerCase()) ? part.toLowerCase() : undefined)).optional(),
      q: z.string().trim().min(1, { error: 'q must not be empty' }).max(100, { error: 'q must be at most 100 characters' }).optional(),
      page: whole('page', 1, 10_000).optional(),
      limit: whole('limit', 1, DIRECTORY_MAX_LIMIT).optional(),
    })
    .strict()

type Query = z.infer<ReturnType<typeof makeQuerySchema>>
const PARAMETERS = ['city', 'country', 'region', 'roleType', 'topic', 'sdg', 'language', 'q', 'page', 'limit']

/**
 * Case- and accent-insensitive matching without a database extension: both sides go through the
 * same character table (Latin letters with diacritics and A–Z to plain a–z), PostgreSQL's
 * `translate()` on the column, this table in JavaScript on the search term.
 */
const FOLD_SPECIAL: Record<string, string> = { ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', ı: 'i', ħ: 'h', Ħ: 'h', ŧ: 't', Ŧ: 't', ð: 'd', Ð: 'd' }
const FOLD = (() => {
  const from: string[] = []
  const to: string[] = []
  const add = (char: string) => {
    const plain = FOLD_SPECIAL[char] ?? char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    if (plain !== char && /^[a-z]$/.test(plain)) {
      from.push(char)
      to.push(plain)
    }
  }
  for (let code = 0x41; code <= 0x5a; code++) add(String.fromCharCode(code))
  for (let code = 0xc0; code <= 0x24f; code++) add(String.fromCharCode(code))
  return { from: from.join(''), to: to.join(''), map: new Map(from.map((char, i) => [char, to[i]!])) }
})()
const fold = (value: string) => [...value.normalize('NFC')].map((char) => FOLD.map.get(char) ?? char).join('')
const likeEscape = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`)

/** Ids of the profiles visible to `me` whose display name or organisation contains every word of `q`. */
async function searchIds(req: PayloadRequest, q: string, me: number): Promise<number[]> {
  const words = fold(q).split(/\s+/).filter(Boolean).slice(0, 8)
  const db = await dbFor(req.payload, req)
  const column = (name: 'display_name' | 'organisation') => sql`translate(coalesce(${sql.raw(name)}, ''), ${FOLD.from}, ${FOLD.to})`
  const conditions = words.map((word) => {
    const pattern = `%${likeEscape(word)}%`
    return sql`(${column('display_name')} ILIKE ${pattern} OR ${column('organisation')} ILIKE ${pattern})`
  })
  const { rows } = await db.execute(sql`
    SELECT id FROM citymakers
    WHERE ((_verified AND profile_visibility IN ('public', 'community')) OR id = ${me})
      AND ${sql.join(conditions, sql` AND `)}`)
  return rows.map((row) => Number(row.id))
}

type Related = Record<string, unknown> & { id?: number }
const asObject = (value: unknown): Related | null => (value && typeof value === 'object' ? (value as Related) : null)
const pick = (value: unknown, keys: string[]) => {
  const doc = asObject(value)
  if (!doc) return typeof value === 'number' ? { id: value } : null
  return Object.fromEntries(keys.filter((key) => doc[key] !== undefined).map((key) => [key, doc[key]]))
}

/** The public card of a profile: never e-mail, roles, consents, alert settings or account state. */
function card(doc: Record<string, unknown>) {
  const avatar = asObject(doc.avatar)
  const thumbnail = asObject(asObject(avatar?.sizes)?.thumbnail)
  return {
    id: doc.id,
    displayName: doc.displayName,
    accountType: doc.accountType ?? null,
    category: doc.category ?? null,
    organisation: doc.organisation ?? null,
    position: doc.position ?? null,
    city: doc.city ? pick(doc.city, ['id', 'name', 'slug', 'country', 'region']) : null,
    avatar: avatar ? { id: avatar.id, alt: avatar.alt ?? null, url: avatar.url ?? null, thumbnailURL: thumbnail?.url ?? avatar.thumbnailURL ?? null } : typeof doc.avatar === 'number' ? { id: doc.avatar } : null,
    expertiseTopics: ((doc.expertiseTopics as unknown[]) ?? []).map((topic) => pick(topic, ['id', 'name', 'slug'])).filter(Boolean),
    sdgInterests: ((doc.sdgInterests as unknown[]) ?? []).map((sdg) => pick(sdg, ['id', 'number', 'code', 'shortTitle'])).filter(Boolean),
    languages: (doc.languages as string[] | null) ?? [],
    allowContact: doc.allowContact !== false,
  }
}

function filters(query: Query, sdgIds: number[] | undefined, matching: number[] | undefined): Where[] {
  const and: Where[] = []
  if (query.city) and.push({ city: { in: query.city } })
  if (query.country) and.push({ 'city.country': { in: query.country } })
  // cities store both their M49 region and sub-region: either may be asked for
  if (query.region) and.push({ or: [{ 'city.region': { in: query.region } }, { 'city.subRegion': { in: query.region } }] })
  if (query.roleType) and.push({ category: { in: query.roleType } })
  if (query.topic) and.push({ expertiseTopics: { in: query.topic } })
  if (sdgIds) and.push({ sdgInterests: { in: sdgIds } })
  if (query.language) and.push({ languages: { in: query.language } })
  if (matching) and.push({ id: { in: matching } })
  return and
}

const directory: Endpoint = {
  path: '/directory',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const { payload } = req
    const user = req.user as (PayloadRequest['user'] & { _verified?: boolean | null }) | null
    if (!user) return fail(401, 'Log in to browse the member directory')
    if (user.collection !== 'citymakers' || user._verified !== true) return fail(403, 'Only activated members can browse the member directory')
    const me = Number(user.id)

    const params = req.searchParams ?? new URL(req.url ?? '', 'http://localhost').searchParams
    const raw: Record<string, string> = {}
    for (const key of new Set(params.keys())) raw[key] = params.getAll(key).join(',')
    const unknown = Object.keys(raw).filter((key) => !PARAMETERS.includes(key))
    if (unknown.length > 0) {
      return fail(400, `Unknown parameter${unknown.length > 1 ? 's' : ''}: ${unknown.map((key) => show(key)).join(', ')}; the directory takes ${PARAMETERS.join(', ')}`)
    }
    const category = payload.collections.citymakers.config.flattenedFields.find((field) => field.name === 'category')
    const roleTypes = new Set(category && 'options' in category ? category.options.map((option) => (typeof option === 'string' ? option : option.value)) : [])
    const parsed = makeQuerySchema(roleTypes).safeParse(raw)
    if (!parsed.success) return fail(400, parsed.error.issues.map((issue) => issue.message).join('; '))
    const query = parsed.data
    const limit = query.limit ?? DEFAULT_LIMIT
    const page = query.page ?? 1
    const empty = { docs: [], totalDocs: 0, limit, page, totalPages: 0, hasNextPage: false, hasPrevPage: page > 1, nextPage: null, prevPage: page > 1 ? page - 1 : null }

    let sdgIds: number[] | undefined
    if (query.sdg) {
      const sdgs = await payload.find({ collection: 'sdgs', where: { number: { in: query.sdg } }, select: {}, depth: 0, pagination: false, limit: 17, overrideAccess: false, user, req })
      sdgIds = sdgs.docs.map((doc) => doc.id as number)
      if (sdgIds.length === 0) return Response.json(empty)
    }
    let matching: number[] | undefined
    if (query.q) {
      matching = await searchIds(req, query.q, me)
      if (matching.length === 0) return Response.json(empty)
    }

    const result = await payload.find({
      collection: 'citymakers',
      where: {
        and: [
          // the member rule for everyone, staff included: hidden and inactive profiles are never listed
          { or: [{ id: { equals: me } }, { and: [{ _verified: { equals: true } }, { profileVisibility: { in: ['public', 'community'] } }] }] },
          ...filters(query, sdgIds, matching),
        ],
      },
      select: { displayName: true, accountType: true, category: true, organisation: true, position: true, city: true, avatar: true, expertiseTopics: true, sdgInterests: true, languages: true, allowContact: true },
      sort: ['displayName', 'id'],
      depth: 1,
      limit,
      page,
      overrideAccess: false,
      user,
      req,
    })
    return Response.json({
      docs: result.docs.map((doc) => card(doc as unknown as Record<string, unknown>)),
      totalDocs: result.totalDocs,
      limit: result.limit,
      page: result.page ?? page,
      totalPages: result.totalPages,
      hasNextPage: result.hasNextPage,
      hasPrevPage: result.hasPrevPage,
      nextPage: result.nextPage ?? null,
      prevPage: result.prevPage ?? null,
    })
  },
}

export const directoryEndpoints: Endpoint[] = [
  documented(directory, {
    summary: 'The member directory (public profiles; community profiles for members)',
    tags: ['citymakers'],
    parameters: [
      queryParam('city', 'City ids, comma-separated.'),
      queryParam('country', 'ISO country codes, comma-separated.'),
      queryParam('region', 'UN M49 regions such as m49-150, comma-separated.'),
      queryParam('roleType', 'Role types, comma-separated.'),
      queryParam('topic', 'Topic ids, comma-separated.'),
      queryParam('sdg', 'SDG numbers, comma-separated.'),
      queryParam('language', 'Language codes, comma-separated.'),
      queryParam('q', 'Name or organisation, 1–100 characters.'),
      queryParam('page', 'Page.', { type: 'integer', minimum: 1, maximum: 10000 }),
      queryParam('limit', 'Page size.', { type: 'integer', minimum: 1, maximum: DIRECTORY_MAX_LIMIT }),
    ],
    responses: { '200': { description: 'A page of profiles.', content: jsonContent({ type: 'object' }) }, '400': errorResponse('A parameter is unknown or malformed; the message names it.') },
  }),
]
