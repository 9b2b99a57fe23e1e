import { api, graphql, loginAs, startTestApp, type TestApp } from '../support/harness'
import { create, del, expectFieldError, partnerId, patch, post, rows, sdgId, snapshot, targetId, topicId } from './helpers'

/**
 * Relationships between documents: SDG goals follow from targets, relationships must point to
 * existing documents, and reference data that is still used cannot be deleted.
 */
let app: TestApp
let editor: string
let admin: string
beforeAll(async () => {
  app = await startTestApp()
  editor = (await loginAs(app, ['editor'])).token
  admin = (await loginAs(app, ['admin'])).token
})
afterAll(async () => {
  await app?.close()
})

const numbersOf = (sdgs: Array<{ number: number }>) => sdgs.map((s) => s.number).sort((a, b) => a - b)
const storedSdgNumbers = async (caseId: number) =>
  (
    await app.sql(
      `SELECT s.number FROM case_studies_rels r JOIN sdgs s ON s.id = r.sdgs_id WHERE r.parent_id = $1 AND r.path = 'sdgs' ORDER BY s.number`,
      [caseId],
    )
  ).rows.map((r) => Number(r.number))

describe('SDG targets imply their goals', () => {
  test('a case with target 11.2 and no SDGs ends up with SDG 11', async () => {
    const res = await post(app, 'case-studies', { title: 'Accessible buses', sdgTargets: [await targetId(app, '11.2')] }, editor)
    expect(res.status).toBe(201)
    expect(numbersOf(res.body.doc.sdgs)).toEqual([11])
    expect(await storedSdgNumbers(res.body.doc.id)).toEqual([11])
  })

  test('the primary SDG is one of the SDGs; goals are not duplicated', async () => {
    const res = await post(
      app,
      'case-studies',
      { title: 'Clean water kiosks', sdgs: [await sdgId(app, 11)], sdgTargets: [await targetId(app, '11.1'), await targetId(app, '6.1')], primarySdg: await sdgId(app, 3) },
      editor,
    )
    expect(res.status).toBe(201)
    expect(res.body.doc.primarySdg.number).toBe(3)
    expect(numbersOf(res.body.doc.sdgs)).toEqual([3, 6, 11])
    expect(await storedSdgNumbers(res.body.doc.id)).toEqual([3, 6, 11])
  })

  test('adding a target later adds its goal and keeps the others', async () => {
    const id = await create(app, 'case-studies', { title: 'School streets', sdgTargets: [await targetId(app, '11.2')] }, editor)
    const res = await patch(app, 'case-studies', id, { sdgTargets: [await targetId(app, '11.2'), await targetId(app, '3.6')] }, editor)
    expect(res.status).toBe(200)
    expect(numbersOf(res.body.doc.sdgs)).toEqual([3, 11])
    // an edit that does not touch the SDGs keeps them
    expect((await patch(app, 'case-studies', id, { teaser: 'Streets for children.' }, editor)).status).toBe(200)
    expect(await storedSdgNumbers(id)).toEqual([3, 11])
  })

  test('GraphQL writes get the same goals', async () => {
    const target = await targetId(app, '13.1')
    const res = await graphql(
      app,
      `mutation { createCaseStudy(data: { title: "Flood shelters", workflowState: draft, originalLanguage: en, sdgTargets: [${target}] }) { id sdgs { number } } }`,
      undefined,
      editor,
    )
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data.createCaseStudy.sdgs).toEqual([{ number: 13 }])
  })
})

describe('relationships to documents that do not exist are refused', () => {
  const caseTables = ['case_studies', 'case_studies_locales', 'case_studies_rels', '_case_studies_v']

  test('a case study with cities: [999999] gets 400 naming cities, and nothing is written', async () => {
    const before = await snapshot(app, caseTables)
    const res = await post(app, 'case-studies', { title: 'Nowhere city', cities: [999999] }, editor)
    const error = expectFieldError(res, 'cities', /Cities refers to a document that does not exist \(cities id 999999\)/)
    expect(error.label).toBe('Cities')
    expect(await snapshot(app, caseTables)).toEqual(before)
  })

  test('the same for drafts, which skip field validation', async () => {
    const before = await snapshot(app, caseTables)
    const res = await post(app, 'case-studies', { title: 'Nowhere draft', topics: [999999] }, editor, '?draft=true')
    expectFieldError(res, 'topics', /does not exist \(topics id 999999\)/)
    expect(await snapshot(app, caseTables)).toEqual(before)
  })

  test('every missing reference is named: single, many, nested in groups and arrays, uploads', async () => {
    const before = await snapshot(app, caseTables)
    const city = await create(app, 'cities', { name: 'Porto', country: 'PT' }, editor)
    const res = await post(
      app,
      'case-studies',
      {
        title: 'Many missing things',
        cities: [city, 999998],
        sdgTargets: [999997],
        primarySdg: 999996,
        heroImage: 999995,
        provenance: { sourcePartner: 999994 },
        awards: [{ award: 999993, result: 'winner' }],
        contacts: [{ citymaker: 999992 }],
      },
      editor,
    )
    expect(res.status).toBe(400)
    const paths = res.body.errors[0].data.errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['cities', 'sdgTargets', 'primarySdg', 'heroImage', 'provenance.sourcePartner', 'awards.0.award', 'contacts.0.citymaker']))
    // the existing city is not reported
    expect(res.body.errors[0].data.errors.filter((e: { message: string }) => e.message.includes(`id ${city})`))).toEqual([])
    expect(await snapshot(app, caseTables)).toEqual(before)
  })

  test('an update pointing to a missing document leaves the case as it was', async () => {
    const city = await create(app, 'cities', { name: 'Braga', country: 'PT' }, editor)
    const id = await create(app, 'case-studies', { title: 'Braga bike lanes', cities: [city] }, editor)
    const versions = await rows(app, '_case_studies_v', 'parent_id = $1', [id])
    const res = await patch(app, 'case-studies', id, { title: 'Renamed', cities: [city, 999999] }, editor)
    expectFieldError(res, 'cities', /does not exist/)
    const { rows: rels } = await app.sql(`SELECT cities_id FROM case_studies_rels WHERE parent_id = $1 AND path = 'cities'`, [id])
    expect(rels.map((r) => r.cities_id)).toEqual([city])
    expect(await rows(app, 'case_studies_locales', '_parent_id = $1 AND title = $2', [id, 'Braga bike lanes'])).toBe(1)
    expect(await rows(app, '_case_studies_v', 'parent_id = $1', [id])).toBe(versions)
  })

  test('the other collections refuse missing references too', async () => {
    const member = await loginAs(app, ['citymaker'])
    expectFieldError(await patch(app, 'citymakers', member.user.id, { city: 999999 }, member.token), 'city', /does not exist/)
    expect((await app.sql('SELECT city_id FROM citymakers WHERE id = $1', [member.user.id])).rows[0].city_id).toBeNull()

    const before = await snapshot(app, ['cities', 'awards', 'articles', 'topics'])
    expectFieldError(await post(app, 'cities', { name: 'Faro', country: 'PT', networks: [{ partner: 999999 }] }, editor), 'networks.0.partner', /does not exist/)
    expectFieldError(await post(app, 'awards', { name: 'Ghost award', year: 2020, organiser: 999999 }, editor), 'organiser', /does not exist/)
    expectFieldError(await post(app, 'articles', { title: 'Ghost news', cities: [999999] }, editor), 'cities', /does not exist/)
    expectFieldError(await post(app, 'topics', { name: 'Orphan topic', parent: 999999 }, editor), 'parent', /does not exist/)
    expect(await snapshot(app, ['cities', 'awards', 'articles', 'topics'])).toEqual(before)
  })

  test('GraphQL gets a 400 validation error too', async () => {
    const before = await rows(app, 'case_studies')
    const res = await graphql(app, 'mutation { createCaseStudy(data: { title: "Ghost", workflowState: draft, originalLanguage: en, cities: [999999] }) { id } }', undefined, editor)
    expect(res.body.data.createCaseStudy).toBeNull()
    expect(res.body.errors[0].extensions).toMatchObject({ statusCode: 400, data: { errors: [{ path: 'cities' }] } })
    expect(await rows(app, 'case_studies')).toBe(before)
  })
})

describe('reference data that is still used cannot be deleted', () => {
  test('a city used by a case, a profile and an article: 409 naming 3 uses; it stays', async () => {
    const city = await create(app, 'cities', { name: 'Ghent', country: 'BE' }, editor)
    await create(app, 'case-studies', { title: 'Ghent circulation plan', cities: [city] }, editor)
    await create(app, 'articles', { title: 'Ghent news', cities: [city] }, editor)
    const member = await loginAs(app, ['citymaker'])
    expect((await patch(app, 'citymakers', member.user.id, { city }, member.token)).status).toBe(200)

    const res = await del(app, 'cities', city, editor)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toBe(
      'This city is still used by 3 documents (1 in case-studies.cities, 1 in citymakers.city, 1 in articles.cities); merge it into another one instead of deleting it',
    )
    expect(res.body.errors[0].data.uses).toHaveLength(3)
    expect(await rows(app, 'cities', 'id = $1', [city])).toBe(1)
    expect((await api(app, `/api/cities/${city}`)).status).toBe(200)
  })

  test('an unused city can be deleted', async () => {
    const city = await create(app, 'cities', { name: 'Leuven', country: 'BE' }, editor)
    expect((await del(app, 'cities', city, editor)).status).toBe(200)
    expect(await rows(app, 'cities', 'id = $1', [city])).toBe(0)
  })

  test('a topic used by a draft case and as a parent: 409 naming both', async () => {
    const parent = await create(app, 'topics', { name: 'Circular economy' }, editor)
    await create(app, 'topics', { name: 'Repair', parent }, editor)
    await create(app, 'case-studies', { title: 'Tool library', topics: [parent] }, editor, '?draft=true')
    const res = await del(app, 'topics', parent, editor)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toMatch(/^This topic is still used by 2 documents \(1 in case-studies\.topics, 1 in topics\.parent\)/)
    expect(await rows(app, 'topics', 'id = $1', [parent])).toBe(1)
    // seeded topics with children are protected the same way
    expect((await del(app, 'topics', await topicId(app, 'mobility'), editor)).status).toBe(409)
  })

  test('an SDG used by its targets and a case: 409 for the admin too; a used target likewise', async () => {
    const goal = await sdgId(app, 11)
    const target = await targetId(app, '11.2')
    await create(app, 'case-studies', { title: 'Cable car', sdgTargets: [target] }, editor)
    const targets = await rows(app, 'sdg_targets', 'goal_id = $1', [goal])
    const cases = Number((await app.sql(`SELECT count(DISTINCT parent_id) AS n FROM case_studies_rels WHERE path = 'sdgs' AND sdgs_id = $1`, [goal])).rows[0].n)
    expect(cases).toBeGreaterThanOrEqual(1)
    const res = await del(app, 'sdgs', goal, admin)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toContain(`This SDG is still used by ${targets + cases} documents (${cases} in case-studies.sdgs, ${targets} in sdg-targets.goal)`)
    expect(await rows(app, 'sdgs', 'id = $1', [goal])).toBe(1)

    const targetRes = await del(app, 'sdg-targets', target, admin)
    expect(targetRes.status).toBe(409)
    expect(targetRes.body.errors[0].message).toMatch(/^This SDG target is still used by \d+ documents \(\d+ in case-studies\.sdgTargets, 1 in sdg-indicators\.target/)
    expect(await rows(app, 'sdg_targets', 'id = $1', [target])).toBe(1)
  })

  test('a partner that organises awards and sources cases: 409; an award used by a case: 409', async () => {
    const partner = await partnerId(app, 'metropolis')
    const awardsOrganised = await rows(app, 'awards', 'organiser_id = $1', [partner])
    await create(app, 'case-studies', { title: 'Metropolis import', provenance: { sourcePartner: partner, externalId: 'M-1' } }, editor)
    const res = await del(app, 'partners', partner, editor)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toMatch(new RegExp(`^This partner is still used by ${awardsOrganised + 1 + (await rows(app, 'cities_networks', 'partner_id = $1', [partner]))} documents? \\(1 in case-studies\\.provenance\\.sourcePartner`))
    expect(await rows(app, 'partners', 'id = $1', [partner])).toBe(1)

    const award = await create(app, 'awards', { name: 'Urban prize', year: 2021 }, editor)
    await create(app, 'case-studies', { title: 'Prize winner', awards: [{ award, result: 'winner' }] }, editor)
    const awardRes = await del(app, 'awards', award, editor)
    expect(awardRes.status).toBe(409)
    expect(awardRes.body.errors[0].message).toMatch(/^This award is still used by 1 document \(1 in case-studies\.awards\.award\)/)
    expect(await rows(app, 'awards', 'id = $1', [award])).toBe(1)
  })

  test('GraphQL deletes are refused the same way', async () => {
    const city = await create(app, 'cities', { name: 'Mechelen', country: 'BE' }, editor)
    await create(app, 'articles', { title: 'Mechelen news', cities: [city] }, editor)
    const res = await graphql(app, `mutation { deleteCity(id: ${city}) { id } }`, undefined, editor)
    expect(res.body.errors[0].message).toMatch(/^This city is still used by 1 document \(1 in articles\.cities\)/)
    expect(res.body.errors[0].extensions.statusCode).toBe(409)
    expect(await rows(app, 'cities', 'id = $1', [city])).toBe(1)
  })
})
