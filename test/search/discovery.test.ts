import { api, loginAs, startTestApp, type TestApp } from '../support/harness'
import { sdgId } from '../domain/helpers'

/** Related cases, the map endpoint, and search rows following renamed and merged reference data. */
let app: TestApp
const ids: Record<string, number> = {}
const cities: Record<string, number> = {}
let topics: number[]
let sdg: Record<number, number>

async function make(key: string, data: Record<string, unknown>, published = true) {
  const doc = await app.payload.create({
    collection: 'case-studies',
    data: { ...(published ? { workflowState: 'published', _status: 'published' } : { workflowState: 'draft', _status: 'draft' }), ...data } as any,
    draft: !published,
    overrideAccess: true,
  })
  ids[key] = doc.id as number
}

const ofIds = (docs: Array<{ id: number }>) => docs.map((doc) => doc.id)

beforeAll(async () => {
  app = await startTestApp()
  const city = async (key: string, name: string, country: string, lat: number, lng: number) =>
    (cities[key] = (await app.payload.create({ collection: 'cities', data: { name, country, location: { lat, lng } } as never })).id as number)
  await city('berlin', 'Berlin', 'DE', 52.52, 13.405)
  await city('hamburg', 'Hamburg', 'DE', 53.55, 9.993)
  await city('lagos', 'Lagos', 'NG', 6.455, 3.394)
  await city('suva', 'Suva', 'FJ', -18.14, 178.44)
  await city('apia', 'Apia', 'WS', -13.83, -171.76)
  topics = (await app.sql(`SELECT id FROM topics WHERE scheme = 'topic' ORDER BY id LIMIT 3`)).rows.map((row) => row.id)
  sdg = Object.fromEntries(await Promise.all([6, 11, 13, 14].map(async (n) => [n, await sdgId(app, n)])))
  await make('source', { title: 'Mangrove corridors for Berlin', summary: 'Green corridors along the river.', cities: [cities.berlin], sdgs: [sdg[11], sdg[13]], topics: [topics[0]] })
  await make('twin', { title: 'Cooling the inner city', summary: 'Shade for hot summers.', cities: [cities.hamburg], sdgs: [sdg[11], sdg[13]], topics: [topics[0]] })
  await make('oneSdg', { title: 'Safe streets for children', summary: 'Traffic calming.', cities: [cities.lagos], sdgs: [sdg[11]] })
  await make('sameCountry', { title: 'Harbour energy', summary: 'District heating from waste heat.', cities: [cities.hamburg], sdgs: [sdg[6]] })
  await make('words', { title: 'Mangrove nurseries', summary: 'Coastal corridors of mangrove.', cities: [cities.suva], sdgs: [sdg[14]] })
  await make('nothing', { title: 'Ocean plastics', summary: 'Cleaning beaches.', cities: [cities.apia], sdgs: [sdg[14]] })
  await make('draftTwin', { title: 'Mangrove corridors draft', summary: 'Not public.', cities: [cities.berlin], sdgs: [sdg[11], sdg[13]], topics: [topics[0]] }, false)
  await make('ownPoint', { title: 'Floating gardens', summary: 'On the lake.', cities: [cities.berlin], location: { lat: 48.1, lng: 11.6 }, sdgs: [sdg[6]] })
}, 180_000)
afterAll(async () => {
  await app?.close()
})

describe('GET /api/case-studies/:id/related', () => {
  test('ranks shared SDGs and topics first, then shared SDGs, country and words, with a reason each; never drafts or unrelated cases', async () => {
    const res = await api(app, `/api/case-studies/${ids.source}/related?limit=10`)
    expect(res.status).toBe(200)
    const found = ofIds(res.body.docs)
    expect(found[0]).toBe(ids.twin)
    expect(found).toEqual(expect.arrayContaining([ids.twin, ids.oneSdg, ids.sameCountry, ids.words]))
    expect(found).not.toContain(ids.source)
    expect(found).not.toContain(ids.draftTwin)
    expect(found).not.toContain(ids.nothing)
    expect(found.indexOf(ids.oneSdg)).toBeLessThan(found.indexOf(ids.sameCountry))
    const byId = Object.fromEntries(res.body.docs.map((doc: any) => [doc.id, doc]))
    expect(byId[ids.twin].shared).toMatchObject({ sdgs: [11, 13], topics: [topics[0]], countries: ['DE'] })
    expect(byId[ids.twin].reasons).toEqual(expect.arrayContaining(['Shares SDG 11, 13', 'Same country (DE)']))
    expect(byId[ids.twin].reasons.some((reason: string) => reason.startsWith('Shares topic'))).toBe(true)
    expect(byId[ids.words].reasons).toEqual(['Similar words in title and text'])
    expect(byId[ids.sameCountry].reasons).toEqual(['Same country (DE)'])
    const scores = res.body.docs.map((doc: any) => doc.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  test('limit caps the list', async () => {
    const res = await api(app, `/api/case-studies/${ids.source}/related?limit=2`)
    expect(res.body.docs).toHaveLength(2)
  })

  test('a draft or missing case is 404 alike; bad ids and parameters are 400 naming them', async () => {
    const draft = await api(app, `/api/case-studies/${ids.draftTwin}/related`)
    const missing = await api(app, '/api/case-studies/999999/related')
    expect(draft.status).toBe(404)
    expect(missing.status).toBe(404)
    expect(draft.body).toEqual(missing.body)
    expect((await api(app, '/api/case-studies/abc/related')).body.errors[0].message).toMatch(/id must be/)
    const bad = await api(app, `/api/case-studies/${ids.source}/related?limit=0`)
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toMatch(/limit/)
    expect((await api(app, `/api/case-studies/${ids.source}/related?sort=x`)).body.errors[0].message).toMatch(/sort/)
  })
})

describe('GET /api/case-studies/geo', () => {
  const geo = (query: string) => api(app, `/api/case-studies/geo?${query}`)

  test('GeoJSON points [lng, lat] of published cases in the box; a case\'s own location wins over its city\'s', async () => {
    const res = await geo('bbox=5,45,15,55')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/)
    expect(res.body.type).toBe('FeatureCollection')
    expect(res.body.clustered).toBe(false)
    const byId = Object.fromEntries(res.body.features.map((f: any) => [f.id, f]))
    expect(Object.keys(byId).map(Number).sort((a, b) => a - b)).toEqual([ids.source, ids.twin, ids.sameCountry, ids.ownPoint].sort((a, b) => a - b))
    expect(byId[ids.source].geometry).toEqual({ type: 'Point', coordinates: [13.405, 52.52] })
    expect(byId[ids.ownPoint].geometry.coordinates).toEqual([11.6, 48.1])
    expect(byId[ids.source].properties).toMatchObject({ id: ids.source, title: 'Mangrove corridors for Berlin' })
  })

  test('the search filters apply', async () => {
    const res = await geo(`bbox=5,45,15,55&sdg=6`)
    expect(res.body.features.map((f: any) => f.id).sort()).toEqual([ids.sameCountry, ids.ownPoint].sort())
  })

  test('more cases than maxPoints come as clusters whose counts add up', async () => {
    const res = await geo('bbox=-180,-60,180,70&maxPoints=2&grid=4')
    expect(res.status).toBe(200)
    expect(res.body.clustered).toBe(true)
    expect(res.body.totalDocs).toBe(7)
    expect(res.body.features.every((f: any) => f.properties.cluster === true && f.geometry.type === 'Point')).toBe(true)
    expect(res.body.features.reduce((sum: number, f: any) => sum + f.properties.count, 0)).toBe(7)
    const europe = res.body.features.find((f: any) => f.properties.count === 4)
    expect(europe.properties.bbox).toEqual([9.993, 48.1, 13.405, 53.55])
  })

  test('a box across the antimeridian holds both sides', async () => {
    const res = await geo('bbox=170,-30,-165,0')
    expect(res.body.features.map((f: any) => f.id).sort()).toEqual([ids.words, ids.nothing].sort())
    const clustered = await geo('bbox=170,-30,-165,0&maxPoints=1&grid=2')
    expect(clustered.body.features.reduce((sum: number, f: any) => sum + f.properties.count, 0)).toBe(2)
    for (const feature of clustered.body.features) {
      const [lng] = feature.geometry.coordinates
      expect(lng >= 170 || lng <= -165).toBe(true)
    }
  })

  test.each([
    ['', /bbox is required/],
    ['bbox=1,2,3', /four numbers/],
    ['bbox=0,-91,10,10', /latitudes/],
    ['bbox=0,10,10,5', /minLat must be less/],
    ['bbox=0,0,10,10&maxPoints=0', /maxPoints/],
    ['bbox=0,0,10,10&zoom=3', /zoom/],
  ])('bad parameters %s → 400 naming them', async (query, message) => {
    const res = await geo(query)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
  })
})

describe('search rows follow reference data', () => {
  const search = (query: string) => api(app, `/api/case-studies/search?${query}`)

  test('a renamed city is found under its new name', async () => {
    expect(ofIds((await search('q=Lagos')).body.docs)).toEqual([ids.oneSdg])
    await app.payload.update({ collection: 'cities', id: cities.lagos, data: { name: 'Eko' } as never, overrideAccess: true })
    expect(ofIds((await search('q=Eko')).body.docs)).toEqual([ids.oneSdg])
    expect((await search('q=Lagos')).body.docs).toEqual([])
  })

  test('after a merge, cases of the merged city are filtered and faceted under the city they were merged into', async () => {
    const { token } = await loginAs(app, ['editor'])
    const merged = await api(app, `/api/cities/${cities.hamburg}/merge`, { method: 'POST', json: { into: cities.berlin }, token })
    expect(merged.status).toBe(200)
    const res = await search(`city=${cities.berlin}`)
    expect(ofIds(res.body.docs).sort()).toEqual([ids.source, ids.twin, ids.sameCountry, ids.ownPoint].sort())
    expect(res.body.facets.city.find((f: any) => f.value === String(cities.berlin))?.count).toBe(4)
    expect(ofIds((await search('q=Hamburg')).body.docs)).toEqual([])
  })
})
