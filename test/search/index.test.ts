import pg from 'pg'

import { FACETS, searchWithIndex, searchWithSql, type SearchParams } from '../../src/lib/search'
import { api, startTestApp, type TestApp } from '../support/harness'
import { lexical } from '../domain/helpers'

/**
 * The in-memory facet index (src/lib/search-index.ts) against the SQL it replaces outside
 * transactions: the same answers over a random corpus, and never older than the last commit.
 */
let app: TestApp
let cities: number[]
let topics: number[]
let partners: number[]
let awards: number[]
const published: number[] = []

/** A small deterministic generator (mulberry32): the same corpus and queries on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(20261129)
const pick = <T,>(values: T[]): T => values[Math.floor(rand() * values.length)]!
const some = <T,>(values: T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(values)))]
const WORDS = ['mangrove', 'transit', 'parks', 'solar', 'housing', 'water', 'cycling', 'market', 'schools', 'heat', 'flooding', 'compost']
const TARGETS = ['11.2', '11.3', '11.6', '7.2', '13.1', '6.3']

const search = (query: string) => api(app, `/api/case-studies/search${query ? `?${query}` : ''}`)

beforeAll(async () => {
  app = await startTestApp()
  const city = async (name: string, country: string) => (await app.payload.create({ collection: 'cities', data: { name, country } as never })).id as number
  cities = [await city('São Paulo', 'BR'), await city('Berlin', 'DE'), await city('Lyon', 'FR'), await city('Medellín', 'CO'), await city('Pune', 'IN'), await city('Hamburg', 'DE')]
  topics = (await app.sql(`SELECT id FROM topics WHERE scheme = 'topic' ORDER BY id LIMIT 5`)).rows.map((row) => row.id)
  partners = (await app.sql(`SELECT id FROM partners ORDER BY id LIMIT 2`)).rows.map((row) => row.id)
  awards = (await app.sql(`SELECT id FROM awards ORDER BY id LIMIT 2`)).rows.map((row) => row.id)
  const sdgs = new Map((await app.sql(`SELECT number, id FROM sdgs`)).rows.map((row) => [Number(row.number), row.id]))
  const targets = new Map((await app.sql(`SELECT code, id FROM sdg_targets WHERE code = ANY($1)`, [TARGETS])).rows.map((row) => [row.code, row.id]))
  for (let i = 0; i < 48; i++) {
    const state = i % 8 === 7 ? 'draft' : i % 8 === 6 ? 'archived' : 'published'
    const startYear = rand() < 0.15 ? undefined : 2000 + Math.floor(rand() * 20)
    const projectStatus = pick(['planned', 'ongoing', 'completed', undefined])
    const partner = rand() < 0.4 ? pick(partners) : undefined
    const award = rand() < 0.2 ? pick(awards) : undefined
    const doc = await app.payload.create({
      collection: 'case-studies',
      draft: state === 'draft',
      overrideAccess: true,
      context: { skipNotifications: true },
      data: {
        title: `${pick(WORDS)} ${pick(WORDS)} ${i}`,
        summary: `${pick(WORDS)} and ${pick(WORDS)}.`,
        sections: { background: lexical(some(WORDS, 6).join(' ')) },
        cities: some(cities, 2),
        topics: some(topics, 3),
        sdgs: some([...sdgs.values()], 3),
        sdgTargets: some(TARGETS, 2).map((code) => targets.get(code)),
        projectStatus,
        originalLanguage: pick(['en', 'de', 'fr', 'es']),
        startYear,
        // only finished projects have an end year
        endYear: startYear && projectStatus === 'completed' && rand() < 0.7 ? startYear + Math.floor(rand() * 6) : undefined,
        ...(partner ? { provenance: { sourcePartner: partner, externalId: `index-${i}` } } : {}),
        ...(award ? { awards: [{ award, result: 'winner' }] } : {}),
        // archived cases were published first
        workflowState: state === 'draft' ? 'draft' : 'published',
        _status: state === 'draft' ? 'draft' : 'published',
      } as never,
    })
    if (state === 'archived') await app.payload.update({ collection: 'case-studies', id: doc.id, overrideAccess: true, context: { skipNotifications: true }, data: { workflowState: 'archived' } as never })
    if (state === 'published') published.push(doc.id as number)
  }
}, 300_000)
afterAll(async () => {
  await app?.close()
})

function randomParams(): SearchParams {
  const filters: SearchParams['filters'] = {}
  const values: Record<string, () => string[]> = {
    city: () => some(cities, 2).map(String),
    country: () => some(['BR', 'DE', 'FR', 'CO', 'IN', 'NO'], 2),
    region: () => some(['m49-150', 'm49-419', 'm49-142'], 2),
    topic: () => some(topics, 2).map(String),
    sdg: () => some(Array.from({ length: 17 }, (_, n) => String(n + 1)), 3),
    target: () => some(TARGETS, 2),
    partner: () => some([...partners, 999999], 1).map(String),
    award: () => some(awards, 1).map(String),
    status: () => some(['planned', 'ongoing', 'completed'], 2),
    language: () => some(['en', 'de', 'fr', 'es'], 2),
  }
  for (const facet of FACETS) if (rand() < 0.25) filters[facet] = values[facet]!()
  const q = rand() < 0.5 ? some(WORDS, 2).join(' ') || pick(WORDS).slice(0, 4) : undefined
  return {
    q,
    filters,
    yearFrom: rand() < 0.2 ? 2005 + Math.floor(rand() * 15) : undefined,
    yearTo: rand() < 0.2 ? 2010 + Math.floor(rand() * 15) : undefined,
    sort: pick(['relevance', 'newest', 'start', 'title'] as const),
    page: pick([1, 1, 2, 3]),
    limit: pick([3, 5, 20]),
  }
}

test('the index gives the same answers as SQL: page, ranks, snippets, totals, facets', async () => {
  let nonEmpty = 0
  // every word by relevance, page by page (ranked head matches, then body matches newest first),
  // then random combinations of everything
  const byWord: SearchParams[] = WORDS.flatMap((word) => [1, 2, 3].map((page) => ({ q: word, filters: {}, sort: 'relevance' as const, page, limit: 3 })))
  for (const params of [...byWord, ...Array.from({ length: 80 }, randomParams)]) {
    const fromIndex = await searchWithIndex(app.payload, params)
    const fromSql = await searchWithSql(app.payload, params)
    expect({ params, answer: fromIndex }).toEqual({ params, answer: fromSql })
    if (fromIndex.docs.length) nonEmpty++
  }
  // the comparison is only worth something when the answers have something in them
  expect(nonEmpty).toBeGreaterThan(60)
  const everything = await searchWithIndex(app.payload, { filters: {}, sort: 'newest', page: 1, limit: 50 })
  expect(everything.totalDocs).toBe(published.length)
})

const generation = async () => Number((await app.sql('SELECT generation FROM case_study_search_generation')).rows[0].generation)

test('a transaction moves the generation once, at commit; a search sees its change only then', async () => {
  const before = (await search('limit=50')).body
  expect(before.totalDocs).toBe(published.length)
  const [first, second] = published
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    const start = await generation()
    await client.query('BEGIN')
    await client.query(`UPDATE case_study_search SET published = false WHERE case_study_id = ANY($1)`, [[first, second]])
    // not committed: neither the counter nor any search shows it
    expect(await generation()).toBe(start)
    const during = (await search('limit=50')).body
    expect(during.totalDocs).toBe(published.length)
    expect(during.facets).toEqual(before.facets)
    await client.query('COMMIT')
    expect(await generation()).toBe(start + 1)
    const after = (await search('limit=50')).body
    expect(after.totalDocs).toBe(published.length - 2)
    expect(after.docs.map((doc: { id: number }) => doc.id)).not.toContain(first)
    const total = (facet: string) => (after.facets[facet] as Array<{ count: number }>).reduce((sum, item) => sum + item.count, 0)
    expect(total('language')).toBe(published.length - 2)
  } finally {
    await client.query(`UPDATE case_study_search SET published = true WHERE case_study_id = ANY($1)`, [[first, second]]).catch(() => {})
    await client.end()
  }
  expect((await search('limit=50')).body.totalDocs).toBe(published.length)
})

test('writers in parallel transactions both commit (the counter is taken at commit only)', async () => {
  const start = await generation()
  const clients = [new pg.Client({ connectionString: app.databaseUrl }), new pg.Client({ connectionString: app.databaseUrl })]
  await Promise.all(clients.map((client) => client.connect()))
  try {
    await Promise.all(clients.map((client) => client.query('BEGIN')))
    // each holds its rows while the other writes its own: neither waits for the counter until commit
    await clients[0]!.query(`UPDATE case_study_search SET updated_at = now() WHERE case_study_id = $1`, [published[2]])
    await clients[1]!.query(`UPDATE case_study_search SET updated_at = now() WHERE case_study_id = $1`, [published[3]])
    await clients[0]!.query(`UPDATE case_study_search SET updated_at = now() WHERE case_study_id = $1`, [published[4]])
    await Promise.all(clients.map((client) => client.query('COMMIT')))
  } finally {
    await Promise.all(clients.map((client) => client.end()))
  }
  expect(await generation()).toBe(start + 2)
})

test('another server on the same database sees a case published through this one', async () => {
  const other = await startTestApp({ databaseUrl: app.databaseUrl })
  try {
    const there = () => api(other, '/api/case-studies/search?q=greenhouse')
    expect((await there()).body.totalDocs).toBe(0)
    const doc = await app.payload.create({
      collection: 'case-studies',
      overrideAccess: true,
      context: { skipNotifications: true },
      data: { title: 'Greenhouse schools', summary: 'Learning gardens.', cities: [cities[0]], workflowState: 'published', _status: 'published' } as never,
    })
    const answer = (await there()).body
    expect(answer.docs.map((d: { id: number }) => d.id)).toEqual([doc.id])
    expect(answer.facets.city).toEqual([{ value: String(cities[0]), label: 'São Paulo', count: 1 }])
  } finally {
    await other.close()
  }
})
