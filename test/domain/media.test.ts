import sharp from 'sharp'

import { api, loginAs, startTestApp, type TestApp } from '../support/harness'

/** Uploads through REST multipart, as the admin panel and frontends send them. */
let app: TestApp
let member: Awaited<ReturnType<typeof loginAs>>

beforeAll(async () => {
  app = await startTestApp()
  member = await loginAs(app, ['citymaker'])
})
afterAll(async () => {
  await app?.close()
})

const png = () => sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7' } }).png().toBuffer()

function upload(file: Blob, name: string, data: Record<string, unknown>, token?: string) {
  const form = new FormData()
  form.append('file', file, name)
  form.append('_payload', JSON.stringify(data))
  return api(app, '/api/media', { method: 'POST', body: form, token })
}

const mediaRows = async () => (await app.sql('SELECT count(*)::int AS n FROM media')).rows[0].n

describe('media uploads', () => {
  test('a member uploads a PNG with alt text; the generated sizes exist and the file is served', async () => {
    const res = await upload(new Blob([await png()], { type: 'image/png' }), 'rain-garden.png', { alt: 'A rain garden in a schoolyard', credit: 'Demo', licence: 'CC-BY-4.0' }, member.token)
    expect(res.status).toBe(201)
    expect(res.body.doc).toMatchObject({ alt: 'A rain garden in a schoolyard', mimeType: 'image/png', width: 1200, height: 800 })
    expect(res.body.doc.sizes.thumbnail).toMatchObject({ width: 400, height: 300 })
    expect(res.body.doc.url).toBe(`${app.baseUrl}/api/media/file/rain-garden.png`)
    const file = await fetch(res.body.doc.url)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toMatch(/image\/png/)
  })

  test('SVG is refused (it can carry scripts), and nothing is stored', async () => {
    const before = await mediaRows()
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="10" height="10"/></svg>'
    const res = await upload(new Blob([svg], { type: 'image/svg+xml' }), 'logo.svg', { alt: 'Logo' }, member.token)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/file type|mime/i)
    expect(await mediaRows()).toBe(before)
  })

  test('alt text is required, and anonymous visitors cannot upload', async () => {
    const before = await mediaRows()
    const noAlt = await upload(new Blob([await png()], { type: 'image/png' }), 'no-alt.png', {}, member.token)
    expect(noAlt.status).toBe(400)
    expect(JSON.stringify(noAlt.body)).toMatch(/alt/i)
    const anonymous = await upload(new Blob([await png()], { type: 'image/png' }), 'anon.png', { alt: 'x' })
    expect(anonymous.status).toBe(403)
    expect(await mediaRows()).toBe(before)
  })

  test('files over the 10 MB limit are refused', async () => {
    const before = await mediaRows()
    const big = new Uint8Array(11 * 1024 * 1024)
    const res = await upload(new Blob([big], { type: 'image/png' }), 'huge.png', { alt: 'Too big' }, member.token)
    expect([400, 413]).toContain(res.status)
    expect(await mediaRows()).toBe(before)
  })
})
