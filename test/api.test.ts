import { api, graphql, loginAs, startTestApp, type TestApp } from './support/harness'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(async () => {
  await app?.close()
})

describe('REST and GraphQL over real HTTP', () => {
  test('reference data is seeded and readable anonymously in two locales', async () => {
    const en = await api(app, '/api/sdgs?where[number][equals]=11&depth=0')
    expect(en.status).toBe(200)
    expect(en.body.docs).toHaveLength(1)
    expect(en.body.docs[0].shortTitle).toBe('Sustainable cities and communities')
    const de = await api(app, '/api/sdgs?where[number][equals]=11&depth=0&locale=de')
    expect(de.body.docs[0].shortTitle).toBe('Nachhaltige Städte und Gemeinden')
  })

  test('GraphQL answers the same data', async () => {
    const res = await graphql(app, '{ Sdgs(where: { number: { equals: 11 } }, locale: fr) { docs { number shortTitle colour } } }')
    expect(res.status).toBe(200)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Sdgs.docs[0]).toEqual({ number: 11, shortTitle: expect.stringMatching(/villes/i), colour: '#FD9D24' })
  })

  test('an editor creates a city in English and German; French falls back to English', async () => {
    const editor = await loginAs(app, ['editor'])
    const created = await api(app, '/api/cities?locale=en', { method: 'POST', token: editor.token, json: { name: 'Munich', country: 'DE', location: { lat: 48.137, lng: 11.575 } } })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(created.body.doc).toMatchObject({ slug: 'munich', region: 'm49-150', subRegion: 'm49-155' })
    const patched = await api(app, `/api/cities/${id}?locale=de`, { method: 'PATCH', token: editor.token, json: { name: 'München' } })
    expect(patched.status).toBe(200)
    const read = async (locale: string) => (await api(app, `/api/cities/${id}?locale=${locale}`)).body.name
    expect(await read('en')).toBe('Munich')
    expect(await read('de')).toBe('München')
    expect(await read('fr')).toBe('Munich')
    const gql = await graphql(app, `{ City(id: ${id}, locale: de) { name slug country } }`)
    expect(gql.body.data.City).toEqual({ name: 'München', slug: 'munich', country: 'DE' })
  })

  test('anonymous visitors cannot write reference data', async () => {
    const res = await api(app, '/api/cities', { method: 'POST', json: { name: 'Nowhere', country: 'DE' } })
    expect(res.status).toBe(403)
    const count = await app.sql(`SELECT count(*)::int AS n FROM cities_locales WHERE name = 'Nowhere'`)
    expect(count.rows[0].n).toBe(0)
  })
})
