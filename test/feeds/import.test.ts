import { api, loginAs, startTestApp, type TestApp } from '../support/harness'
import { startSmtp } from '../support/smtp'
import { apiKeyHeader, feedRecord, importViaApi, postFeed, toCsv, waitForImport } from './helpers'

/**
 * Partner feeds through the REST door: API keys and their rotation, the import report, upsert by
 * (partner, externalId) with content hashes, conflicts with editors' edits, dry runs, bad input,
 * cities created once, CSV = JSON, retiring, and the one mail to editors.
 */
let app: TestApp
let smtp: Awaited<ReturnType<typeof startSmtp>>
let editor: Awaited<ReturnType<typeof loginAs>>
let citymaker: Awaited<ReturnType<typeof loginAs>>
let topic: string
let key: string
let partnerId: number
const PARTNER = 'urbact'

const sql = async (text: string, values?: unknown[]) => (await app.sql(text, values)).rows
const caseOf = async (externalId: string) =>
  (await sql(`SELECT c.*, l.title, l.summary, l.sections_background FROM case_studies c LEFT JOIN case_studies_locales l ON l._parent_id = c.id AND l._locale = 'en'
    WHERE c.provenance_source_partner_id = $1 AND c.provenance_external_id = $2`, [partnerId, externalId]))[0]
const updatedAts = async () => Object.fromEntries((await sql(`SELECT provenance_external_id AS e, updated_at::text AS u FROM case_studies WHERE provenance_source_partner_id = $1`, [partnerId])).map((r) => [r.e, r.u]))
const runJobs = async () => {
  await app.sql(`UPDATE payload_jobs SET wait_until = NULL WHERE completed_at IS NULL AND has_error IS NOT TRUE`)
  for (let pass = 0; pass < 6; pass++) if ((await app.payload.jobs.run({ allQueues: true, limit: 100 })).noJobsRemaining) return
}
const rotate = async (accountId: number) => {
  const res = await api(app, `/api/partner-accounts/${accountId}/rotate-key`, { method: 'POST', token: editor.token })
  expect(res.status).toBe(200)
  return res.body.apiKey as string
}

beforeAll(async () => {
  smtp = await startSmtp()
  app = await startTestApp({ env: { SMTP_URL: smtp.url } })
  editor = await loginAs(app, ['editor'])
  citymaker = await loginAs(app, ['citymaker'])
  topic = (await sql(`SELECT slug FROM topics WHERE scheme = 'topic' ORDER BY id LIMIT 1`))[0].slug
  partnerId = Number((await sql(`SELECT id FROM partners WHERE slug = $1`, [PARTNER]))[0].id)
  const account = await api(app, '/api/partner-accounts', { method: 'POST', token: editor.token, json: { name: 'URBACT nightly feed', partner: partnerId } })
  expect(account.status).toBe(201)
  key = await rotate(account.body.doc.id)
}, 180_000)
afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

test('the JSON Schema of the feed format is public and generated from the zod schema', async () => {
  const res = await api(app, '/api/feeds/schema.json')
  expect(res.status).toBe(200)
  expect(res.body.type).toBe('array')
  expect(res.body.items.required).toEqual(expect.arrayContaining(['externalId', 'title']))
  expect(res.body.items.properties.sdgs.items).toMatchObject({ type: 'integer', minimum: 1, maximum: 17 })
  expect(res.body.items.additionalProperties).toBe(false)
})

test('API keys: required, checked, bound to their partner, rotated; partner accounts are no members', async () => {
  const feed = JSON.stringify([feedRecord('auth', topic)])
  expect((await postFeed(app, PARTNER, undefined, feed)).status).toBe(401)
  expect((await postFeed(app, PARTNER, 'not-a-key', feed)).status).toBe(401)
  const asMember = await api(app, `/api/feeds/${PARTNER}/import`, { method: 'POST', token: citymaker.token, headers: { 'content-type': 'application/json' }, body: feed })
  expect(asMember.status).toBe(403)
  const other = await postFeed(app, 'metropolis', key, feed)
  expect(other.status).toBe(403)
  expect(other.body.errors[0].message).toMatch(/another partner/)
  expect((await postFeed(app, 'no-such-partner', key, feed)).status).toBe(404)

  // rotation: a second account's key works until rotated, then only the new one does
  const account = await api(app, '/api/partner-accounts', { method: 'POST', token: editor.token, json: { name: 'Rotating account', partner: partnerId } })
  const first = await rotate(account.body.doc.id)
  const report = await importViaApi(app, PARTNER, first, [feedRecord('auth', topic)])
  expect(report.counts.created).toBe(1)
  const second = await rotate(account.body.doc.id)
  expect(second).not.toBe(first)
  expect((await postFeed(app, PARTNER, first, feed)).status).toBe(401)
  expect((await importViaApi(app, PARTNER, second, [feedRecord('auth', topic)])).counts.unchanged).toBe(1)
  // only staff rotate keys and see accounts
  expect((await api(app, `/api/partner-accounts/${account.body.doc.id}/rotate-key`, { method: 'POST', token: citymaker.token })).status).toBe(403)
  expect((await api(app, `/api/partner-accounts/${account.body.doc.id}/rotate-key`, { method: 'POST' })).status).toBe(401)
  expect((await api(app, `/api/partner-accounts`, { headers: apiKeyHeader(second) })).status).toBe(403)

  // a partner key is not a member account: it creates no case studies or media, reads no drafts
  const created = await api(app, '/api/case-studies', { method: 'POST', headers: apiKeyHeader(second), json: { title: 'Sneaked in by a key' } })
  expect(created.status).toBe(403)
  const drafts = await api(app, `/api/case-studies?where[workflowState][equals]=submitted&limit=100`, { headers: apiKeyHeader(second) })
  expect(drafts.body.docs).toEqual([])
  // and reads no other partner's import report
  const metropolis = Number((await sql(`SELECT id FROM partners WHERE slug = 'metropolis'`))[0].id)
  const foreign = await app.payload.create({ collection: 'imports', data: { partner: metropolis, status: 'completed', source: 'x' } as never })
  expect((await api(app, `/api/feeds/imports/${foreign.id}`, { headers: apiKeyHeader(second) })).status).toBe(404)
  expect((await api(app, `/api/feeds/imports/${foreign.id}`, { token: editor.token })).status).toBe(200)
  expect((await api(app, `/api/feeds/imports/${foreign.id}`, { token: citymaker.token })).status).toBe(403)
})

test('a feed with valid, invalid and duplicate records: the valid ones import, each bad one is reported by index, externalId and field', async () => {
  if (!(await sql(`SELECT 1 FROM cities WHERE name_key = 'sao paulo' AND country = 'BR'`)).length) await app.payload.create({ collection: 'cities', data: { name: 'São Paulo', country: 'BR' } as never })
  const citiesBefore = Number((await sql(`SELECT count(*) FROM cities`))[0].count)
  const sent = smtp.received.length
  const records = [
    feedRecord(1, topic),
    feedRecord(2, topic, { cities: [{ name: 'NEUCHATEL', country: 'ch' }, { name: 'sao paulo', country: 'BR' }] }),
    feedRecord(3, topic, { title: 'x', topics: ['no-such-topic'] }),
    feedRecord(4, topic, { cities: [{ name: 'Atlantis', country: 'XX' }], colour: 'green' }),
    feedRecord(1, topic, { title: 'A duplicate of the first' }),
    feedRecord(5, topic, { projectStatus: 'ongoing', endYear: 2020, sdgTargets: ['11.99'] }),
    feedRecord(6, topic, { cities: [{ name: 'Neuchâtel', country: 'CH' }, { name: 'Neustadt an der Feed', country: 'DE' }] }),
  ]
  const report = await importViaApi(app, PARTNER, key, records)
  expect(report).toMatchObject({ status: 'completed', processed: 7, counts: { received: 7, created: 3, invalid: 3, duplicates: 1, unchanged: 0, updated: 0 } })
  expect(report.counts.citiesCreated).toBeGreaterThanOrEqual(2)
  const byIndex = Object.fromEntries(report.errors.map((e: any) => [e.index, e]))
  expect(byIndex[2]).toMatchObject({ externalId: 'ext-3' })
  expect(byIndex[2].errors).toEqual(expect.arrayContaining([{ path: 'title', message: 'at least 3 characters' }]))
  expect(byIndex[3].errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'cities.0.country' }), { path: '(record)', message: 'unknown field(s): colour' }]))
  expect(byIndex[4]).toMatchObject({ externalId: 'ext-1', errors: [{ path: 'externalId', message: expect.stringContaining('record 0') }] })
  expect(byIndex[5].errors.map((e: any) => e.path).sort()).toEqual(['endYear'])
  // unknown topic / target are checked once the record fits the schema
  const again = await importViaApi(app, PARTNER, key, [feedRecord(3, topic, { topics: ['no-such-topic'] }), feedRecord(5, topic, { sdgTargets: ['11.99'] })], { query: 'dryRun=true' })
  expect(again.errors).toEqual([
    { index: 0, externalId: 'ext-3', errors: [{ path: 'topics.0', message: 'unknown topic "no-such-topic" (use the slugs of /api/topics)' }] },
    { index: 1, externalId: 'ext-5', errors: [{ path: 'sdgTargets.0', message: 'unknown SDG target "11.99"' }] },
  ])

  // Neuchâtel was created once for two spellings; São Paulo matched without accents; the new cities are named in the report
  expect(Number((await sql(`SELECT count(*) FROM cities`))[0].count)).toBe(citiesBefore + report.counts.citiesCreated)
  expect(report.createdCities.map((c: any) => `${c.name}|${c.country}`)).toEqual(expect.arrayContaining(['NEUCHATEL|CH', 'Neustadt an der Feed|DE']))
  expect(report.createdCities.filter((c: any) => c.name.toLowerCase().startsWith('neuch'))).toHaveLength(1)
  expect((await sql(`SELECT region FROM cities WHERE name_key = 'neuchatel'`))[0].region).toBe('m49-150')

  // the cases: in the review queue (partner needs review), with provenance, texts as Lexical, relations, an audit event and a search row
  const one = await caseOf('ext-1')
  expect(one).toMatchObject({ workflow_state: 'submitted', _status: 'draft', provenance_source_type: 'partner-feed', provenance_source_url: 'https://partner.example.org/cases/1', title: 'Feed case number 1' })
  expect(one.provenance_first_imported_at).toEqual(one.provenance_last_imported_at)
  expect(Number(one.provenance_last_import_id)).toBe(report.id)
  expect(JSON.stringify(one.sections_background)).toContain('"tag":"h3"')
  const viaRest = await api(app, `/api/case-studies/${one.id}?depth=1&draft=true`, { token: editor.token })
  expect(viaRest.status).toBe(200)
  expect(viaRest.body.cities.map((c: any) => c.name)).toEqual(['Zürich'])
  expect(viaRest.body.sdgs.map((s: any) => Number(s.number)).sort((a: number, b: number) => a - b)).toEqual([11, 13])
  expect(viaRest.body.sdgTargets.map((t: any) => t.code)).toEqual(['11.2'])
  expect(viaRest.body.provenance).toMatchObject({ externalId: 'ext-1', sourcePartner: expect.objectContaining({ id: partnerId }) })
  expect(viaRest.body.completeness.score).toBeGreaterThan(0)
  const two = await api(app, `/api/case-studies/${(await caseOf('ext-2')).id}?depth=1&draft=true`, { token: editor.token })
  expect(two.body.cities.map((c: any) => c.name)).toEqual(['NEUCHATEL', 'São Paulo'])
  expect(await sql(`SELECT "from", "to" FROM workflow_events WHERE case_study_id = $1`, [one.id])).toEqual([{ from: 'new', to: 'submitted' }])
  expect(await sql(`SELECT published FROM case_study_search WHERE case_study_id = $1`, [one.id])).toEqual([{ published: false }])

  // one mail to the editors for the whole import
  await runJobs()
  const mails = smtp.received.slice(sent).filter((mail) => mail.subject.startsWith('Feed import from') && mail.text.includes(`/imports/${report.id}`))
  expect(mails).toHaveLength(1)
  expect(mails[0]!.text).toContain('3 new case studies')
  expect(mails[0]!.text).toContain(`${report.counts.citiesCreated} new cities`)
  expect(smtp.received.slice(sent).filter((mail) => mail.subject.startsWith('Case study submitted'))).toHaveLength(0)
})

test('cities a feed brings are drafts: hidden from the public and from search rows until an editor publishes them', async () => {
  const [city] = await sql(`SELECT id, _status FROM cities WHERE name_key = 'neuchatel' AND country = 'CH'`)
  expect(city._status).toBe('draft')
  // with a first version, so the admin panel lists it (drafts are listed from the versions)
  expect(await sql(`SELECT version__status AS status, latest FROM _cities_v WHERE parent_id = $1`, [city.id])).toEqual([{ status: 'draft', latest: true }])
  const admin = await loginAs(app, ['admin'])
  const other = await loginAs(app, ['citymaker'], 'another-citymaker')
  for (const [who, token, visible] of [['anonymous', undefined, false], ['citymaker', citymaker.token, false], ['another citymaker', other.token, false], ['editor', editor.token, true], ['admin', admin.token, true]] as const) {
    const rest = await api(app, `/api/cities/${city.id}`, { token })
    expect({ who, status: rest.status }).toEqual({ who, status: visible ? 200 : 404 })
    const gql = await api(app, '/api/graphql', { method: 'POST', token, json: { query: `{ Cities(where: { id: { equals: ${city.id} } }) { docs { id name _status } } }` } })
    expect({ who, docs: gql.body.data.Cities.docs.length }).toEqual({ who, docs: visible ? 1 : 0 })
    const listed = await api(app, `/api/cities?draft=true&where[id][equals]=${city.id}`, { token })
    expect({ who, listed: listed.body.docs?.length ?? 0 }).toEqual({ who, listed: visible ? 1 : 0 })
  }
  // the case that names it: its search row leaves the draft city out (no facet, no name, no map point)
  const two = await caseOf('ext-2')
  const row = async () => (await sql(`SELECT city_ids, countries FROM case_study_search WHERE case_study_id = $1`, [two.id]))[0]
  expect((await row()).city_ids).not.toContain(city.id)
  expect((await row()).countries).toEqual(['BR'])

  expect((await api(app, `/api/cities/${city.id}`, { method: 'PATCH', token: citymaker.token, json: { _status: 'published' } })).status).toBe(403)
  const published = await api(app, `/api/cities/${city.id}`, { method: 'PATCH', token: editor.token, json: { name: 'Neuchâtel', _status: 'published' } })
  expect(published.status).toBe(200)
  const open = await api(app, `/api/cities/${city.id}`)
  expect(open.status).toBe(200)
  expect(open.body).toMatchObject({ name: 'Neuchâtel', _status: 'published', country: 'CH' })
  expect((await row()).city_ids).toContain(city.id)
  expect((await row()).countries.sort()).toEqual(['BR', 'CH'])
  // a city created through the API without a status is published, as before cities had drafts
  const made = await api(app, '/api/cities', { method: 'POST', token: editor.token, json: { name: 'Feedless Town', country: 'AT' } })
  expect(made.status).toBe(201)
  expect(made.body.doc._status).toBe('published')
})

test('the same feed twice writes nothing; a changed record updates only that case; CSV gives the same cases as JSON', async () => {
  const records = [1, 2, 6].map((n) => feedRecord(n, topic, n === 2 ? { cities: [{ name: 'NEUCHATEL', country: 'ch' }, { name: 'sao paulo', country: 'BR' }] } : n === 6 ? { cities: [{ name: 'Neuchâtel', country: 'CH' }, { name: 'Neustadt an der Feed', country: 'DE' }] } : {}))
  const before = await updatedAts()
  const jobsBefore = Number((await sql(`SELECT count(*) FROM payload_jobs`))[0].count)
  const same = await importViaApi(app, PARTNER, key, records)
  expect(same.counts).toMatchObject({ received: 3, unchanged: 3, created: 0, updated: 0 })
  expect(await updatedAts()).toEqual(before)
  // nothing changed: no mail either
  expect(Number((await sql(`SELECT count(*) FROM payload_jobs`))[0].count)).toBe(jobsBefore)

  // the same records as CSV (other key order, lists as cells) hash the same: nothing to write
  const csv = await importViaApi(app, PARTNER, key, toCsv(records), { contentType: 'text/csv' })
  expect(csv.counts).toMatchObject({ received: 3, unchanged: 3, invalid: 0 })
  expect(await updatedAts()).toEqual(before)

  const changed = records.map((r) => (r.externalId === 'ext-2' ? { ...r, title: 'Feed case number 2, revised', summary: 'New summary.' } : r))
  const report = await importViaApi(app, PARTNER, key, toCsv(changed), { contentType: 'text/csv' })
  expect(report.counts).toMatchObject({ received: 3, updated: 1, unchanged: 2, created: 0 })
  const after = await updatedAts()
  expect(after['ext-1']).toBe(before['ext-1'])
  expect(after['ext-2']).not.toBe(before['ext-2'])
  const two = await caseOf('ext-2')
  expect(two).toMatchObject({ title: 'Feed case number 2, revised', summary: 'New summary.', workflow_state: 'submitted' })
  expect(two.provenance_first_imported_at).not.toEqual(two.provenance_last_imported_at)
  // the search row followed
  expect((await sql(`SELECT title FROM case_study_search WHERE case_study_id = $1`, [two.id]))[0].title).toBe('Feed case number 2, revised')
})

test('an editor’s edit is not overwritten by the next import: the changed record is reported as a conflict', async () => {
  const one = await caseOf('ext-1')
  const edit = await api(app, `/api/case-studies/${one.id}`, { method: 'PATCH', token: editor.token, json: { summary: 'Corrected by an editor.' } })
  expect(edit.status).toBe(200)
  expect(edit.body.doc.provenance.editedAt).toBeTruthy()
  // a workflow transition is no edit
  const six = await caseOf('ext-6')
  expect((await api(app, `/api/case-studies/${six.id}/workflow`, { method: 'POST', token: editor.token, json: { to: 'published' } })).status).toBe(200)

  const report = await importViaApi(app, PARTNER, key, [feedRecord(1, topic, { summary: 'The partner changed it too.' }), feedRecord(6, topic, { summary: 'Partner update of 6.', cities: [{ name: 'Neuchâtel', country: 'CH' }, { name: 'Neustadt an der Feed', country: 'DE' }] })])
  expect(report.counts).toMatchObject({ conflicts: 1, updated: 1 })
  expect(report.conflicts).toEqual([{ index: 0, externalId: 'ext-1', caseStudy: one.id, message: expect.stringContaining('editor edited the case') }])
  expect((await caseOf('ext-1')).summary).toBe('Corrected by an editor.')
  expect(await caseOf('ext-6')).toMatchObject({ summary: 'Partner update of 6.', workflow_state: 'published' })
  // unchanged records of an edited case are simply unchanged
  const quiet = await importViaApi(app, PARTNER, key, [feedRecord(1, topic)], { query: 'dryRun=true' })
  expect(quiet.counts).toMatchObject({ unchanged: 1, conflicts: 0 })
})

test('a dry run validates and reports, writing no case and no city', async () => {
  const counts = async () => (await sql(`SELECT (SELECT count(*) FROM case_studies) AS cases, (SELECT count(*) FROM cities) AS cities, (SELECT max(updated_at)::text FROM case_studies) AS last`))[0]
  const before = await counts()
  const report = await importViaApi(app, PARTNER, key, [feedRecord(50, topic, { cities: [{ name: 'Dryburg', country: 'DE' }] }), feedRecord(2, topic, { title: 'Would change' }), feedRecord(51, topic, { sdgs: [18] })], { query: 'dryRun=true&retireMissing=true' })
  expect(report).toMatchObject({ dryRun: true, counts: { created: 1, updated: 1, invalid: 1, citiesCreated: 1 } })
  expect(report.counts.retired).toBeGreaterThan(0)
  expect(await counts()).toEqual(before)
})

test('bad requests get a clear 4xx and write nothing', async () => {
  const imports = async () => Number((await sql(`SELECT count(*) FROM imports`))[0].count)
  const before = { imports: await imports(), cases: (await sql(`SELECT count(*) FROM case_studies`))[0].count }
  const malformed = await postFeed(app, PARTNER, key, `[${JSON.stringify(feedRecord(60, topic))}, {"externalId": "ext-61", "title": }]`)
  expect(malformed.status).toBe(400)
  expect(malformed.body.errors[0].message).toMatch(/^Malformed feed: Record 1 is not valid JSON/)
  expect((await postFeed(app, PARTNER, key, '{"records": []}')).body.errors[0].message).toMatch(/JSON array/)
  expect((await postFeed(app, PARTNER, key, `[${JSON.stringify(feedRecord(62, topic))}`)).body.errors[0].message).toMatch(/"\]" missing/)
  expect((await postFeed(app, PARTNER, key, 'externalId,title\n"x1,unterminated', { contentType: 'text/csv' })).status).toBe(400)
  expect((await postFeed(app, PARTNER, key, 'a,b', { contentType: 'text/plain' })).status).toBe(415)
  expect((await postFeed(app, PARTNER, key, '[]', { query: 'force=yes' })).body.errors[0].message).toMatch(/force: not accepted/)
  expect((await postFeed(app, PARTNER, key, '[]', { query: 'dryRun=maybe' })).status).toBe(400)
  // larger than the limit: refused while streaming, before anything is parsed
  const big = '[' + ' '.repeat(51 * 1024 * 1024) + ']'
  const oversize = await postFeed(app, PARTNER, key, big)
  expect(oversize.status).toBe(413)
  expect(await imports()).toBe(before.imports)
  expect((await sql(`SELECT count(*) FROM case_studies`))[0].count).toBe(before.cases)
})

test('a trusted partner’s cases are published directly and alert subscribers; --retire-missing archives, never deletes', async () => {
  const metropolis = Number((await sql(`SELECT id FROM partners WHERE slug = 'metropolis'`))[0].id)
  await app.payload.update({ collection: 'partners', id: metropolis, data: { trustLevel: 'trusted' } as never })
  const account = await app.payload.create({ collection: 'partner-accounts', data: { name: 'Metropolis feed', partner: metropolis, enableAPIKey: true, apiKey: 'metropolis-test-key-0123456789' } as never })
  expect(account.id).toBeTruthy()
  const mkey = 'metropolis-test-key-0123456789'
  const report = await importViaApi(app, 'metropolis', mkey, [feedRecord('m1', topic), feedRecord('m2', topic), feedRecord('m3', topic)])
  expect(report.counts.created).toBe(3)
  const rows = await sql(`SELECT id, workflow_state, _status, published_at, provenance_external_id AS e FROM case_studies WHERE provenance_source_partner_id = $1 ORDER BY e`, [metropolis])
  expect(rows.map((r) => [r.workflow_state, r._status, Boolean(r.published_at)])).toEqual(Array(3).fill(['published', 'published', true]))
  const pub = await api(app, `/api/case-studies/${rows[0].id}`)
  expect(pub.status).toBe(200)
  const match = await sql(`SELECT count(*) FROM payload_jobs WHERE task_slug = 'matchAlerts' AND input->>'caseStudy' IN ('${rows.map((r) => r.id).join("','")}')`)
  expect(Number(match[0].count)).toBe(3)
  expect((await sql(`SELECT bool_and(published) AS p FROM case_study_search WHERE case_study_id = ANY($1)`, [rows.map((r) => r.id)]))[0].p).toBe(true)

  const retire = await importViaApi(app, 'metropolis', mkey, [feedRecord('m1', topic), feedRecord('m3', topic)], { query: 'retireMissing=true' })
  expect(retire.counts).toMatchObject({ unchanged: 2, retired: 1 })
  const m2 = rows.find((r) => r.e === 'ext-m2')!
  expect((await sql(`SELECT workflow_state, _status FROM case_studies WHERE id = $1`, [m2.id]))[0]).toEqual({ workflow_state: 'archived', _status: 'draft' })
  expect((await api(app, `/api/case-studies/${m2.id}`)).status).toBe(404)
  expect((await sql(`SELECT "to", actor_label FROM workflow_events WHERE case_study_id = $1 ORDER BY id DESC LIMIT 1`, [m2.id]))[0].to).toBe('archived')
  // a feed with an unidentifiable record retires nothing
  const unsafe = await importViaApi(app, 'metropolis', mkey, [feedRecord('m1', topic), { title: 'No id here' }], { query: 'retireMissing=true' })
  expect(unsafe.counts.retired).toBe(0)
  expect(unsafe.message).toMatch(/retire-missing skipped/)
})

test('a citymaker cannot claim a partner’s provenance on an own case (staff-only fields)', async () => {
  const created = await api(app, '/api/case-studies', { method: 'POST', token: citymaker.token, json: { title: 'My own case', provenance: { sourcePartner: partnerId, externalId: 'ext-999' } } })
  expect(created.status).toBe(201)
  const stored = (await sql(`SELECT provenance_source_partner_id AS p, provenance_external_id AS e FROM case_studies WHERE id = $1`, [created.body.doc.id]))[0]
  expect(stored).toEqual({ p: null, e: null })
  const patched = await api(app, `/api/case-studies/${created.body.doc.id}`, { method: 'PATCH', token: citymaker.token, json: { provenance: { sourcePartner: partnerId, externalId: 'ext-1' } } })
  expect(patched.status).toBe(200)
  expect((await sql(`SELECT provenance_source_partner_id AS p, provenance_external_id AS e FROM case_studies WHERE id = $1`, [created.body.doc.id]))[0]).toEqual({ p: null, e: null })
  // staff may
  const staffCase = await api(app, '/api/case-studies', { method: 'POST', token: editor.token, json: { title: 'Editorial case', provenance: { sourcePartner: partnerId, externalId: 'ext-manual' } } })
  expect(staffCase.status).toBe(201)
  expect(staffCase.body.doc.provenance.externalId).toBe('ext-manual')
  // and the importer leaves a case it did not import alone
  const report = await importViaApi(app, PARTNER, key, [feedRecord('manual', topic)])
  expect(report.counts.conflicts).toBe(1)
  expect(report.conflicts[0].message).toMatch(/not imported/)
})

test('one import of a partner at a time: 409 while another runs, unless that one stopped reporting (killed)', async () => {
  const running = await app.payload.create({ collection: 'imports', data: { partner: partnerId, status: 'running', source: 'other', startedAt: new Date().toISOString() } as never })
  const busy = await postFeed(app, PARTNER, key, JSON.stringify([feedRecord(1, topic)]))
  expect(busy.status).toBe(409)
  expect(busy.body.errors[0].message).toContain(`Import ${running.id}`)
  // a dry run does not wait
  expect((await postFeed(app, PARTNER, key, '[]', { query: 'dryRun=true' })).status).toBe(202)
  await sql(`UPDATE imports SET updated_at = now() - interval '11 minutes' WHERE id = $1`, [running.id])
  expect((await importViaApi(app, PARTNER, key, [feedRecord(1, topic)])).status).toBe('completed')
})

test('images: private addresses are refused in the feed; public names are fetched later by a job, which refuses what it cannot check', async () => {
  const report = await importViaApi(app, PARTNER, key, [
    feedRecord('img1', topic, { images: [{ url: 'https://images.example.invalid/harbour.png', caption: 'The harbour', credit: 'Partner' }] }),
    feedRecord('img2', topic, { images: [{ url: 'http://169.254.169.254/latest/meta-data' }, { url: 'http://localhost:3000/x.png' }] }),
  ])
  expect(report.counts).toMatchObject({ created: 1, invalid: 1 })
  expect(report.errors[0].errors.map((e: any) => e.path)).toEqual(['images.0.url', 'images.1.url'])
  const one = await caseOf('ext-img1')
  const job = (await sql(`SELECT id, input FROM payload_jobs WHERE task_slug = 'fetchFeedImages' AND input->>'caseStudy' = $1`, [String(one.id)]))[0]
  expect(job.input.images).toEqual([{ url: 'https://images.example.invalid/harbour.png', caption: 'The harbour', credit: 'Partner' }])
  const media = Number((await sql(`SELECT count(*) FROM media`))[0].count)
  await runJobs()
  // completed (Payload deletes finished jobs; a failing one would wait for its retry), nothing stored
  expect(await sql(`SELECT id FROM payload_jobs WHERE id = $1`, [job.id])).toEqual([])
  expect(Number((await sql(`SELECT count(*) FROM media`))[0].count)).toBe(media)
  expect((await caseOf('ext-img1')).hero_image_id).toBeNull()
})

test('GET /api/feeds/imports/:id answers 400 and 404 for bad and unknown ids', async () => {
  expect((await api(app, '/api/feeds/imports/abc', { headers: apiKeyHeader(key) })).status).toBe(400)
  expect((await api(app, '/api/feeds/imports/999999', { headers: apiKeyHeader(key) })).status).toBe(404)
  expect(waitForImport).toBeDefined()
})
