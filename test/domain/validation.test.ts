import { graphql, loginAs, startTestApp, type TestApp } from '../support/harness'
import { create, expectFieldError, patch, post, rows, sdgId, snapshot, topicId } from './helpers'

/**
 * Every validation message: a refused write answers 400, names the field (path, label and the
 * message itself) and leaves the database as it was.
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

const CASE_TABLES = ['case_studies', 'case_studies_locales', '_case_studies_v', 'case_studies_links', 'case_studies_rels']
const latestYear = new Date().getUTCFullYear() + 30

type Case = [name: string, data: Record<string, unknown>, path: string, message: RegExp]

describe('case studies', () => {
  const refused: Case[] = [
    ['slug with spaces and capitals', { slug: 'Bad Slug' }, 'slug', /^Slug must be lowercase letters, digits and single hyphens/],
    ['slug with a double hyphen', { slug: 'bus--rapid' }, 'slug', /^Slug must be lowercase letters, digits and single hyphens/],
    ['slug ending in a hyphen', { slug: 'bus-' }, 'slug', /^Slug must be/],
    ['slug over 120 characters', { slug: 'a'.repeat(121) }, 'slug', /at most 120 characters/],
    ['start year 1700', { startYear: 1700 }, 'startYear', new RegExp(`^Start year must be a whole year between 1800 and ${latestYear}$`)],
    ['start year after the latest year', { startYear: latestYear + 1 }, 'startYear', /^Start year must be a whole year/],
    ['fractional start year', { startYear: 2015.5 }, 'startYear', /^Start year must be a whole year/],
    ['end year before the start year', { projectStatus: 'completed', startYear: 2010, endYear: 2005 }, 'endYear', /^End year \(2005\) must not be before the start year \(2010\)$/],
    ['end year on an ongoing project', { projectStatus: 'ongoing', startYear: 2010, endYear: 2015 }, 'endYear', /^End year must be empty while the project is ongoing$/],
    ['end year on a planned project', { projectStatus: 'planned', endYear: 2030 }, 'endYear', /^End year must be empty while the project is planned$/],
    ['link URL that is not a URL', { links: [{ label: 'Website', url: 'not a url' }] }, 'links.0.url', /^Link URL must be a full http\(s\) URL/],
    ['link URL with another scheme', { links: [{ label: 'Files', url: 'ftp://files.example.org/a' }] }, 'links.0.url', /^Link URL must be a full http\(s\) URL/],
    ['link URL without a domain', { links: [{ label: 'Local', url: 'http://localhost/x' }] }, 'links.0.url', /^Link URL must be/],
    ['link without a label', { links: [{ url: 'https://example.org' }] }, 'links.0.label', /^Link label is required \(in English at least\)$/],
    ['second link broken', { links: [{ label: 'Ok', url: 'https://example.org' }, { label: 'Bad', url: 'example.org' }] }, 'links.1.url', /^Link URL must be/],
    ['video URL', { videos: [{ url: 'youtube' }] }, 'videos.0.url', /^Video URL must be a full http\(s\) URL/],
    ['source URL', { provenance: { sourceUrl: 'www.example.org' } }, 'provenance.sourceUrl', /^Source URL must be a full http\(s\) URL/],
    ['latitude 100', { location: { lat: 100, lng: 10 } }, 'location.lat', /^Location latitude must be between -90 and 90 \(got 100\)$/],
    ['longitude -181', { location: { lat: 10, lng: -181 } }, 'location.lng', /^Location longitude must be between -180 and 180 \(got -181\)$/],
    ['latitude without longitude', { location: { lat: 10 } }, 'location', /^Location needs both latitude and longitude$/],
    ['currency EURO', { funding: { currency: 'EURO' } }, 'funding.currency', /^Budget currency must be an ISO 4217 currency code such as "EUR" or "USD" \(got "EURO"\)$/],
    ['currency in lower case', { funding: { currency: 'eur' } }, 'funding.currency', /^Budget currency must be an ISO 4217 currency code/],
    ['negative budget', { funding: { amount: -5, currency: 'EUR' } }, 'funding.amount', /^Budget amount must be a number of 0 or more$/],
    ['title over 200 characters', { title: 'x'.repeat(201) }, 'title', /200/],
    ['title under 3 characters', { title: 'ab' }, 'title', /3/],
    ['teaser over 300 characters', { teaser: 'y'.repeat(301) }, 'teaser', /300/],
    ['unknown project status', { projectStatus: 'finished' }, 'projectStatus', /invalid/i],
    ['contact without citymaker or name', { contacts: [{ role: 'Lead' }] }, 'contacts', /^Contact 1 needs a citymaker or a name$/],
    ['impact metric without an indicator', { impactMetrics: [{ value: 3 }] }, 'impactMetrics.0.indicator', /^Impact metric indicator is required \(in English at least\)$/],
    ['impact metric year 1700', { impactMetrics: [{ indicator: 'Trees', value: 3, year: 1700 }] }, 'impactMetrics.0.year', /^Metric year must be a whole year/],
  ]

  test.each(refused)('%s: 400 naming the field, nothing written', async (_name, data, path, message) => {
    const before = await snapshot(app, CASE_TABLES)
    const res = await post(app, 'case-studies', { title: 'Validation probe', ...data }, editor)
    expectFieldError(res, path, message)
    expect(await snapshot(app, CASE_TABLES)).toEqual(before)
  })

  test('the top-level message names every invalid field by its label', async () => {
    const res = await post(app, 'case-studies', { title: 'Two errors', startYear: 1700, funding: { currency: 'EURO' } }, editor)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe('The following fields are invalid: Place & time > Start year, Actors & funding > Funding > Currency')
  })

  test('valid values are accepted: GB-style data, EUR, a completed project, full URLs', async () => {
    const res = await post(
      app,
      'case-studies',
      {
        title: 'Valid case',
        slug: 'valid-case-2024',
        projectStatus: 'completed',
        startYear: 1800,
        endYear: latestYear,
        location: { lat: -90, lng: 180 },
        funding: { amount: 0, currency: 'EUR', year: 2020 },
        links: [{ label: 'Project', url: 'https://example.org/page?x=1' }],
        videos: [{ url: 'http://video.example.org/v/1' }],
        contacts: [{ name: 'Ana' }],
      },
      editor,
    )
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ slug: 'valid-case-2024', funding: { currency: 'EUR', amount: 0 }, location: { lat: -90, lng: 180 } })
  })

  test('an invalid update is refused and leaves the stored case unchanged', async () => {
    const id = await create(app, 'case-studies', { title: 'Stable case', projectStatus: 'completed', startYear: 2010, endYear: 2012 }, editor)
    const res = await patch(app, 'case-studies', id, { title: 'Changed title', endYear: 2001 }, editor)
    expectFieldError(res, 'endYear', /must not be before the start year \(2010\)/)
    const { rows: stored } = await app.sql('SELECT end_year, l.title FROM case_studies c JOIN case_studies_locales l ON l._parent_id = c.id WHERE c.id = $1', [id])
    expect(stored).toEqual([{ end_year: '2012', title: 'Stable case' }]) // numeric columns come back as strings
    // the end-year rule looks at the stored start year and status, not only the submitted fields
    expectFieldError(await patch(app, 'case-studies', id, { projectStatus: 'ongoing' }, editor), 'endYear', /while the project is ongoing/)
  })

  test('GraphQL returns the same messages', async () => {
    const before = await rows(app, 'case_studies')
    const res = await graphql(app, 'mutation { createCaseStudy(data: { title: "Gql probe", workflowState: draft, originalLanguage: en, startYear: 1700 }) { id } }', undefined, editor)
    expect(res.body.data.createCaseStudy).toBeNull()
    expect(res.body.errors[0].message).toMatch(/Start year/)
    expect(res.body.errors[0].extensions).toMatchObject({ statusCode: 400, data: { errors: [{ path: 'startYear', message: expect.stringMatching(/^Start year must be a whole year/) }] } })
    expect(await rows(app, 'case_studies')).toBe(before)
  })
})

describe('cities', () => {
  const refused: Case[] = [
    ['country "UK"', { country: 'UK' }, 'country', /^Country must be an ISO 3166-1 alpha-2 country code such as "DE" or "BR" \(got "UK"\)$/],
    ['country in lower case', { country: 'gb' }, 'country', /\(got "gb"\)/],
    ['country that does not exist', { country: 'XX' }, 'country', /\(got "XX"\)/],
    ['Wikidata id without Q', { wikidataId: '64' }, 'wikidataId', /^Wikidata id must look like Q64$/],
    ['Wikidata id Q0', { wikidataId: 'Q0' }, 'wikidataId', /^Wikidata id must look like Q64$/],
    ['Wikidata id in lower case', { wikidataId: 'q64' }, 'wikidataId', /^Wikidata id must look like Q64$/],
    ['latitude 100', { location: { lat: 100, lng: 0 } }, 'location.lat', /^Location latitude must be between -90 and 90/],
    ['name over 120 characters', { name: 'N'.repeat(121) }, 'name', /120/],
    ['population year 1700', { population: { value: 1000, year: 1700 } }, 'population.year', /^Population year must be a whole year/],
    ['negative population', { population: { value: -1 } }, 'population.value', /0/],
  ]

  test.each(refused)('%s: 400 naming the field, nothing written', async (_name, data, path, message) => {
    const before = await snapshot(app, ['cities', 'cities_locales'])
    const res = await post(app, 'cities', { name: 'Probe City', country: 'GB', ...data }, editor)
    expectFieldError(res, path, message)
    expect(await snapshot(app, ['cities', 'cities_locales'])).toEqual(before)
  })

  test('"GB" and a Wikidata id like Q84 are accepted; the region follows', async () => {
    const res = await post(app, 'cities', { name: 'London', country: 'GB', wikidataId: 'Q84', location: { lat: 51.507, lng: -0.128 } }, editor)
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ country: 'GB', wikidataId: 'Q84', region: 'm49-150', subRegion: 'm49-154' })
  })
})

describe('partners, awards, topics, articles', () => {
  test('partner website and feed URL must be full URLs; years must be years', async () => {
    const before = await rows(app, 'partners')
    expectFieldError(await post(app, 'partners', { name: 'Probe partner', type: 'research', website: 'example.org' }, editor), 'website', /^Website must be a full http\(s\) URL/)
    expectFieldError(await post(app, 'partners', { name: 'Probe partner', type: 'research', feed: { url: 'feed.json' } }, editor), 'feed.url', /^Feed URL must be a full http\(s\) URL/)
    expectFieldError(await post(app, 'partners', { name: 'Probe partner', type: 'research', founded: 1492 }, editor), 'founded', /^Founded must be a whole year/)
    expectFieldError(await post(app, 'partners', { name: 'Probe partner', type: 'bank' }, editor), 'type', /invalid/i)
    expect(await rows(app, 'partners')).toBe(before)
  })

  test('an award needs a year, and a real one', async () => {
    const before = await rows(app, 'awards')
    expectFieldError(await post(app, 'awards', { name: 'Probe award' }, editor), 'year', /required/i)
    expectFieldError(await post(app, 'awards', { name: 'Probe award', year: 1700 }, editor), 'year', /^Year must be a whole year between 1800/)
    expect(await rows(app, 'awards')).toBe(before)
  })

  test('a topic’s parent must be of the same scheme and must not make a loop', async () => {
    const before = await rows(app, 'topics')
    const mobility = await topicId(app, 'mobility')
    const wrongScheme = await post(app, 'topics', { name: 'Probe instrument', scheme: 'instrument', parent: mobility }, editor)
    expect(wrongScheme.status).toBe(400)
    expect(wrongScheme.body.errors[0].message).toBe('Parent topic must be of the same scheme (topic)')
    expect(await rows(app, 'topics')).toBe(before)

    const a = await create(app, 'topics', { name: 'Loop A' }, editor)
    const b = await create(app, 'topics', { name: 'Loop B', parent: a }, editor)
    const loop = await patch(app, 'topics', a, { parent: b }, editor)
    expect(loop.status).toBe(400)
    expect(loop.body.errors[0].message).toBe('Parent topic would create a loop in the topic hierarchy')
    expect((await app.sql('SELECT parent_id FROM topics WHERE id = $1', [a])).rows[0].parent_id).toBeNull()
  })

  test('an event must not end before it starts; its links must be URLs', async () => {
    const before = await rows(app, 'articles')
    const ends = await post(app, 'articles', { title: 'Probe event', type: 'event', event: { start: '2025-05-02T10:00:00.000Z', end: '2025-05-01T10:00:00.000Z' } }, editor)
    expectFieldError(ends, 'event.end', /^Event end must not be before the event start$/)
    expectFieldError(await post(app, 'articles', { title: 'Probe event', type: 'event', event: { registrationUrl: 'register here' } }, editor), 'event.registrationUrl', /^Registration link must be a full http\(s\) URL/)
    expect(await rows(app, 'articles')).toBe(before)
  })
})

describe('SDGs (admin only)', () => {
  test('the colour must be a hex colour; the stored colour is unchanged', async () => {
    const id = await sdgId(app, 11)
    for (const colour of ['orange', '#FD9D2', 'FD9D24', '#GGGGGG']) {
      expectFieldError(await patch(app, 'sdgs', id, { colour }, admin), 'colour', /^Colour must be a hex colour such as #FD9D24$/)
    }
    expect((await app.sql('SELECT colour FROM sdgs WHERE id = $1', [id])).rows[0].colour).toBe('#FD9D24')
    const ok = await patch(app, 'sdgs', id, { colour: '#fd9d24' }, admin)
    expect(ok.status).toBe(200)
    expect((await patch(app, 'sdgs', id, { colour: '#FD9D24' }, admin)).status).toBe(200)
  })

  test('target and indicator codes must look like 11.2 and 11.2.1; the goal number 1 to 17', async () => {
    const goal = await sdgId(app, 11)
    const before = await snapshot(app, ['sdg_targets', 'sdg_indicators', 'sdgs'])
    expectFieldError(await post(app, 'sdg-targets', { code: '11-2', goal, text: 'Probe' }, admin), 'code', /^Code must look like "11.2" or "11.a"$/)
    expectFieldError(await post(app, 'sdg-targets', { code: '18.1', goal, text: 'Probe' }, admin), 'code', /^Code must look like "11.2"/)
    const target = (await app.sql(`SELECT id FROM sdg_targets WHERE code = '11.2'`)).rows[0].id
    expectFieldError(await post(app, 'sdg-indicators', { code: '11.2', target, text: 'Probe' }, admin), 'code', /^Code must look like "11.2.1"$/)
    expectFieldError(await post(app, 'sdgs', { number: 18, code: 'SDG 18', shortTitle: 'x', title: 'x', colour: '#000000' }, admin), 'number', /17/)
    expect(await snapshot(app, ['sdg_targets', 'sdg_indicators', 'sdgs'])).toEqual(before)
  })
})
