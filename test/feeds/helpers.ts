import { api, type TestApp } from '../support/harness'

/** Feed records and the REST door of the importer, shared by the feed tests. */
export type FeedRecordInput = Record<string, unknown>

export function feedRecord(n: number | string, topic: string, extra: FeedRecordInput = {}): FeedRecordInput {
  return {
    externalId: `ext-${n}`,
    title: `Feed case number ${n}`,
    summary: `What case ${n} did.`,
    language: 'en',
    cities: [{ name: 'Zürich', country: 'CH' }],
    topics: [topic],
    sdgs: [13],
    sdgTargets: ['11.2'],
    projectStatus: 'completed',
    startYear: 2015,
    endYear: 2018,
    sections: { background: `## Why\n\nThe city needed **case ${n}**.`, approach: 'Plain text first.\n\nThen a second paragraph.' },
    sourceUrl: `https://partner.example.org/cases/${n}`,
    ...extra,
  }
}

export const apiKeyHeader = (key: string) => ({ authorization: `partner-accounts API-Key ${key}` })

export async function postFeed(app: TestApp, partner: string, key: string | undefined, body: string, options: { query?: string; contentType?: string } = {}) {
  return api(app, `/api/feeds/${partner}/import${options.query ? `?${options.query}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': options.contentType ?? 'application/json', ...(key ? apiKeyHeader(key) : {}) },
    body,
  })
}

/** Polls the report until the import has finished. */
export async function waitForImport(app: TestApp, id: number, key: string) {
  for (let i = 0; i < 600; i++) {
    const res = await api(app, `/api/feeds/imports/${id}`, { headers: apiKeyHeader(key) })
    if (res.status !== 200) throw new Error(`report ${id}: ${res.status} ${JSON.stringify(res.body)}`)
    if (res.body.status !== 'running') return res.body
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`import ${id} did not finish`)
}

/** Posts a feed and waits for its report. */
export async function importViaApi(app: TestApp, partner: string, key: string, records: unknown[] | string, options: { query?: string; contentType?: string } = {}) {
  const res = await postFeed(app, partner, key, typeof records === 'string' ? records : JSON.stringify(records), options)
  if (res.status !== 202) throw new Error(`import refused: ${res.status} ${JSON.stringify(res.body)}`)
  return waitForImport(app, res.body.id, key)
}

export function toCsv(records: FeedRecordInput[]): string {
  const columns = ['externalId', 'title', 'summary', 'language', 'cities', 'topics', 'sdgs', 'sdgTargets', 'projectStatus', 'startYear', 'endYear', 'sections.background', 'sections.approach', 'sourceUrl']
  const cell = (value: unknown) => {
    const text = value === undefined ? '' : String(value)
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  const value = (record: any, column: string): unknown => {
    if (column.startsWith('sections.')) return record.sections?.[column.slice(9)]
    const v = record[column]
    if (column === 'cities') return (v as Array<{ name: string; country: string }>).map((c) => `${c.name} (${c.country})`).join('; ')
    return Array.isArray(v) ? v.join(';') : v
  }
  return [columns.join(','), ...records.map((record) => columns.map((column) => cell(value(record, column))).join(','))].join('\r\n') + '\r\n'
}
