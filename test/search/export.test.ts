import { exportEndpoint, exportSettings } from '../../src/endpoints/export'
import { api, startTestApp, type TestApp } from '../support/harness'
import { sdgId, targetId } from '../domain/helpers'

/**
 * The open-data export: exact CSV and JSON of a filtered set of published cases, RFC 4180 quoting,
 * the formula guard, streaming across batches, and drafts or archived cases never exported.
 */
let app: TestApp
type Made = { id: number; slug: string; publishedAt: string }
const cases: Record<string, Made> = {}
let berlin: number
let saoPaulo: number
let topic: { id: number; name: string }
let partner: { id: number; name: string }

async function make(key: string, data: Record<string, unknown>, published = true) {
  const doc = await app.payload.create({
    collection: 'case-studies',
    data: { ...(published ? { workflowState: 'published', _status: 'published' } : { workflowState: 'draft', _status: 'draft' }), ...data } as any,
    draft: !published,
    overrideAccess: true,
  })
  cases[key] = { id: doc.id as number, slug: doc.slug as string, publishedAt: doc.publishedAt as string }
}

const download = (query: string) => api(app, `/api/case-studies/export${query ? `?${query}` : ''}`)
const HEADER = 'id,slug,title,summary,cities,countries,sdgs,targets,topics,partner,projectStatus,startYear,endYear,originalLanguage,publishedAt,url,licence'

beforeAll(async () => {
  app = await startTestApp()
  const city = async (name: string, country: string) => (await app.payload.create({ collection: 'cities', data: { name, country } as never })).id as number
  berlin = await city('Berlin', 'DE')
  saoPaulo = await city('São Paulo', 'BR')
  const t = (await app.sql(`SELECT t.id, l.name FROM topics t JOIN topics_locales l ON l._parent_id = t.id AND l._locale = 'en' WHERE t.scheme = 'topic' ORDER BY t.id LIMIT 1`)).rows[0]
  topic = { id: t.id, name: t.name }
  partner = (await app.sql(`SELECT id, name FROM partners ORDER BY id LIMIT 1`)).rows[0]
  const sdg11 = await sdgId(app, 11)
  await make('roofs', {
    title: 'Green roofs, "cool" city',
    summary: 'Line one.\nLine two, with a comma.',
    cities: [saoPaulo, berlin],
    sdgs: [await sdgId(app, 13)],
    sdgTargets: [await targetId(app, '11.2')],
    topics: [topic.id],
    projectStatus: 'completed',
    startYear: 2012,
    endYear: 2018,
    originalLanguage: 'en',
    provenance: { sourcePartner: partner.id, externalId: 'roofs-1', licence: 'CC-BY-4.0' },
  })
  await make('formula', { title: '=SUM(A1:A2) parks', summary: '-5 degrees in @winter', sdgs: [sdg11], cities: [berlin], projectStatus: 'ongoing', startYear: 2020 })
  await make('plain', { title: 'Pocket parks', summary: '+1 tree per block', sdgs: [sdg11], cities: [berlin] })
  await make('water', { title: 'Rain water harvesting', summary: 'Cisterns.', sdgs: [await sdgId(app, 6)], cities: [saoPaulo] })
  await make('draft', { title: 'Secret nursery draft', summary: 'Not yet public.', sdgs: [sdg11], cities: [berlin] }, false)
  await make('archived', { title: 'Archived depot', summary: 'Was public once.', sdgs: [sdg11], cities: [berlin] })
  await app.payload.update({ collection: 'case-studies', id: cases.archived!.id, data: { workflowState: 'archived' } as any, overrideAccess: true })
}, 180_000)
afterAll(async () => {
  exportSettings.batch = 500
  await app?.close()
})

const url = (key: string) => `${app.baseUrl}/case-studies/${cases[key]!.slug}`

test('CSV of a filtered set: exact rows, RFC 4180 quoting and the formula guard', async () => {
  const res = await download(`format=csv&sdg=11&city=${berlin}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="use-case-studies-\d{4}-\d{2}-\d{2}\.csv"$/)
  const { roofs, formula, plain } = cases as Record<string, Made>
  expect(res.body).toBe(
    [
      HEADER,
      `${roofs!.id},${roofs!.slug},"Green roofs, ""cool"" city","Line one.\nLine two, with a comma.",São Paulo|Berlin,BR|DE,11|13,11.2,${topic.name},${partner.name},completed,2012,2018,en,${roofs!.publishedAt},${url('roofs')},CC-BY-4.0`,
      `${formula!.id},${formula!.slug},'=SUM(A1:A2) parks,'-5 degrees in @winter,Berlin,DE,11,,,,ongoing,2020,,en,${formula!.publishedAt},${url('formula')},`,
      `${plain!.id},${plain!.slug},Pocket parks,'+1 tree per block,Berlin,DE,11,,,,,,,en,${plain!.publishedAt},${url('plain')},`,
      '',
    ].join('\r\n'),
  )
})

test('JSON of a filtered set: an array of exact records', async () => {
  const res = await download(`format=json&sdg=11&city=${berlin}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="use-case-studies-\d{4}-\d{2}-\d{2}\.json"$/)
  const { roofs, formula, plain } = cases as Record<string, Made>
  const none = { partner: null, projectStatus: null, startYear: null, endYear: null, licence: null, targets: [], topics: [] }
  expect(res.body).toEqual([
    {
      id: roofs!.id, slug: roofs!.slug, title: 'Green roofs, "cool" city', summary: 'Line one.\nLine two, with a comma.', cities: ['São Paulo', 'Berlin'],
      countries: ['BR', 'DE'], sdgs: [11, 13], targets: ['11.2'], topics: [topic.name], partner: partner.name, projectStatus: 'completed',
      startYear: 2012, endYear: 2018, originalLanguage: 'en', publishedAt: roofs!.publishedAt, url: url('roofs'), licence: 'CC-BY-4.0',
    },
    // no formula guard in JSON: it is data, not a spreadsheet
    { ...none, id: formula!.id, slug: formula!.slug, title: '=SUM(A1:A2) parks', summary: '-5 degrees in @winter', cities: ['Berlin'], countries: ['DE'], sdgs: [11], projectStatus: 'ongoing', startYear: 2020, originalLanguage: 'en', publishedAt: formula!.publishedAt, url: url('formula') },
    { ...none, id: plain!.id, slug: plain!.slug, title: 'Pocket parks', summary: '+1 tree per block', cities: ['Berlin'], countries: ['DE'], sdgs: [11], originalLanguage: 'en', publishedAt: plain!.publishedAt, url: url('plain') },
  ])
  expect(Object.keys(res.body[0])).toEqual(HEADER.split(','))
})

test('streamed in batches: every published case once, in id order, drafts and archived never', async () => {
  // the endpoint the server routes is the one whose batch size this test sets
  expect(app.payload.config.collections.find((c) => c.slug === 'case-studies')!.endpoints).toContain(exportEndpoint)
  const published = ['roofs', 'formula', 'plain', 'water'].map((key) => cases[key]!.id).sort((a, b) => a - b)
  for (const batch of [2, 4, 500]) {
    exportSettings.batch = batch
    const json = await download('format=json')
    expect(json.status).toBe(200)
    expect(json.body.map((row: any) => row.id)).toEqual(published)
    const csv = await download('')
    expect(csv.status).toBe(200)
    // no length known in advance: the body is streamed
    expect(csv.headers.get('content-length')).toBeNull()
    const lines = (csv.body as string).split('\r\n')
    expect(lines[0]).toBe(HEADER)
    // the summary of roofs holds a line break inside quotes: count rows by their leading id
    expect(lines.filter((line) => /^\d+,/.test(line)).map((line) => Number(line.split(',')[0]))).toEqual(published)
    expect(csv.body).not.toMatch(/Secret nursery|Archived depot/)
    expect(JSON.stringify(json.body)).not.toMatch(/Secret nursery|Archived depot/)
  }
  exportSettings.batch = 500
})

test('an empty selection is a header, or an empty array', async () => {
  expect((await download('sdg=1')).body).toBe(`${HEADER}\r\n`)
  expect((await download('format=json&sdg=1')).body).toEqual([])
  expect((await download('format=json&q=nursery')).body).toEqual([])
})

test('bom=true starts the CSV with a UTF-8 byte order mark', async () => {
  const res = await fetch(`${app.baseUrl}/api/case-studies/export?bom=true&sdg=6`)
  const bytes = new Uint8Array(await res.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(new TextDecoder().decode(bytes.slice(3))).toBe(`${HEADER}\r\n${cases.water!.id},${cases.water!.slug},Rain water harvesting,Cisterns.,São Paulo,BR,6,,,,,,,en,${cases.water!.publishedAt},${url('water')},\r\n`)
})

test('the export path does not collide with /:id', async () => {
  const one = await api(app, `/api/case-studies/${cases.water!.id}?depth=0`)
  expect(one.status).toBe(200)
  expect(one.body.id).toBe(cases.water!.id)
})

test.each([
  ['format=xml', /format/],
  ['format=', /format/],
  ['bom=yes', /bom/],
  ['colour=red', /colour/],
  ['limit=10', /limit/],
  ['sdg=0', /sdg/],
  ['yearFrom=20x1', /yearFrom/],
])('bad parameter %s → 400 naming it', async (query, name) => {
  const res = await download(query)
  expect(res.status).toBe(400)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(res.headers.get('content-disposition')).toBeNull()
  expect(res.body.errors[0].message).toMatch(name)
})
