import http from 'node:http'
import type { AddressInfo } from 'node:net'

import sharp from 'sharp'

import { api, loginAs, startTestApp, type TestApp } from '../support/harness'
import { feedRecord, importViaApi } from './helpers'

/**
 * The image job's way to success and its refusals, against real HTTP servers on loopback: one
 * trusted through FEED_IMAGE_ORIGINS (as an operator names a partner's media server inside the
 * network), one not, which must never be asked.
 */
let app: TestApp
let key: string
let topic: string
let trusted: http.Server
let untrusted: http.Server
let trustedOrigin: string
let untrustedOrigin: string
const untrustedHits: string[] = []
let harbour: Buffer
let square: Buffer

const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
const sql = async (text: string, values?: unknown[]) => (await app.sql(text, values)).rows

beforeAll(async () => {
  harbour = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a7f62' } }).png().toBuffer()
  square = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#c0392b' } }).png().toBuffer()
  untrusted = http.createServer((req, res) => {
    untrustedHits.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'image/png' }).end(harbour)
  })
  untrustedOrigin = await listen(untrusted)
  trusted = http.createServer((req, res) => {
    if (req.url === '/harbour.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(harbour)
    if (req.url === '/square.png') return void res.writeHead(200, { 'content-type': 'image/png; charset=binary' }).end(square)
    if (req.url === '/notes.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('not an image')
    if (req.url === '/moved.png') return void res.writeHead(302, { location: `${untrustedOrigin}/secret.png` }).end()
    if (req.url === '/huge.png') {
      // no Content-Length: the size is counted while reading
      res.writeHead(200, { 'content-type': 'image/png' })
      const chunk = Buffer.alloc(1024 * 1024, 1)
      let sent = 0
      const more = () => {
        while (sent < 12 && res.write(chunk)) sent++
        if (sent >= 12) res.end()
        else res.once('drain', more)
      }
      res.on('error', () => {})
      return more()
    }
    res.writeHead(404).end()
  })
  trustedOrigin = await listen(trusted)
  app = await startTestApp({ env: { FEED_IMAGE_ORIGINS: trustedOrigin } })
  const editor = await loginAs(app, ['editor'])
  topic = (await sql(`SELECT slug FROM topics WHERE scheme = 'topic' ORDER BY id LIMIT 1`))[0].slug
  const partner = Number((await sql(`SELECT id FROM partners WHERE slug = 'urbact'`))[0].id)
  const account = await api(app, '/api/partner-accounts', { method: 'POST', token: editor.token, json: { name: 'Images feed', partner } })
  key = (await api(app, `/api/partner-accounts/${account.body.doc.id}/rotate-key`, { method: 'POST', token: editor.token })).body.apiKey
}, 180_000)
afterAll(async () => {
  await app?.close()
  trusted?.closeAllConnections()
  untrusted?.closeAllConnections()
  await Promise.all([trusted, untrusted].map((server) => server && new Promise((resolve) => server.close(resolve))))
})

test('images from a trusted origin are stored as hero and gallery; wrong types, oversize and redirects to untrusted addresses are refused', async () => {
  const report = await importViaApi(app, 'urbact', key, [
    feedRecord('pictures', topic, {
      images: [
        { url: `${trustedOrigin}/harbour.png`, caption: 'The harbour at dawn', credit: 'Partner photo desk' },
        { url: `${trustedOrigin}/notes.txt` },
        { url: `${trustedOrigin}/moved.png` },
        { url: `${trustedOrigin}/huge.png` },
        { url: `${trustedOrigin}/square.png`, caption: 'The square' },
      ],
    }),
    // a private address nobody trusted is refused in the feed already
    feedRecord('sneaky', topic, { images: [{ url: `${untrustedOrigin}/secret.png` }] }),
  ])
  expect(report.counts).toMatchObject({ created: 1, invalid: 1 })
  expect(report.errors[0]).toMatchObject({ externalId: 'ext-sneaky', errors: [{ path: 'images.0.url' }] })

  const media = Number((await sql(`SELECT count(*) FROM media`))[0].count)
  for (let pass = 0; pass < 4; pass++) if ((await app.payload.jobs.run({ allQueues: true, limit: 100 })).noJobsRemaining) break
  expect(Number((await sql(`SELECT count(*) FROM media`))[0].count)).toBe(media + 2)
  expect(untrustedHits).toEqual([])

  const [row] = await sql(`SELECT id FROM case_studies WHERE provenance_external_id = 'ext-pictures'`)
  const doc = await app.payload.findByID({ collection: 'case-studies', id: row.id, depth: 1, draft: true, overrideAccess: true })
  const hero = doc.heroImage as { id: number; alt: string; caption?: string; credit?: string; mimeType: string; width: number; height: number; url: string }
  expect(hero).toMatchObject({ alt: 'The harbour at dawn', caption: 'The harbour at dawn', credit: 'Partner photo desk', mimeType: 'image/png', width: 64, height: 48 })
  expect((doc.gallery ?? []).map((item) => (item.image as { alt: string; width: number }))).toEqual([expect.objectContaining({ alt: 'The square', width: 40 })])
  // the stored file is the one the partner served, and it is served to readers
  const file = await fetch(new URL(hero.url, app.baseUrl))
  expect(file.status).toBe(200)
  expect(Buffer.from(await file.arrayBuffer()).equals(harbour)).toBe(true)

  // the import's log names each refused image with its reason (the job's output goes with the job)
  const log = await api(app, `/api/feeds/imports/${report.id}`, { headers: { authorization: `partner-accounts API-Key ${key}` } })
  expect(log.status).toBe(200)
  expect(log.body.refusedImages).toEqual(expect.arrayContaining([
    { caseStudy: row.id, url: `${trustedOrigin}/notes.txt`, reason: expect.stringContaining('text/plain, not JPEG, PNG or WebP') },
    { caseStudy: row.id, url: `${trustedOrigin}/moved.png`, reason: expect.stringContaining('is not a public http(s) address') },
    { caseStudy: row.id, url: `${trustedOrigin}/huge.png`, reason: expect.stringContaining('larger than 10 MB') },
  ]))
  expect(log.body.refusedImages).toHaveLength(3)

  // the next run of the same job keeps what is there (an editor's choice would be kept the same way)
  await app.payload.jobs.queue({ task: 'fetchFeedImages', input: { caseStudy: row.id, images: [{ url: `${trustedOrigin}/square.png` }] } })
  await app.payload.jobs.run({ allQueues: true, limit: 10 })
  expect(Number((await sql(`SELECT count(*) FROM media`))[0].count)).toBe(media + 2)
  expect((await app.payload.findByID({ collection: 'case-studies', id: row.id, depth: 0, draft: true, overrideAccess: true })).heroImage).toBe(hero.id)
})
