import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'

import { api, graphql, loginAs, startTestApp, type TestApp } from '../support/harness'
import { create, lexical, patch, post, targetId, topicId } from './helpers'

/**
 * The completeness score of a case study: the weighted share of filled sections and fields,
 * and the list of what is missing, heaviest first. Rich text is Lexical JSON.
 */
let app: TestApp
let token: string
let dataDir: string
beforeAll(async () => {
  // uploads (the hero image) go to a folder of this test file's own
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'use-completeness-'))
  app = await startTestApp({ env: { DATA_DIR: dataDir } })
  token = (await loginAs(app, ['editor'])).token
})
afterAll(async () => {
  await app?.close()
  await rm(dataDir, { recursive: true, force: true })
})

const ALL_MISSING_BUT_TITLE = [
  'Summary',
  'Background & objectives',
  'Approach',
  'Results & impact',
  'Participation',
  'Challenges & lessons',
  'Transferability',
  'City',
  'Topics',
  'SDGs',
  'Impact metrics',
  'Teaser',
  'Project status and start year',
  'Main actors',
  'SDG targets',
  'Hero image',
  'Location on the map',
  'Contact person',
]

const storedScore = async (id: number) => Number((await app.sql('SELECT completeness_score FROM case_studies WHERE id = $1', [id])).rows[0].completeness_score)

async function uploadImage(): Promise<number> {
  const png = await sharp({ create: { width: 16, height: 12, channels: 3, background: '#2a9d8f' } }).png().toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'hero.png')
  form.append('_payload', JSON.stringify({ alt: 'A green square' }))
  const res = await api(app, '/api/media', { method: 'POST', body: form, token })
  expect(res.status).toBe(201)
  return res.body.doc.id
}

let utrecht: number | undefined
async function fullCase() {
  utrecht ??= await create(app, 'cities', { name: 'Utrecht', country: 'NL' }, token)
  return {
    title: 'Complete case',
    teaser: 'Everything filled in.',
    summary: 'A case with every section.',
    sections: {
      background: lexical('Why the city acted.'),
      approach: lexical('What it did.', 'In two phases.'),
      participation: lexical('Who took part.'),
      results: lexical('What changed.'),
      challenges: lexical('What was hard.'),
      transferability: lexical('What others can reuse.'),
    },
    cities: [utrecht],
    location: { lat: 52.0907, lng: 5.1214 },
    projectStatus: 'completed',
    startYear: 2015,
    endYear: 2020,
    actorTypes: ['city-government', 'community'],
    leadOrganisation: 'Municipality of Utrecht',
    topics: [await topicId(app, 'mobility')],
    sdgTargets: [await targetId(app, '11.2')],
    impactMetrics: [{ indicator: 'Share of trips by bike', value: 51, unit: '%', year: 2020 }],
    heroImage: await uploadImage(),
    contacts: [{ name: 'Jan de Vries', role: 'Project lead' }],
  }
}

describe('completeness', () => {
  test('a case with only a title scores low and lists every other section, heaviest first', async () => {
    const res = await post(app, 'case-studies', { title: 'Just a title' }, token)
    expect(res.status).toBe(201)
    // 4 of 95 points
    expect(res.body.doc.completeness).toEqual({ score: 4, missing: ALL_MISSING_BUT_TITLE })
    expect(await storedScore(res.body.doc.id)).toBe(4)
  })

  test('an empty location ({ lat: null, lng: null }) is not a location', async () => {
    const res = await post(app, 'case-studies', { title: 'No place yet', location: { lat: null, lng: null } }, token)
    expect(res.body.doc.completeness.missing).toContain('Location on the map')
    const placed = await patch(app, 'case-studies', res.body.doc.id, { location: { lat: 52.37, lng: 4.89 } }, token)
    expect(placed.body.doc.completeness).toMatchObject({ score: 6 })
    expect(placed.body.doc.completeness.missing).not.toContain('Location on the map')
  })

  test('a fully filled case scores 100 with nothing missing', async () => {
    const res = await post(app, 'case-studies', await fullCase(), token)
    expect(res.status).toBe(201)
    expect(res.body.doc.completeness).toEqual({ score: 100, missing: [] })
    expect(await storedScore(res.body.doc.id)).toBe(100)
    const gql = await graphql(app, `{ CaseStudy(id: ${res.body.doc.id}) { completeness { score missing } } }`, undefined, token)
    expect(gql.body.data.CaseStudy.completeness).toEqual({ score: 100, missing: [] })
  })

  test('empty rich text does not count: no paragraphs, or only blanks', async () => {
    // a paragraph whose only text is blanks
    const blank = JSON.parse(JSON.stringify(lexical('x')).replace('"text":"x"', '"text":"   "'))
    const data = { ...(await fullCase()), title: 'Blank sections', cities: [], sections: { background: lexical(), approach: blank } }
    const res = await post(app, 'case-studies', data, token)
    expect(res.status).toBe(201)
    // 95 points minus background 8, approach 8, participation 6, results 8, challenges 6, transferability 6, city 5 = 48
    expect(res.body.doc.completeness.score).toBe(Math.round((48 / 95) * 100))
    expect(res.body.doc.completeness.missing).toEqual(['Background & objectives', 'Approach', 'Results & impact', 'Participation', 'Challenges & lessons', 'Transferability', 'City'])
  })

  test('the score follows edits: filling a section raises it, emptying one lowers it', async () => {
    const id = await create(app, 'case-studies', { title: 'Growing case' }, token)
    const summary = await patch(app, 'case-studies', id, { summary: 'Now with a summary.' }, token)
    expect(summary.body.doc.completeness.score).toBe(Math.round((12 / 95) * 100))
    expect(summary.body.doc.completeness.missing).not.toContain('Summary')
    const section = await patch(app, 'case-studies', id, { sections: { results: lexical('Fewer cars.') } }, token)
    expect(section.body.doc.completeness.score).toBe(Math.round((20 / 95) * 100))
    const emptied = await patch(app, 'case-studies', id, { summary: '' }, token)
    expect(emptied.body.doc.completeness.score).toBe(Math.round((12 / 95) * 100))
    expect(emptied.body.doc.completeness.missing[0]).toBe('Summary')
    expect(await storedScore(id)).toBe(Math.round((12 / 95) * 100))
  })

  test('saving a translation does not change the score: the original language’s texts count', async () => {
    const created = await post(app, 'case-studies', await fullCase(), token)
    const id = created.body.doc.id
    const de = await patch(app, 'case-studies', id, { title: 'Vollständiger Fall' }, token, '?locale=de')
    expect(de.status).toBe(200)
    expect(de.body.doc.completeness).toEqual({ score: 100, missing: [] })
    // a German-original case is scored on its German texts, also when the English is saved
    const german = await post(app, 'case-studies', { title: 'Nur Deutsch', summary: 'Eine Zusammenfassung.', originalLanguage: 'de' }, token, '?locale=de')
    expect(german.body.doc.completeness.missing).not.toContain('Summary')
    const en = await patch(app, 'case-studies', german.body.doc.id, { title: 'English title' }, token, '?locale=en')
    expect(en.status).toBe(200)
    expect(en.body.doc.completeness).toEqual(german.body.doc.completeness)
    // and the request's own locale is kept: the English title went to English
    const { rows } = await app.sql('SELECT _locale, title FROM case_studies_locales WHERE _parent_id = $1 ORDER BY _locale::text', [german.body.doc.id])
    expect(rows).toEqual([
      { _locale: 'de', title: 'Nur Deutsch' },
      { _locale: 'en', title: 'English title' },
    ])
  })

  test('completeness cannot be set by hand', async () => {
    const res = await post(app, 'case-studies', { title: 'Cheating case', completeness: { score: 100, missing: [] } }, token)
    expect(res.body.doc.completeness.score).toBe(4)
  })
})
