import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { api, startTestApp, type TestApp } from '../support/harness'
import { sdgId, targetId } from '../domain/helpers'

/**
 * RSS 2.0, Atom and JSON Feed of newly published case studies over a small fixed corpus:
 * order, filters, escaping, conditional requests, and drafts or archived cases never showing.
 */
let app: TestApp
const cases: Record<string, { id: number; slug: string }> = {}
let berlin: number
let saoPaulo: number
let topic: { id: number; name: string }

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['item', 'entry', 'category', 'link'].includes(name),
})

async function xml(path: string) {
  const res = await api(app, path)
  expect(res.status).toBe(200)
  expect(XMLValidator.validate(res.body)).toBe(true)
  return { res, doc: parser.parse(res.body) }
}
const rssTitles = (doc: any) => (doc.rss.channel.item ?? []).map((item: any) => item.title)
const atomTitles = (doc: any) => (doc.feed.entry ?? []).map((entry: any) => entry.title['#text'])

async function make(key: string, data: Record<string, unknown>, published = true) {
  const doc = await app.payload.create({
    collection: 'case-studies',
    data: { ...(published ? { workflowState: 'published', _status: 'published' } : { workflowState: 'draft', _status: 'draft' }), ...data } as any,
    draft: !published,
    overrideAccess: true,
  })
  cases[key] = { id: doc.id as number, slug: doc.slug as string }
}

beforeAll(async () => {
  app = await startTestApp()
  const city = async (name: string, country: string) => (await app.payload.create({ collection: 'cities', data: { name, country } as never })).id as number
  berlin = await city('Berlin', 'DE')
  saoPaulo = await city('São Paulo', 'BR')
  const row = (await app.sql(`SELECT t.id, l.name FROM topics t JOIN topics_locales l ON l._parent_id = t.id AND l._locale = 'en' WHERE t.scheme = 'topic' ORDER BY t.id LIMIT 1`)).rows[0]
  topic = { id: row.id, name: row.name }
  const sdg11 = await sdgId(app, 11)
  const sdg13 = await sdgId(app, 13)
  // published in this order: the feeds list them the other way round
  await make('parks', { title: 'Parks <&> "plazas"', teaser: 'Small parks in dense blocks & courtyards.', summary: 'A longer summary.', sdgs: [sdg11], cities: [berlin], topics: [topic.id] })
  await make('transit', { title: 'Bus rapid transit corridors', summary: 'Faster buses for everyone.', sdgTargets: [await targetId(app, '11.2')], cities: [saoPaulo] })
  await make('draft', { title: 'Secret nursery draft', summary: 'Not yet public.', sdgs: [sdg11], cities: [berlin] }, false)
  await make('archived', { title: 'Archived depot', summary: 'Was public once.', sdgs: [sdg11], cities: [berlin] })
  await app.payload.update({ collection: 'case-studies', id: cases.archived!.id, data: { workflowState: 'archived' } as any, overrideAccess: true })
  await make('coast', { title: 'Coastal resilience plan', summary: 'A plan for the coast.', sdgs: [sdg13], cities: [saoPaulo] })
}, 180_000)
afterAll(async () => {
  await app?.close()
})

const link = (key: string) => `${app.baseUrl}/case-studies/${cases[key]!.slug}`

test('RSS 2.0: newest first, with links, teasers, dates, categories and a self link', async () => {
  const { res, doc } = await xml('/api/case-studies/feed.rss')
  expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
  expect(doc.rss['@_version']).toBe('2.0')
  const channel = doc.rss.channel
  expect(channel.title).toBe('Urban Sustainability Exchange: case studies')
  expect(channel.link).toEqual([`${app.baseUrl}/case-studies`])
  expect(channel['atom:link']).toEqual({ '@_href': `${app.baseUrl}/api/case-studies/feed.rss`, '@_rel': 'self', '@_type': 'application/rss+xml' })
  expect(rssTitles(doc)).toEqual(['Coastal resilience plan', 'Bus rapid transit corridors', 'Parks <&> "plazas"'])
  const [coast, transit, parks] = channel.item
  expect(parks.link).toEqual([link('parks')])
  expect(parks.guid).toEqual({ '#text': `${app.baseUrl}/api/case-studies/${cases.parks!.id}`, '@_isPermaLink': 'false' })
  // the teaser where there is one, else the summary
  expect(parks.description).toBe('Small parks in dense blocks & courtyards.')
  expect(transit.description).toBe('Faster buses for everyone.')
  const dates = [coast, transit, parks].map((item: any) => Date.parse(item.pubDate))
  expect(dates.every((date) => !Number.isNaN(date))).toBe(true)
  expect([...dates].sort((a, b) => b - a)).toEqual(dates)
  expect(parks.category).toEqual([
    { '#text': expect.stringMatching(/^SDG 11: .+/), '@_domain': `${app.baseUrl}/sdgs` },
    { '#text': topic.name, '@_domain': `${app.baseUrl}/topics` },
    { '#text': 'Berlin', '@_domain': `${app.baseUrl}/cities` },
  ])
  expect(transit.category.map((c: any) => c['#text'])).toEqual([expect.stringMatching(/^SDG 11: /), 'São Paulo'])
})

test('Atom: ids, dates, links, categories and a self link', async () => {
  const { res, doc } = await xml('/api/case-studies/feed.atom')
  expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
  const feed = doc.feed
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
  expect(feed.id).toBe(`${app.baseUrl}/api/case-studies/feed.atom`)
  expect(feed.link).toEqual([
    { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': `${app.baseUrl}/api/case-studies/feed.atom` },
    { '@_rel': 'alternate', '@_type': 'text/html', '@_href': `${app.baseUrl}/case-studies` },
  ])
  expect(feed.author.name).toBe('Urban Sustainability Exchange')
  expect(atomTitles(doc)).toEqual(['Coastal resilience plan', 'Bus rapid transit corridors', 'Parks <&> "plazas"'])
  const parks = feed.entry[2]
  expect(parks.id).toBe(`${app.baseUrl}/api/case-studies/${cases.parks!.id}`)
  expect(parks.link).toEqual([{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': link('parks') }])
  expect(parks.summary['#text']).toBe('Small parks in dense blocks & courtyards.')
  expect(parks.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
  expect(Date.parse(parks.updated)).toBeGreaterThanOrEqual(Date.parse(parks.published))
  expect(parks.category).toEqual([
    { '@_term': '11', '@_scheme': `${app.baseUrl}/sdgs`, '@_label': expect.stringMatching(/^SDG 11: /) },
    { '@_term': String(topic.id), '@_scheme': `${app.baseUrl}/topics`, '@_label': topic.name },
    { '@_term': String(berlin), '@_scheme': `${app.baseUrl}/cities`, '@_label': 'Berlin' },
  ])
  // the feed is as new as its newest entry
  expect(feed.updated).toBe(feed.entry.map((e: any) => e.updated).sort().at(-1))
})

test('JSON Feed 1.1: version, items with id, url, date_published and content', async () => {
  const res = await api(app, '/api/case-studies/feed.json')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/feed+json')
  const feed = res.body
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
  expect(feed.title).toBe('Urban Sustainability Exchange: case studies')
  expect(feed.feed_url).toBe(`${app.baseUrl}/api/case-studies/feed.json`)
  expect(feed.home_page_url).toBe(`${app.baseUrl}/case-studies`)
  expect(feed.items.map((item: any) => item.title)).toEqual(['Coastal resilience plan', 'Bus rapid transit corridors', 'Parks <&> "plazas"'])
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string')
    expect(item.url).toMatch(new RegExp(`^${app.baseUrl}/case-studies/`))
    expect(new Date(item.date_published).toISOString()).toBe(item.date_published)
    expect(typeof (item.content_text ?? item.content_html)).toBe('string')
  }
  expect(new Set(feed.items.map((item: any) => item.id)).size).toBe(3)
  expect(feed.items[2]).toMatchObject({
    id: `${app.baseUrl}/api/case-studies/${cases.parks!.id}`,
    url: link('parks'),
    summary: 'Small parks in dense blocks & courtyards.',
    content_text: 'A longer summary.',
    tags: [expect.stringMatching(/^SDG 11: /), topic.name, 'Berlin'],
  })
})

test('titles with < & > and quotes are escaped in XML', async () => {
  const rss = await api(app, '/api/case-studies/feed.rss')
  expect(rss.body).toContain('<title>Parks &lt;&amp;&gt; &quot;plazas&quot;</title>')
  expect(rss.body).toContain('dense blocks &amp; courtyards.')
  expect(rss.body).not.toContain('Parks <&>')
  const atom = await api(app, '/api/case-studies/feed.atom')
  expect(atom.body).toContain('<title type="text">Parks &lt;&amp;&gt; &quot;plazas&quot;</title>')
  expect(atom.body).not.toContain('Parks <&>')
})

test('a feed per SDG, and the other filters and limit', async () => {
  const sdg11 = await xml('/api/case-studies/feed.rss?sdg=11')
  expect(rssTitles(sdg11.doc)).toEqual(['Bus rapid transit corridors', 'Parks <&> "plazas"'])
  expect(sdg11.doc.rss.channel['atom:link']['@_href']).toBe(`${app.baseUrl}/api/case-studies/feed.rss?sdg=11`)
  expect(sdg11.doc.rss.channel.title).toBe('Urban Sustainability Exchange: case studies (sdg=11)')
  expect(atomTitles((await xml('/api/case-studies/feed.atom?sdg=13')).doc)).toEqual(['Coastal resilience plan'])
  expect((await api(app, '/api/case-studies/feed.json?sdg=11,13')).body.items.map((item: any) => item.title)).toEqual([
    'Coastal resilience plan',
    'Bus rapid transit corridors',
    'Parks <&> "plazas"',
  ])
  expect(rssTitles((await xml(`/api/case-studies/feed.rss?sdg=11&city=${saoPaulo}`)).doc)).toEqual(['Bus rapid transit corridors'])
  expect(rssTitles((await xml('/api/case-studies/feed.rss?country=de')).doc)).toEqual(['Parks <&> "plazas"'])
  expect(rssTitles((await xml('/api/case-studies/feed.rss?q=coast')).doc)).toEqual(['Coastal resilience plan'])
  expect(rssTitles((await xml('/api/case-studies/feed.rss?limit=2')).doc)).toEqual(['Coastal resilience plan', 'Bus rapid transit corridors'])
  expect((await api(app, '/api/case-studies/feed.json?sdg=1')).body.items).toEqual([])
  expect((await xml('/api/case-studies/feed.atom?sdg=1')).doc.feed.entry).toBeUndefined()
})

test('drafts and archived cases never appear in any feed', async () => {
  for (const query of ['', '?limit=50', '?sdg=11', `?city=${berlin}`, '?q=nursery', '?q=depot']) {
    for (const format of ['rss', 'atom', 'json']) {
      const res = await api(app, `/api/case-studies/feed.${format}${query}`)
      expect({ query, format, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ query, format, status: 200, body: null })
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body)
      expect(text).not.toMatch(/Secret nursery|Archived depot/)
      expect(text).not.toContain(`/case-studies/${cases.draft!.slug}`)
      expect(text).not.toContain(`/api/case-studies/${cases.archived!.id}<`)
    }
  }
})

test('the feed paths do not collide with /:id', async () => {
  const one = await api(app, `/api/case-studies/${cases.coast!.id}?depth=0`)
  expect(one.status).toBe(200)
  expect(one.body.id).toBe(cases.coast!.id)
  for (const format of ['rss', 'atom', 'json']) expect((await api(app, `/api/case-studies/feed.${format}`)).status).toBe(200)
  // other extensions are nothing of ours: Payload's /:id answers (no such case, not a feed)
  expect((await api(app, '/api/case-studies/feed.xml')).status).not.toBe(200)
})

test.each([
  ['limit=0', /limit/],
  ['limit=51', /limit/],
  ['limit=ten', /limit/],
  ['colour=red', /colour/],
  ['sdg=18', /sdg/],
  ['sort=newest', /sort/],
  ['yearFrom=2020&yearTo=2010', /yearFrom/],
])('bad parameter %s → 400 naming it', async (query, name) => {
  for (const format of ['rss', 'atom', 'json']) {
    const res = await api(app, `/api/case-studies/feed.${format}?${query}`)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.body.errors[0].message).toMatch(name)
  }
})

test('HEAD answers like GET without a body: feeds, the export and the REST API', async () => {
  for (const path of ['/api/case-studies/feed.rss?sdg=11', '/api/case-studies/feed.json', '/api/case-studies/export?format=csv', '/api/case-studies?limit=2']) {
    const get = await fetch(`${app.baseUrl}${path}`)
    const head = await fetch(`${app.baseUrl}${path}`, { method: 'HEAD' })
    expect({ path, status: head.status, type: head.headers.get('content-type') }).toEqual({ path, status: get.status, type: get.headers.get('content-type') })
    expect(get.status).toBe(200)
    expect(await head.text()).toBe('')
    if (get.headers.get('etag')) expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
  }
  const etag = (await fetch(`${app.baseUrl}/api/case-studies/feed.atom`)).headers.get('etag')!
  expect((await fetch(`${app.baseUrl}/api/case-studies/feed.atom`, { method: 'HEAD', headers: { 'if-none-match': etag } })).status).toBe(304)
  // a bad parameter is the same 400, and a route without GET stays unknown
  expect((await fetch(`${app.baseUrl}/api/case-studies/feed.rss?colour=red`, { method: 'HEAD' })).status).toBe(400)
  expect((await fetch(`${app.baseUrl}/api/feeds/urbact/import`, { method: 'HEAD' })).status).toBe(404)
})

test('ETag and Last-Modified: 304 until the feed changes', async () => {
  const first = await api(app, '/api/case-studies/feed.rss?sdg=11')
  const etag = first.headers.get('etag')!
  const lastModified = first.headers.get('last-modified')!
  expect(etag).toMatch(/^"[\w-]+"$/)
  expect(new Date(lastModified).toUTCString()).toBe(lastModified)
  expect(first.headers.get('cache-control')).toBe('public, max-age=300')
  // the same request answers the same body, so the same ETag
  expect((await api(app, '/api/case-studies/feed.rss?sdg=11')).headers.get('etag')).toBe(etag)
  // each format and filter has its own
  expect((await api(app, '/api/case-studies/feed.atom?sdg=11')).headers.get('etag')).not.toBe(etag)
  expect((await api(app, '/api/case-studies/feed.rss?sdg=13')).headers.get('etag')).not.toBe(etag)

  const conditional = (headers: Record<string, string>) => api(app, '/api/case-studies/feed.rss?sdg=11', { headers })
  const notModified = await conditional({ 'if-none-match': etag })
  expect(notModified.status).toBe(304)
  expect(notModified.body).toBeUndefined()
  expect(notModified.headers.get('etag')).toBe(etag)
  expect(notModified.headers.get('cache-control')).toBe('public, max-age=300')
  expect((await conditional({ 'if-none-match': `"other", W/${etag}` })).status).toBe(304)
  expect((await conditional({ 'if-none-match': '"other"' })).status).toBe(200)
  expect((await conditional({ 'if-modified-since': lastModified })).status).toBe(304)
  expect((await conditional({ 'if-modified-since': new Date(Date.parse(lastModified) - 3600_000).toUTCString() })).status).toBe(200)
  expect((await conditional({ 'if-modified-since': 'not a date' })).status).toBe(200)
  // If-None-Match wins over If-Modified-Since
  expect((await conditional({ 'if-none-match': '"other"', 'if-modified-since': lastModified })).status).toBe(200)

  // a newly published case changes the feed: the old ETag no longer matches
  const json = await api(app, '/api/case-studies/feed.json?sdg=11')
  await make('fresh', { title: 'Fresh rain gardens', summary: 'Just published.', sdgs: [await sdgId(app, 11)], cities: [berlin] })
  const changed = await conditional({ 'if-none-match': etag })
  expect(changed.status).toBe(200)
  expect(changed.headers.get('etag')).not.toBe(etag)
  expect(rssTitles(parser.parse(changed.body))[0]).toBe('Fresh rain gardens')
  expect((await api(app, '/api/case-studies/feed.json?sdg=11', { headers: { 'if-none-match': json.headers.get('etag')! } })).status).toBe(200)
  // and so does unpublishing one
  const now = await conditional({})
  await app.payload.update({ collection: 'case-studies', id: cases.fresh!.id, data: { workflowState: 'archived' } as any, overrideAccess: true })
  const after = await conditional({ 'if-none-match': now.headers.get('etag')! })
  expect(after.status).toBe(200)
  expect(rssTitles(parser.parse(after.body))).toEqual(['Bus rapid transit corridors', 'Parks <&> "plazas"'])
})
