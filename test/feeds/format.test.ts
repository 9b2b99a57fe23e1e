import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { csvRowToRecord, feedFormatMarkdown, feedRecordSchema } from '../../src/feeds/schema'
import { markdownToLexical } from '../../src/feeds/markdown'
import { isPublicHttpUrl } from '../../src/feeds/urls'
import { parseCsvFeed, parseJsonFeed } from '../../src/feeds/parse'
import { fetchPublicImage } from '../../src/feeds/images'

/** The feed format's pieces that need no database: docs from the schema, parsers, URLs, Markdown. */
async function* chunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size))
}
const all = async <T>(source: AsyncIterable<T>) => {
  const out: T[] = []
  for await (const item of source) out.push(item)
  return out
}

test('the README documents the format as generated from the schema', async () => {
  const readme = await readFile(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')
  const section = /<!-- feed-format:start -->\n([\s\S]*?)\n<!-- feed-format:end -->/.exec(readme)?.[1]
  expect(section).toBe(feedFormatMarkdown())
})

test('JSON records come out the same whatever the chunking, multi-byte characters split included', async () => {
  const feed = JSON.stringify([{ externalId: 'a', title: 'São Paulo [bus] {rapid}', summary: 'quote " and \\ backslash' }, { externalId: 'b', title: 'Zürich, ”…”' }])
  const expected = JSON.parse(feed).map((value: unknown, index: number) => ({ index, value }))
  for (const size of [1, 2, 7, 4096]) expect(await all(parseJsonFeed(chunks(feed, size)))).toEqual(expected)
  const bytes = Buffer.from(feed)
  async function* byteChunks() {
    for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3)
  }
  expect(await all(parseJsonFeed(byteChunks()))).toEqual(expected)
})

test('CSV: quotes, line breaks in cells, lists, cities and numbers become the JSON record', async () => {
  const csv = 'externalId,title,cities,sdgs,sections.background,location.lat,location.lng\r\nx1,"A ""quoted"", title","Berlin (DE); São Paulo (br)",11;13,"line 1\n\nline 2",52.5,13.4\r\n'
  const [row] = await all(parseCsvFeed(chunks(csv, 5)))
  expect(row!.value).toEqual({
    externalId: 'x1',
    title: 'A "quoted", title',
    cities: [{ name: 'Berlin', country: 'DE' }, { name: 'São Paulo', country: 'br' }],
    sdgs: [11, 13],
    sections: { background: 'line 1\n\nline 2' },
    location: { lat: 52.5, lng: 13.4 },
  })
  expect(feedRecordSchema.parse(row!.value).cities[1]!.country).toBe('BR')
  expect(csvRowToRecord({ externalId: 'x', sdgs: 'eleven' })).toEqual({ externalId: 'x', sdgs: ['eleven'] })
  await expect(all(parseCsvFeed(chunks('title\nx', 4)))).rejects.toThrow(/externalId/)
  const short = await all(parseCsvFeed(chunks('externalId,title\nx1\n', 4)))
  expect(short[0]!.value).toMatchObject({ __rowError: 'row has 1 cells, the header has 2' })
})

test('image and source URLs must be public http(s) addresses', () => {
  for (const url of ['https://example.org/a.jpg', 'http://93.184.216.34/x.png', 'https://[2606:4700::1]/x']) expect([url, isPublicHttpUrl(url)]).toEqual([url, true])
  for (const url of ['file:///etc/passwd', 'http://localhost/x', 'http://127.0.0.1/x', 'http://10.1.2.3/', 'http://192.168.0.1/', 'http://172.20.0.1/', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[fd00::1]/', 'http://intranet/', 'http://printer.local/', 'https://user:pw@example.org/', 'ftp://example.org/x']) {
    expect([url, isPublicHttpUrl(url)]).toEqual([url, false])
  }
})

test('Markdown becomes Lexical: headings start at h2, lists, bold, italic, links; other markup stays text', () => {
  const state = markdownToLexical('# Title\n\nSome **bold**, _italic_ and a [link](https://example.org).\nSecond line\n\n- one\n- two\n\n1. first\n\n<script>alert(1)</script>')
  const [heading, paragraph, bullets, numbers, html] = state.root.children as any[]
  expect(heading).toMatchObject({ type: 'heading', tag: 'h2', children: [{ text: 'Title' }] })
  expect(paragraph.children.map((c: any) => [c.type, c.text ?? c.fields?.url, c.format ?? null])).toEqual([
    ['text', 'Some ', 0], ['text', 'bold', 1], ['text', ', ', 0], ['text', 'italic', 2], ['text', ' and a ', 0], ['link', 'https://example.org', ''], ['text', '.', 0], ['linebreak', undefined, null], ['text', 'Second line', 0],
  ])
  expect(bullets).toMatchObject({ type: 'list', listType: 'bullet', children: [{ type: 'listitem' }, { type: 'listitem' }] })
  expect(numbers).toMatchObject({ type: 'list', listType: 'number' })
  expect(html).toMatchObject({ type: 'paragraph', children: [{ type: 'text', text: '<script>alert(1)</script>' }] })
})

test('the image fetcher refuses what it cannot check before connecting', async () => {
  await expect(fetchPublicImage('https://images.example.invalid/harbour.png')).rejects.toThrow('images.example.invalid does not resolve')
  await expect(fetchPublicImage('http://127.0.0.1:9/x.png')).rejects.toThrow('is not a public http(s) address')
  await expect(fetchPublicImage('http://[::ffff:10.0.0.1]/x.png')).rejects.toThrow('is not a public http(s) address')
})
