import { api, graphql, loginAs, startTestApp, type TestApp } from '../support/harness'
import { create, lexical, partnerId, patch, post, rows, sdgId, targetId, topicId } from './helpers'

/**
 * Each collection is created and read through REST and GraphQL, in English and German, with
 * French falling back to English: the doors editors, the site and partners use.
 */
let app: TestApp
let editor: { token: string; user: { id: number | string } }
beforeAll(async () => {
  app = await startTestApp()
  editor = (await loginAs(app, ['editor'])) as never
})
afterAll(async () => {
  await app?.close()
})

const readIn = async (collection: string, id: number, locale: string, token?: string) => {
  const res = await api(app, `/api/${collection}/${id}?locale=${locale}&depth=0`, { token })
  expect(res.status).toBe(200)
  return res.body
}

describe('cities', () => {
  test('REST: created in English, translated to German, French falls back to English; region follows the country', async () => {
    const created = await post(app, 'cities', { name: 'Vienna', country: 'AT', location: { lat: 48.2082, lng: 16.3738 }, population: { value: 1982097, year: 2023 } }, editor.token, '?locale=en')
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ name: 'Vienna', slug: 'vienna', country: 'AT', region: 'm49-150', subRegion: 'm49-155', location: { lat: 48.2082, lng: 16.3738 } })
    const id = created.body.doc.id
    expect((await patch(app, 'cities', id, { name: 'Wien' }, editor.token, '?locale=de')).status).toBe(200)

    expect((await readIn('cities', id, 'en')).name).toBe('Vienna')
    expect((await readIn('cities', id, 'de')).name).toBe('Wien')
    expect((await readIn('cities', id, 'fr')).name).toBe('Vienna')
    // the slug and the matching key follow the English name only
    const { rows: stored } = await app.sql('SELECT slug, name_key FROM cities WHERE id = $1', [id])
    expect(stored[0]).toEqual({ slug: 'vienna', name_key: 'vienna' })
  })

  test('GraphQL: createCity and updateCity with a locale, read back in three locales', async () => {
    const created = await graphql(app, 'mutation { createCity(data: { name: "Cologne", country: DE }, locale: en) { id name slug region } }', undefined, editor.token)
    expect(created.body.errors).toBeUndefined()
    // GraphQL enum values cannot hold a hyphen: m49-150 is spelled m49_150
    expect(created.body.data.createCity).toMatchObject({ name: 'Cologne', slug: 'cologne', region: 'm49_150' })
    const id = created.body.data.createCity.id
    const updated = await graphql(app, `mutation { updateCity(id: ${id}, data: { name: "Köln" }, locale: de) { name } }`, undefined, editor.token)
    expect(updated.body.data.updateCity.name).toBe('Köln')
    const read = await graphql(app, `{ en: City(id: ${id}, locale: en) { name } de: City(id: ${id}, locale: de) { name } }`)
    expect(read.body.data).toEqual({ en: { name: 'Cologne' }, de: { name: 'Köln' } })
    const fr = await graphql(app, `{ City(id: ${id}, locale: fr) { name country } }`)
    expect(fr.body.data.City).toEqual({ name: 'Cologne', country: 'DE' })
  })
})

describe('topics', () => {
  test('REST: a child topic gets its path from the parent; names are localized with fallback', async () => {
    const mobility = await topicId(app, 'mobility')
    const created = await post(app, 'topics', { name: 'Cargo bikes', parent: mobility, description: 'Bikes that carry goods.' }, editor.token)
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ slug: 'cargo-bikes', scheme: 'topic', path: 'mobility/cargo-bikes', depth: 1 })
    const id = created.body.doc.id
    expect((await patch(app, 'topics', id, { name: 'Lastenräder' }, editor.token, '?locale=de')).status).toBe(200)
    expect((await readIn('topics', id, 'de')).name).toBe('Lastenräder')
    expect((await readIn('topics', id, 'en')).name).toBe('Cargo bikes')
    const fr = await readIn('topics', id, 'fr')
    expect(fr).toMatchObject({ name: 'Cargo bikes', description: 'Bikes that carry goods.' })
    // the parent lists it among its children
    const parent = await api(app, `/api/topics/${mobility}?depth=0&joins[children][limit]=100`)
    expect(parent.body.children.docs).toContain(id)
  })

  test('GraphQL: createTopic in English, updateTopic in German, read in French', async () => {
    const created = await graphql(app, 'mutation { createTopic(data: { name: "Heat islands", scheme: topic }, locale: en) { id slug path } }', undefined, editor.token)
    expect(created.body.errors).toBeUndefined()
    expect(created.body.data.createTopic).toMatchObject({ slug: 'heat-islands', path: 'heat-islands' })
    const id = created.body.data.createTopic.id
    await graphql(app, `mutation { updateTopic(id: ${id}, data: { name: "Hitzeinseln" }, locale: de) { id } }`, undefined, editor.token)
    const read = await graphql(app, `{ de: Topic(id: ${id}, locale: de) { name } fr: Topic(id: ${id}, locale: fr) { name } }`)
    expect(read.body.data).toEqual({ de: { name: 'Hitzeinseln' }, fr: { name: 'Heat islands' } })
  })
})

describe('partners', () => {
  test('REST and GraphQL: the description is localized, the name is not; feed settings stay private', async () => {
    const created = await post(
      app,
      'partners',
      { name: 'Open Cities Lab', type: 'research', website: 'https://opencities.example.org', description: 'A lab.', feed: { format: 'json', url: 'https://opencities.example.org/feed.json' } },
      editor.token,
    )
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ slug: 'open-cities-lab', trustLevel: 'review-required' })
    const id = created.body.doc.id
    expect((await patch(app, 'partners', id, { description: 'Ein Labor.' }, editor.token, '?locale=de')).status).toBe(200)
    expect(await readIn('partners', id, 'de')).toMatchObject({ name: 'Open Cities Lab', description: 'Ein Labor.' })
    const fr = await readIn('partners', id, 'fr')
    expect(fr).toMatchObject({ name: 'Open Cities Lab', description: 'A lab.' })
    expect(fr.feed).toBeUndefined()
    expect(fr.trustLevel).toBeUndefined()
    expect((await readIn('partners', id, 'en', editor.token)).feed).toMatchObject({ format: 'json' })

    const gql = await graphql(app, `{ Partner(id: ${id}, locale: de) { name slug description website } }`)
    expect(gql.body.data.Partner).toEqual({ name: 'Open Cities Lab', slug: 'open-cities-lab', description: 'Ein Labor.', website: 'https://opencities.example.org' })
  })
})

describe('awards', () => {
  test('REST and GraphQL: an award with an organiser, translated name, French fallback', async () => {
    const organiser = await partnerId(app, 'metropolis')
    const created = await post(app, 'awards', { name: 'Green City Prize 2025', organiser, year: 2025, edition: '1st', categories: ['Climate'] }, editor.token)
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ slug: 'green-city-prize-2025', year: 2025, organiser: { id: organiser } })
    const id = created.body.doc.id
    expect((await patch(app, 'awards', id, { name: 'Grüne-Stadt-Preis 2025' }, editor.token, '?locale=de')).status).toBe(200)
    expect((await readIn('awards', id, 'de')).name).toBe('Grüne-Stadt-Preis 2025')
    expect((await readIn('awards', id, 'fr')).name).toBe('Green City Prize 2025')

    const gql = await graphql(app, `{ Award(id: ${id}, locale: de) { name year organiser { slug } } }`)
    expect(gql.body.data.Award).toEqual({ name: 'Grüne-Stadt-Preis 2025', year: 2025, organiser: { slug: 'metropolis' } })
  })
})

describe('articles', () => {
  test('REST: a published article in two locales is public; a draft is for staff only', async () => {
    const published = await post(
      app,
      'articles',
      { title: 'Cities adapt to heat', type: 'news', body: lexical('Summers get hotter.'), publishedAt: '2025-06-01T00:00:00.000Z', _status: 'published' },
      editor.token,
    )
    expect(published.status).toBe(201)
    const id = published.body.doc.id
    expect((await patch(app, 'articles', id, { title: 'Städte passen sich an die Hitze an', _status: 'published' }, editor.token, '?locale=de')).status).toBe(200)

    expect((await readIn('articles', id, 'en')).title).toBe('Cities adapt to heat')
    expect((await readIn('articles', id, 'de')).title).toBe('Städte passen sich an die Hitze an')
    const fr = await readIn('articles', id, 'fr')
    expect(fr).toMatchObject({ title: 'Cities adapt to heat', slug: 'cities-adapt-to-heat', _status: 'published' })
    expect(fr.body.root.children[0].children[0].text).toBe('Summers get hotter.')

    const draft = await create(app, 'articles', { title: 'Not yet', type: 'news' }, editor.token)
    expect((await api(app, `/api/articles/${draft}`)).status).toBe(404)
    expect((await api(app, `/api/articles/${draft}`, { token: editor.token })).status).toBe(200)
  })

  test('GraphQL: the public list shows published articles only, in the asked locale', async () => {
    const res = await graphql(app, '{ Articles(locale: de) { docs { title _status } } }')
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.Articles.docs).toEqual([{ title: 'Städte passen sich an die Hitze an', _status: 'published' }])
  })
})

describe('GraphQL writes of partners, awards and articles', () => {
  test('created in English, updated in German, read back in German and French', async () => {
    const partner = await graphql(app, 'mutation { createPartner(data: { name: "Green Ports Network", type: city_network, description: "Ports." }, locale: en) { id slug } }', undefined, editor.token)
    expect(partner.body.errors).toBeUndefined()
    const partnerId = partner.body.data.createPartner.id
    expect(partner.body.data.createPartner.slug).toBe('green-ports-network')
    await graphql(app, `mutation { updatePartner(id: ${partnerId}, data: { description: "Häfen." }, locale: de) { id } }`, undefined, editor.token)

    const award = await graphql(app, `mutation { createAward(data: { name: "Blue Harbour Award", year: 2024, organiser: ${partnerId} }, locale: en) { id slug } }`, undefined, editor.token)
    expect(award.body.errors).toBeUndefined()
    const awardId = award.body.data.createAward.id
    await graphql(app, `mutation { updateAward(id: ${awardId}, data: { name: "Blauer-Hafen-Preis" }, locale: de) { id } }`, undefined, editor.token)

    const article = await graphql(app, 'mutation { createArticle(data: { title: "Ports go green", type: news }, locale: en) { id slug _status } }', undefined, editor.token)
    expect(article.body.errors).toBeUndefined()
    expect(article.body.data.createArticle).toMatchObject({ slug: 'ports-go-green', _status: 'draft' })
    const articleId = article.body.data.createArticle.id
    await graphql(app, `mutation { updateArticle(id: ${articleId}, data: { title: "Häfen werden grün" }, locale: de) { id } }`, undefined, editor.token)

    const read = await graphql(
      app,
      `{ pde: Partner(id: ${partnerId}, locale: de) { description } pfr: Partner(id: ${partnerId}, locale: fr) { description }
         ade: Award(id: ${awardId}, locale: de) { name organiser { name } } afr: Award(id: ${awardId}, locale: fr) { name }
         rde: Article(id: ${articleId}, locale: de, draft: true) { title } rfr: Article(id: ${articleId}, locale: fr, draft: true) { title } }`,
      undefined,
      editor.token,
    )
    expect(read.body.errors).toBeUndefined()
    expect(read.body.data).toEqual({
      pde: { description: 'Häfen.' },
      pfr: { description: 'Ports.' },
      ade: { name: 'Blauer-Hafen-Preis', organiser: { name: 'Green Ports Network' } },
      afr: { name: 'Blue Harbour Award' },
      rde: { title: 'Häfen werden grün' },
      rfr: { title: 'Ports go green' },
    })
    // the draft article stays invisible to the public
    expect((await graphql(app, `{ Article(id: ${articleId}) { title } }`)).body.data.Article).toBeNull()
  })
})

describe('case studies', () => {
  let caseId: number
  test('REST: an editor creates a case in English and translates it; French falls back to English; the slug is kept', async () => {
    const city = await create(app, 'cities', { name: 'Lyon', country: 'FR' }, editor.token)
    const cycling = await topicId(app, 'mobility')
    const created = await post(
      app,
      'case-studies',
      { title: 'Bus rapid transit for all', summary: 'Fast buses.', cities: [city], topics: [cycling], sdgTargets: [await targetId(app, '11.2')], projectStatus: 'completed', startYear: 2015, endYear: 2019 },
      editor.token,
      '?locale=en',
    )
    expect(created.status).toBe(201)
    caseId = created.body.doc.id
    expect(created.body.doc).toMatchObject({ slug: 'bus-rapid-transit-for-all', workflowState: 'draft', _status: 'draft', author: { id: editor.user.id }, translations: { en: 'original', de: 'missing' } })
    expect(created.body.doc.cities.map((c: { id: number }) => c.id)).toEqual([city])

    const de = await patch(app, 'case-studies', caseId, { title: 'Schnellbusse für alle', summary: 'Schnelle Busse.', translations: { de: 'reviewed' } }, editor.token, '?locale=de')
    expect(de.status).toBe(200)
    expect(de.body.doc.slug).toBe('bus-rapid-transit-for-all')

    expect(await readIn('case-studies', caseId, 'en', editor.token)).toMatchObject({ title: 'Bus rapid transit for all', summary: 'Fast buses.' })
    expect(await readIn('case-studies', caseId, 'de', editor.token)).toMatchObject({ title: 'Schnellbusse für alle', summary: 'Schnelle Busse.', translations: { de: 'reviewed' } })
    expect(await readIn('case-studies', caseId, 'fr', editor.token)).toMatchObject({ title: 'Bus rapid transit for all', summary: 'Fast buses.', startYear: 2015 })
  })

  test('drafts are invisible to anonymous readers until published', async () => {
    expect((await api(app, `/api/case-studies/${caseId}`)).status).toBe(404)
    const published = await patch(app, 'case-studies', caseId, { _status: 'published', workflowState: 'published' }, editor.token)
    expect(published.status).toBe(200)
    const read = await api(app, `/api/case-studies/${caseId}?locale=de&depth=0`)
    expect(read.status).toBe(200)
    expect(read.body.title).toBe('Schnellbusse für alle')
  })

  test('GraphQL: the published case in three locales, with its relations', async () => {
    const res = await graphql(
      app,
      `{ en: CaseStudy(id: ${caseId}, locale: en) { title slug cities { name } sdgs { number } }
         de: CaseStudy(id: ${caseId}, locale: de) { title }
         fr: CaseStudy(id: ${caseId}, locale: fr) { title } }`,
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data).toEqual({
      en: { title: 'Bus rapid transit for all', slug: 'bus-rapid-transit-for-all', cities: [{ name: 'Lyon' }], sdgs: [{ number: 11 }] },
      de: { title: 'Schnellbusse für alle' },
      fr: { title: 'Bus rapid transit for all' },
    })
  })

  test('GraphQL: createCaseStudy in German', async () => {
    const res = await graphql(
      app,
      'mutation { createCaseStudy(data: { title: "Gemeinschaftsgärten", workflowState: draft, originalLanguage: de }, locale: de) { id title slug translations { de en } } }',
      undefined,
      editor.token,
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.createCaseStudy).toMatchObject({ title: 'Gemeinschaftsgärten', slug: 'gemeinschaftsgarten', translations: { de: 'original', en: 'missing' } })
    expect(await rows(app, 'case_studies_locales', "_locale = 'de' AND title = $1", ['Gemeinschaftsgärten'])).toBe(1)
  })

  test('a citymaker may submit a case and becomes its author', async () => {
    const citymaker = await loginAs(app, ['citymaker'])
    const res = await post(app, 'case-studies', { title: 'Repair cafés' }, citymaker.token)
    expect(res.status).toBe(201)
    expect(res.body.doc.author.id).toBe(citymaker.user.id)
  })
})

describe('citymaker profiles', () => {
  test('public profiles are readable by anyone, without the private fields; the holder and staff see them', async () => {
    const member = await loginAs(app, ['citymaker'], 'ada')
    expect((await patch(app, 'citymakers', member.user.id, { bio: 'Urban planner.', organisation: 'City of Lyon' }, member.token)).status).toBe(200)
    expect((await patch(app, 'citymakers', member.user.id, { bio: 'Stadtplanerin.' }, member.token, '?locale=de')).status).toBe(200)

    const anon = await api(app, `/api/citymakers/${member.user.id}?locale=de`)
    expect(anon.status).toBe(200)
    expect(anon.body).toMatchObject({ displayName: 'ada', organisation: 'City of Lyon', bio: 'Stadtplanerin.' })
    expect(anon.body.email).toBeUndefined()
    expect(anon.body.roles).toBeUndefined()
    expect((await api(app, `/api/citymakers/${member.user.id}?locale=fr`)).body.bio).toBe('Urban planner.')

    const other = await loginAs(app, ['citymaker'], 'bob')
    expect((await api(app, `/api/citymakers/${member.user.id}`, { token: other.token })).body.email).toBeUndefined()
    expect((await api(app, `/api/citymakers/${member.user.id}`, { token: member.token })).body).toMatchObject({ email: member.email, roles: ['citymaker'] })
    expect((await api(app, `/api/citymakers/${member.user.id}`, { token: editor.token })).body.email).toBe(member.email)
    const me = await api(app, '/api/citymakers/me', { token: member.token })
    expect(me.body.user.email).toBe(member.email)

    const gql = await graphql(app, `{ Citymaker(id: ${member.user.id}, locale: de) { displayName bio email roles } }`)
    expect(gql.body.data.Citymaker).toEqual({ displayName: 'ada', bio: 'Stadtplanerin.', email: null, roles: null })
  })

  test('hidden profiles are not listed for anonymous visitors or other members', async () => {
    const hidden = await loginAs(app, ['citymaker'], 'hidden')
    expect((await patch(app, 'citymakers', hidden.user.id, { profileVisibility: 'hidden' }, hidden.token)).status).toBe(200)
    expect((await api(app, `/api/citymakers/${hidden.user.id}`)).status).toBe(404)
    const list = await graphql(app, '{ Citymakers(limit: 100) { docs { displayName } } }')
    expect(list.body.data.Citymakers.docs.map((d: { displayName: string }) => d.displayName)).not.toContain('hidden')
    expect((await api(app, `/api/citymakers/${hidden.user.id}`, { token: hidden.token })).status).toBe(200)
  })
})

describe('SDGs', () => {
  test('goals, targets and indicators are readable anonymously in every locale, over REST and GraphQL', async () => {
    const id = await sdgId(app, 11)
    const en = await readIn('sdgs', id, 'en')
    expect(en).toMatchObject({ number: 11, code: 'SDG 11', colour: '#FD9D24', shortTitle: 'Sustainable cities and communities' })
    expect((await readIn('sdgs', id, 'de')).shortTitle).toBe('Nachhaltige Städte und Gemeinden')

    const target = await api(app, `/api/sdg-targets/${await targetId(app, '11.2')}?depth=1&locale=fr`)
    expect(target.body).toMatchObject({ code: '11.2', goal: { number: 11 } })
    expect(target.body.text).toMatch(/transport/i)

    const gql = await graphql(app, '{ SdgTargets(where: { code: { equals: "11.2" } }, locale: de) { docs { code goal { number shortTitle } } } SdgIndicators(where: { code: { equals: "11.2.1" } }) { docs { code target { code } } } }')
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.SdgTargets.docs).toEqual([{ code: '11.2', goal: { number: 11, shortTitle: 'Nachhaltige Städte und Gemeinden' } }])
    expect(gql.body.data.SdgIndicators.docs).toEqual([{ code: '11.2.1', target: { code: '11.2' } }])
    expect(await rows(app, 'sdgs')).toBe(17)
  })
})
