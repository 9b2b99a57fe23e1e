import { api, startTestApp, type TestApp } from '../support/harness'
import { lexical, targetId } from '../domain/helpers'

/** The public search endpoint over a small fixed corpus of published and unpublished cases. */
let app: TestApp
const ids: Record<string, number> = {}
let saoPaulo: number
let berlin: number
let topics: number[]
let partner: number
let award: number

const search = (query: string) => api(app, `/api/case-studies/search${query ? `?${query}` : ''}`)
const idsOf = (body: any) => (body.docs as Array<{ id: number }>).map((doc) => doc.id).sort((a, b) => a - b)
const sorted = (...values: number[]) => [...values].sort((a, b) => a - b)

async function make(key: string, data: Record<string, unknown>, published = true) {
  const doc = await app.payload.create({
    collection: 'case-studies',
    data: { ...(published ? { workflowState: 'published', _status: 'published' } : { workflowState: 'draft', _status: 'draft' }), ...data } as any,
    draft: !published,
    overrideAccess: true,
  })
  ids[key] = doc.id as number
}

beforeAll(async () => {
  app = await startTestApp()
  const city = async (name: string, country: string) => (await app.payload.create({ collection: 'cities', data: { name, country } as never })).id as number
  saoPaulo = await city('São Paulo', 'BR')
  berlin = await city('Berlin', 'DE')
  topics = (await app.sql(`SELECT id FROM topics WHERE scheme = 'topic' ORDER BY id LIMIT 2`)).rows.map((row) => row.id)
  const target112 = await targetId(app, '11.2')
  partner = (await app.sql(`SELECT id FROM partners ORDER BY id LIMIT 1`)).rows[0].id
  award = (await app.sql(`SELECT id FROM awards ORDER BY id LIMIT 1`)).rows[0].id
  await make('titleHit', { title: 'Mangrove restoration programme', summary: 'Coastal protection.', cities: [saoPaulo], topics: [topics[0]], projectStatus: 'ongoing', startYear: 2015, originalLanguage: 'es' })
  await make('bodyHit', { title: 'Coastal resilience plan', summary: 'A plan for the coast.', sections: { background: lexical('Volunteers planted mangrove seedlings along the shore.') }, cities: [berlin], topics: [topics[1]], projectStatus: 'completed', startYear: 2005, endYear: 2010 })
  await make('transit', { title: 'Bus rapid transit corridors', summary: 'Faster buses for everyone.', cities: [saoPaulo], sdgTargets: [target112], topics: [topics[0], topics[1]], projectStatus: 'completed', startYear: 2012, endYear: 2018 })
  await make('draft', { title: 'Mangrove nursery draft', summary: 'Not yet public.', cities: [saoPaulo] }, false)
  await make('german', { title: 'Neue Radwege für Berlin', summary: 'Geschützte Radwege entlang der Hauptstraßen.', cities: [berlin], originalLanguage: 'de', provenance: { sourcePartner: partner, externalId: 'de-1' }, awards: [{ award, result: 'winner' }] })
  await make('english', { title: 'Pocket parks', summary: 'Small parks in dense blocks.', cities: [berlin], provenance: { sourcePartner: partner, externalId: 'en-1' } })
}, 180_000)
afterAll(async () => {
  await app?.close()
})

test('title matches rank above body matches, with highlighted snippets', async () => {
  const res = await search('q=mangrove')
  expect(res.status).toBe(200)
  expect(res.body.docs.map((doc: any) => doc.id)).toEqual([ids.titleHit, ids.bodyHit])
  expect(res.body.docs[0].snippet).toContain('<mark>Mangrove</mark>')
  expect(res.body.totalDocs).toBe(2)
})

test('accent-insensitive city names and prefix matching of the last word', async () => {
  expect(idsOf((await search('q=Sao%20Paulo')).body)).toEqual(sorted(ids.titleHit, ids.transit))
  expect(idsOf((await search('q=S%C3%A3o%20Paulo')).body)).toEqual(sorted(ids.titleHit, ids.transit))
  expect(idsOf((await search('q=mangr')).body)).toEqual(sorted(ids.titleHit, ids.bodyHit))
  expect(idsOf((await search('q=rapid%20trans')).body)).toEqual([ids.transit])
})

test('drafts never appear', async () => {
  const res = await search('q=nursery')
  expect(res.body.docs).toEqual([])
  const all = await search('limit=50')
  expect(idsOf(all.body)).not.toContain(ids.draft)
  for (const facet of Object.values(all.body.facets) as Array<Array<{ count: number }>>) {
    for (const value of facet) expect(value.count).toBeLessThanOrEqual(all.body.totalDocs)
  }
})

test('filters: each facet, OR within, AND across', async () => {
  expect(idsOf((await search(`city=${saoPaulo}`)).body)).toEqual(sorted(ids.titleHit, ids.transit))
  expect(idsOf((await search(`city=${saoPaulo},${berlin}`)).body)).toEqual(sorted(ids.titleHit, ids.bodyHit, ids.transit, ids.german, ids.english))
  expect(idsOf((await search('country=de')).body)).toEqual(sorted(ids.bodyHit, ids.german, ids.english))
  expect(idsOf((await search('target=11.2')).body)).toEqual([ids.transit])
  expect(idsOf((await search('sdg=11')).body)).toEqual([ids.transit])
  expect(idsOf((await search(`topic=${topics[1]}`)).body)).toEqual(sorted(ids.bodyHit, ids.transit))
  expect(idsOf((await search('status=completed')).body)).toEqual(sorted(ids.bodyHit, ids.transit))
  expect(idsOf((await search(`status=completed&city=${saoPaulo}`)).body)).toEqual([ids.transit])
  expect(idsOf((await search('yearFrom=2011&yearTo=2013&status=completed,ongoing')).body)).toEqual([ids.transit])
  expect(idsOf((await search('yearTo=2009')).body)).toEqual([ids.bodyHit])
  expect(idsOf((await search('language=es')).body)).toEqual([ids.titleHit])
})

test('facet counts are disjunctive and agree with SQL', async () => {
  const res = await search(`status=completed&city=${saoPaulo}`)
  const status = Object.fromEntries(res.body.facets.status.map((f: any) => [f.value, f.count]))
  // the status facet ignores the status filter but keeps the city filter
  expect(status).toEqual({ completed: 1, ongoing: 1 })
  const city = Object.fromEntries(res.body.facets.city.map((f: any) => [f.value, f.count]))
  expect(city).toEqual({ [String(saoPaulo)]: 1, [String(berlin)]: 1 })
  const all = await search('')
  for (const facet of all.body.facets.topic) {
    const { rows } = await app.sql(
      `SELECT count(DISTINCT c.id)::int AS n FROM case_studies c JOIN case_studies_rels r ON r.parent_id = c.id AND r.path = 'topics'
       WHERE c._status = 'published' AND c.workflow_state = 'published' AND r.topics_id = $1`,
      [Number(facet.value)],
    )
    expect(facet.count).toBe(rows[0].n)
  }
  expect(all.body.facets.sdg.find((f: any) => f.value === 11)?.count).toBe(1)
})

test('sorting and pagination', async () => {
  const byTitle = await search('sort=title&limit=2&language=en,es')
  expect(byTitle.body.docs.map((doc: any) => doc.title)).toEqual(['Bus rapid transit corridors', 'Coastal resilience plan'])
  expect(byTitle.body.totalPages).toBe(2)
  const page2 = await search('sort=title&limit=2&page=2&language=en,es')
  expect(page2.body.docs.map((doc: any) => doc.id)).toEqual([ids.titleHit, ids.english])
  const byStart = await search('sort=start')
  expect(byStart.body.docs.map((doc: any) => doc.id).slice(0, 3)).toEqual([ids.titleHit, ids.transit, ids.bodyHit])
  // newest: by first publication, latest first
  const newest = await search('sort=newest')
  expect(newest.body.docs.map((doc: any) => doc.id)).toEqual([ids.english, ids.german, ids.transit, ids.bodyHit, ids.titleHit])
  expect(newest.body.docs.every((doc: any) => typeof doc.publishedAt === 'string')).toBe(true)
})

test('words are stemmed in the case\'s language, and found with or without umlauts', async () => {
  expect(idsOf((await search('q=park')).body)).toEqual([ids.english])
  expect(idsOf((await search('q=Radweg%20Berlin')).body)).toEqual([ids.german])
  expect(idsOf((await search('q=Hauptstra%C3%9Fe')).body)).toEqual([ids.german])
  expect(idsOf((await search('q=fur%20berlin')).body)).toEqual([ids.german])
})

test('partner, award and region filters, with their facets', async () => {
  expect(idsOf((await search(`partner=${partner}`)).body)).toEqual(sorted(ids.german, ids.english))
  expect(idsOf((await search(`award=${award}`)).body)).toEqual([ids.german])
  const europe = await search('region=m49-150')
  expect(idsOf(europe.body)).toEqual(sorted(ids.bodyHit, ids.german, ids.english))
  const all = await search('')
  expect(all.body.facets.partner).toEqual([{ value: String(partner), label: expect.any(String), count: 2 }])
  expect(all.body.facets.award).toEqual([{ value: String(award), label: expect.any(String), count: 1 }])
  expect(all.body.facets.region.map((f: any) => [f.value, f.count])).toEqual(expect.arrayContaining([['m49-150', 3]]))
})

test('search follows update, unpublish and delete', async () => {
  await app.payload.update({ collection: 'case-studies', id: ids.transit, data: { title: 'Tram corridors' } as any, overrideAccess: true })
  expect(idsOf((await search('q=tram')).body)).toEqual([ids.transit])
  expect((await search('q=rapid')).body.docs).toEqual([])
  await app.payload.update({ collection: 'case-studies', id: ids.transit, data: { workflowState: 'archived' } as any, overrideAccess: true })
  expect((await search('q=tram')).body.docs).toEqual([])
  await app.payload.delete({ collection: 'case-studies', id: ids.bodyHit, overrideAccess: true })
  expect(idsOf((await search('q=mangrove')).body)).toEqual([ids.titleHit])
  const { rows } = await app.sql('SELECT case_study_id, published FROM case_study_search WHERE case_study_id = ANY($1) ORDER BY case_study_id', [[ids.bodyHit, ids.transit, ids.draft]])
  expect(rows).toEqual(sorted(ids.transit, ids.draft).map((id) => ({ case_study_id: id, published: false })))
})

test.each([
  ['colour=red', /colour/],
  ['yearFrom=20x1', /yearFrom/],
  ['limit=0', /limit/],
  ['limit=51', /limit/],
  ['sort=popular', /sort/],
  ['sdg=18', /sdg/],
  ['page=0', /page/],
])('bad parameter %s → 400 naming it', async (query, name) => {
  const res = await search(query)
  expect(res.status).toBe(400)
  expect(res.body.errors[0].message).toMatch(name)
})
