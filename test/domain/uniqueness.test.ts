import { api, graphql, loginAs, startTestApp, type TestApp } from '../support/harness'
import { create, expectFieldError, partnerId, patch, post, rows } from './helpers'

/** What must exist once: slugs, a city per country, a partner's external id. */
let app: TestApp
let token: string
beforeAll(async () => {
  app = await startTestApp()
  token = (await loginAs(app, ['editor'])).token
})
afterAll(async () => {
  await app?.close()
})

describe('case-study slugs', () => {
  test('a second case with the same title gets the next free slug', async () => {
    const first = await post(app, 'case-studies', { title: 'Superblocks in Barcelona' }, token)
    const second = await post(app, 'case-studies', { title: 'Superblocks in Barcelona' }, token)
    const third = await post(app, 'case-studies', { title: 'Superblocks in Barcelona!' }, token)
    expect([first.status, second.status, third.status]).toEqual([201, 201, 201])
    expect([first.body.doc.slug, second.body.doc.slug, third.body.doc.slug]).toEqual(['superblocks-in-barcelona', 'superblocks-in-barcelona-2', 'superblocks-in-barcelona-3'])
  })

  test('accents and punctuation are folded into the slug', async () => {
    const res = await post(app, 'case-studies', { title: 'São Paulo: Ciclovias & Ruas Abertas' }, token)
    expect(res.body.doc.slug).toBe('sao-paulo-ciclovias-ruas-abertas')
  })

  test('an explicit duplicate slug is refused with 400 naming slug, and nothing is written', async () => {
    await create(app, 'case-studies', { title: 'Participatory budgeting', slug: 'participatory-budgeting' }, token)
    const before = await rows(app, 'case_studies')
    const res = await post(app, 'case-studies', { title: 'Another budget story', slug: 'participatory-budgeting' }, token)
    expectFieldError(res, 'slug', /unique/i)
    expect(res.body.errors[0].message).toMatch(/slug/i)
    expect(await rows(app, 'case_studies')).toBe(before)
    expect(await rows(app, 'case_studies_locales', 'title = $1', ['Another budget story'])).toBe(0)
  })

  test('taking another case’s slug on update is refused too', async () => {
    const id = await create(app, 'case-studies', { title: 'Night buses' }, token)
    const res = await patch(app, 'case-studies', id, { slug: 'participatory-budgeting' }, token)
    expectFieldError(res, 'slug', /unique/i)
    expect((await app.sql('SELECT slug FROM case_studies WHERE id = $1', [id])).rows[0].slug).toBe('night-buses')
  })

  test('the slug stays when the title changes (REST and GraphQL), in any locale', async () => {
    const id = await create(app, 'case-studies', { title: 'Car-free Sundays' }, token)
    const renamed = await patch(app, 'case-studies', id, { title: 'Car-free Sundays and Saturdays' }, token)
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc).toMatchObject({ title: 'Car-free Sundays and Saturdays', slug: 'car-free-sundays' })
    const de = await patch(app, 'case-studies', id, { title: 'Autofreie Sonntage' }, token, '?locale=de')
    expect(de.body.doc.slug).toBe('car-free-sundays')
    const gql = await graphql(app, `mutation { updateCaseStudy(id: ${id}, data: { title: "Car-free weekends" }) { title slug } }`, undefined, token)
    expect(gql.body.data.updateCaseStudy).toEqual({ title: 'Car-free weekends', slug: 'car-free-sundays' })
    expect((await app.sql('SELECT slug FROM case_studies WHERE id = $1', [id])).rows[0].slug).toBe('car-free-sundays')
  })

  test('the old slug of a renamed case stays taken: a new case with the old title gets a suffix', async () => {
    const res = await post(app, 'case-studies', { title: 'Car-free Sundays' }, token)
    expect(res.body.doc.slug).toBe('car-free-sundays-2')
  })

  test('other collections generate unique slugs the same way', async () => {
    const a = await post(app, 'topics', { name: 'Urban gardening' }, token)
    const b = await post(app, 'topics', { name: 'Urban Gardening', scheme: 'instrument' }, token)
    expect([a.body.doc.slug, b.body.doc.slug]).toEqual(['urban-gardening', 'urban-gardening-2'])
    const dup = await post(app, 'partners', { name: 'Another network', slug: 'metropolis', type: 'city-network' }, token)
    expectFieldError(dup, 'slug', /unique/i)
  })
})

describe('cities: one name per country', () => {
  test('"Zürich" and "zurich" in Switzerland are the same city: the second is refused naming the name', async () => {
    const first = await post(app, 'cities', { name: 'Zürich', country: 'CH' }, token)
    expect(first.status).toBe(201)
    expect(first.body.doc.slug).toBe('zurich')
    const before = await rows(app, 'cities')
    for (const name of ['zurich', 'ZURICH', 'Zurich ']) {
      const res = await post(app, 'cities', { name, country: 'CH' }, token)
      const error = expectFieldError(res, 'name', /already taken by a city in CH/)
      expect(error.message).toContain(name)
    }
    expect(await rows(app, 'cities')).toBe(before)
    expect(await rows(app, 'cities_locales', 'lower(name) LIKE $1', ['%zurich%'])).toBe(0)
  })

  test('the same name in another country is another city, with its own slug', async () => {
    const res = await post(app, 'cities', { name: 'Zürich', country: 'DE' }, token)
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ country: 'DE', slug: 'zurich-2' })
  })

  test('renaming or moving a city onto an existing one is refused; a German translation does not count', async () => {
    const bern = await create(app, 'cities', { name: 'Bern', country: 'CH' }, token)
    expectFieldError(await patch(app, 'cities', bern, { name: 'ZÜRICH' }, token), 'name', /already taken/)
    const zurichDe = (await app.sql(`SELECT id FROM cities WHERE country = 'DE' AND name_key = 'zurich'`)).rows[0].id
    expectFieldError(await patch(app, 'cities', zurichDe, { country: 'CH' }, token), 'name', /already taken by a city in CH/)
    // the key follows the English name only: a translation may read like another city's name
    expect((await patch(app, 'cities', bern, { name: 'Zürich' }, token, '?locale=de')).status).toBe(200)
    const { rows: stored } = await app.sql('SELECT name_key, country FROM cities WHERE id IN ($1, $2) ORDER BY id', [bern, zurichDe])
    expect(stored).toEqual([
      { name_key: 'zurich', country: 'DE' },
      { name_key: 'bern', country: 'CH' },
    ])
  })

  test('GraphQL gets the same refusal', async () => {
    const res = await graphql(app, 'mutation { createCity(data: { name: "ZüRICH", country: CH }) { id } }', undefined, token)
    expect(res.body.data.createCity).toBeNull()
    expect(res.body.errors[0].extensions.statusCode).toBe(400)
    expect(res.body.errors[0].extensions.data.errors[0]).toMatchObject({ path: 'name' })
  })

  test('Wikidata and GeoNames ids are unique', async () => {
    await create(app, 'cities', { name: 'Basel', country: 'CH', wikidataId: 'Q78', geonamesId: 2661604 }, token)
    expectFieldError(await post(app, 'cities', { name: 'Basle', country: 'CH', wikidataId: 'Q78' }, token), 'wikidataId', /unique/i)
    expectFieldError(await post(app, 'cities', { name: 'Basle', country: 'CH', geonamesId: 2661604 }, token), 'geonamesId', /unique/i)
    expect(await rows(app, 'cities', 'name_key = $1', ['basle'])).toBe(0)
  })
})

describe('case studies: one per partner and external id', () => {
  test('a partner’s external id is taken once; another partner or no partner may use it', async () => {
    const metropolis = await partnerId(app, 'metropolis')
    const eurocities = await partnerId(app, 'eurocities')
    const first = await post(app, 'case-studies', { title: 'Imported case', provenance: { sourceType: 'partner-feed', sourcePartner: metropolis, externalId: 'MP-42' } }, token)
    expect(first.status).toBe(201)

    const before = await rows(app, 'case_studies')
    const dup = await post(app, 'case-studies', { title: 'Imported again', provenance: { sourceType: 'partner-feed', sourcePartner: metropolis, externalId: 'MP-42' } }, token)
    const error = expectFieldError(dup, 'provenance.externalId', /External id "MP-42" is already used/)
    expect(error.label).toBe('External id')
    expect(await rows(app, 'case_studies')).toBe(before)

    const other = await post(app, 'case-studies', { title: 'Same id, other partner', provenance: { sourcePartner: eurocities, externalId: 'MP-42' } }, token)
    expect(other.status).toBe(201)
    const none = await post(app, 'case-studies', { title: 'Same id, no partner', provenance: { externalId: 'MP-42' } }, token)
    expect(none.status).toBe(201)
    expect(await rows(app, 'case_studies', 'provenance_external_id = $1', ['MP-42'])).toBe(3)
  })

  test('moving a case onto a taken (partner, external id) pair is refused; saving the case itself again is fine', async () => {
    const metropolis = await partnerId(app, 'metropolis')
    const id = await create(app, 'case-studies', { title: 'Imported later', provenance: { sourcePartner: metropolis, externalId: 'MP-43' } }, token)
    expect((await patch(app, 'case-studies', id, { title: 'Imported later, edited' }, token)).status).toBe(200)
    const res = await patch(app, 'case-studies', id, { provenance: { sourcePartner: metropolis, externalId: 'MP-42' } }, token)
    expectFieldError(res, 'provenance.externalId', /already used/)
    expect((await app.sql('SELECT provenance_external_id FROM case_studies WHERE id = $1', [id])).rows[0].provenance_external_id).toBe('MP-43')
  })

  test('the database refuses a duplicate pair even past the API (unique index)', async () => {
    const metropolis = await partnerId(app, 'metropolis')
    await expect(
      app.sql(`UPDATE case_studies SET provenance_source_partner_id = $1, provenance_external_id = 'MP-42' WHERE provenance_external_id = 'MP-43'`, [metropolis]),
    ).rejects.toThrow(/unique/i)
    expect((await api(app, `/api/case-studies?where[provenance.externalId][equals]=MP-42&where[provenance.sourcePartner][equals]=${metropolis}&depth=0`, { token })).body.totalDocs).toBe(1)
  })
})
