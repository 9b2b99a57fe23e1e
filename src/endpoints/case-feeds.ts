import { createHash } from 'node:crypto'
import type { Endpoint, PayloadRequest } from 'payload'

import { documented, errorResponse, filterParameters, queryParam } from '../lib/openapi'
import { caseUrl, newestPublishedCases, searchLastChanged, type PublishedCase } from '../lib/published-cases'
import { integerParam, parseDiscoveryParams, urlParams } from '../lib/search-params'
import { dbFor } from '../lib/sql'
import { fail } from './respond'

/**
 * Reader and aggregator feeds of newly published case studies (see README, "Feeds and open
 * data"): `GET /api/case-studies/feed.rss` (RSS 2.0), `feed.atom` (Atom 1.0), `feed.json` (JSON
 * Feed 1.1), with the search filters (`?sdg=11` is the feed of one SDG) and `limit` (1–50,
 * default 20). Newest first by first publication. Every answer carries a strong ETag (a hash of
 * the body, so it changes exactly when the feed does) and Last-Modified (the search table's last
 * change); a matching If-None-Match, or else a not-older If-Modified-Since, gets 304.
 */
export type FeedFormat = 'rss' | 'atom' | 'json'

const SITE = 'Urban Sustainability Exchange'
const CACHE_CONTROL = 'public, max-age=300'
const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json',
}

// XML 1.0 forbids most control characters and unpaired surrogates even when escaped: drop them
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
export const escapeXml = (value: string) =>
  value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
const element = (name: string, value: string | null | undefined, attributes = '') => (value ? `<${name}${attributes}>${escapeXml(value)}</${name}>` : '')

type Category = { scheme: string; term: string; label: string }
type Feed = { title: string; description: string; selfUrl: string; homeUrl: string; updated: string; serverURL: string; items: PublishedCase[] }

function categories(serverURL: string, item: PublishedCase): Category[] {
  return [
    ...item.sdgs.map((sdg) => ({ scheme: `${serverURL}/sdgs`, term: String(sdg.number), label: `SDG ${sdg.number}: ${sdg.label}` })),
    ...item.topics.map((topic) => ({ scheme: `${serverURL}/topics`, term: String(topic.id), label: topic.name })),
    ...item.cities.map((city) => ({ scheme: `${serverURL}/cities`, term: String(city.id), label: city.name })),
  ]
}

/** A permanent id: the slug (and so the page URL) may change, the case's id does not. */
const itemId = (serverURL: string, item: PublishedCase) => `${serverURL}/api/case-studies/${item.id}`
const blurb = (item: PublishedCase) => item.teaser || item.summary || ''

function rss(feed: Feed): string {
  const items = feed.items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', caseUrl(feed.serverURL, item)),
      element('guid', itemId(feed.serverURL, item), ' isPermaLink="false"'),
      element('description', blurb(item)),
      element('pubDate', new Date(item.publishedAt).toUTCString()),
      ...categories(feed.serverURL, item).map((category) => element('category', category.label, ` domain="${escapeXml(category.scheme)}"`)),
      '</item>',
    ].join(''),
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>',
    element('title', feed.title),
    element('link', feed.homeUrl),
    element('description', feed.description),
    `<atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    element('lastBuildDate', new Date(feed.updated).toUTCString()),
    element('generator', SITE),
    ...items,
    '</channel></rss>',
    '',
  ].join('\n')
}

function atom(feed: Feed): string {
  const entries = feed.items.map((item) =>
    [
      '<entry>',
      element('id', itemId(feed.serverURL, item)),
      element('title', item.title, ' type="text"'),
      `<link rel="alternate" type="text/html" href="${escapeXml(caseUrl(feed.serverURL, item))}"/>`,
      element('published', item.publishedAt),
      element('updated', item.updatedAt > item.publishedAt ? item.updatedAt : item.publishedAt),
      element('summary', blurb(item), ' type="text"'),
      ...categories(feed.serverURL, item).map(
        (category) => `<category term="${escapeXml(category.term)}" scheme="${escapeXml(category.scheme)}" label="${escapeXml(category.label)}"/>`,
      ),
      '</entry>',
    ].join(''),
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feed.selfUrl),
    element('title', feed.title, ' type="text"'),
    element('subtitle', feed.description, ' type="text"'),
    element('updated', feed.updated),
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(feed.homeUrl)}"/>`,
    `<author><name>${escapeXml(SITE)}</name></author>`,
    element('generator', SITE),
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

function jsonFeed(feed: Feed): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    authors: [{ name: SITE }],
    items: feed.items.map((item) => ({
      id: itemId(feed.serverURL, item),
      url: caseUrl(feed.serverURL, item),
      title: item.title,
      summary: item.teaser ?? undefined,
      // JSON Feed needs content_text or content_html on every item
      content_text: item.summary || item.teaser || item.title,
      date_published: item.publishedAt,
      date_modified: item.updatedAt > item.publishedAt ? item.updatedAt : item.publishedAt,
      tags: categories(feed.serverURL, item).map((category) => category.label),
      ...(item.originalLanguage ? { language: item.originalLanguage } : {}),
    })),
  })
}

const RENDER: Record<FeedFormat, (feed: Feed) => string> = { rss, atom, json: jsonFeed }

/** If-None-Match (weak comparison, `*`, lists) wins over If-Modified-Since (RFC 9110 §13.2.2). */
export function notModified(headers: Headers, etag: string, lastModified: Date | null): boolean {
  const ifNoneMatch = headers.get('if-none-match')
  if (ifNoneMatch !== null) {
    const bare = etag.replace(/^W\//, '')
    return ifNoneMatch.split(',').some((tag) => {
      const candidate = tag.trim()
      return candidate === '*' || candidate.replace(/^W\//, '') === bare
    })
  }
  const since = headers.get('if-modified-since')
  if (since === null || lastModified === null) return false
  const sinceTime = Date.parse(since)
  // HTTP dates have whole seconds
  return !Number.isNaN(sinceTime) && Math.floor(lastModified.getTime() / 1000) * 1000 <= sinceTime
}

/** `sdg=11, country=BR` for the feed's title and description, or '' without filters. */
const filterText = (raw: Record<string, string>) =>
  Object.entries(raw)
    .filter(([key]) => key !== 'limit')
    .map(([key, value]) => `${key}=${value}`)
    .join(', ')

function feedEndpoint(format: FeedFormat): Endpoint {
  return documented(
    {
      path: `/feed.${format}`,
      method: 'get',
      handler: async (req: PayloadRequest) => {
        const raw = urlParams(req.url)
        const parsed = parseDiscoveryParams(raw, { limit: integerParam('limit', 1, 50) })
        if (!parsed.ok) return fail(400, parsed.message)
        const db = await dbFor(req.payload, req)
        const [items, changed] = await Promise.all([newestPublishedCases(db, parsed.filters, parsed.extra.limit ?? 20), searchLastChanged(db)])
        const serverURL = req.payload.config.serverURL || new URL(req.url ?? 'http://localhost').origin
        const url = new URL(req.url ?? '', 'http://localhost')
        const filters = filterText(raw)
        const description = `Newly published case studies of sustainable urban development on the ${SITE}`
        const newest = items.reduce((latest, item) => {
          const updated = item.updatedAt > item.publishedAt ? item.updatedAt : item.publishedAt
          return updated > latest ? updated : latest
        }, '')
        const body = RENDER[format]({
          title: filters ? `${SITE}: case studies (${filters})` : `${SITE}: case studies`,
          description: filters ? `${description}, filtered by ${filters}.` : `${description}.`,
          selfUrl: `${serverURL}${url.pathname}${url.search}`,
          homeUrl: `${serverURL}/case-studies`,
          // the feed's own date follows its entries, so the body (and its ETag) only changes with them
          updated: newest || changed || '1970-01-01T00:00:00.000Z',
          serverURL,
          items,
        })
        const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
        const lastModified = changed ? new Date(changed) : null
        const headers = new Headers({ 'cache-control': CACHE_CONTROL, etag })
        if (lastModified) headers.set('last-modified', lastModified.toUTCString())
        if (notModified(req.headers, etag, lastModified)) return new Response(null, { status: 304, headers })
        headers.set('content-type', CONTENT_TYPES[format])
        return new Response(body, { status: 200, headers })
      },
    },
    {
      summary: `${format === 'rss' ? 'RSS 2.0' : format === 'atom' ? 'Atom' : 'JSON Feed 1.1'} feed of newly published case studies`,
      description:
        'Newest first by first publication; the search filters select the cases (e.g. ?sdg=11 for one SDG). Items: title, link, teaser or summary, ' +
        'publication date, SDGs, topics and cities as categories. ETag and Last-Modified; If-None-Match / If-Modified-Since answer 304.',
      tags: ['case-studies', 'feeds'],
      parameters: [...filterParameters, queryParam('limit', 'Items, 1–50 (default 20).', { type: 'integer', minimum: 1, maximum: 50 })],
      responses: {
        '200': { description: 'The feed.', content: { [CONTENT_TYPES[format].split(';')[0]!]: { schema: format === 'json' ? { type: 'object', required: ['version', 'title', 'items'] } : { type: 'string' } } } },
        '304': { description: 'Not modified since the ETag or date the client sent.' },
        '400': errorResponse('A parameter is unknown or malformed; the message names it.'),
      },
    },
  )
}

export const caseFeedEndpoints: Endpoint[] = (['rss', 'atom', 'json'] as const).map(feedEndpoint)
