import { api, graphql, loginAs, startTestApp, type TestApp } from '../support/harness'
import { del, patch, post, rows, sdgId, type Response } from '../domain/helpers'

/**
 * The attacks docs/access.md must hold against, over REST and GraphQL, for five audiences:
 * anonymous visitors, two citymakers (A owns every fixture, B tries to reach it), an editor and an
 * admin. Every refused attempt asserts its exact status and that the database did not change
 * (a fingerprint of the tables it could have touched, or the columns themselves).
 */
let app: TestApp

const AUDIENCES = ['anonymous', 'citymakerA', 'citymakerB', 'editor', 'admin'] as const
type Audience = (typeof AUDIENCES)[number]
type Account = Awaited<ReturnType<typeof loginAs>>
const accounts = {} as Record<Exclude<Audience, 'anonymous'>, Account>
const tokenOf = (audience: Audience) => (audience === 'anonymous' ? undefined : accounts[audience].token)
const A = () => accounts.citymakerA
const B = () => accounts.citymakerB
/** The audiences that read A's unpublished cases: A and staff. */
const SEES_UNPUBLISHED: Audience[] = ['citymakerA', 'editor', 'admin']

const STATES = ['draft', 'submitted', 'changes_requested', 'archived'] as const
type State = (typeof STATES)[number]
/** Every unpublished title carries this marker: no response to anonymous or B may contain it. */
const MARK = 'UNPUBLISHED'

const ids = {} as {
  city: number
  partner: number
  topic: number
  sdg: number
  pub: number
  hidden: Record<State, number>
  hiddenVersion: Record<State, number>
  /** profiles in the city: A (public), community, hidden, not activated */
  community: number
  hiddenProfile: number
  unverified: number
  preference: number
  lock: number
}

let counter = 0
const unique = () => `${Date.now().toString(36)}-${++counter}`
const sql = async (text: string, values?: unknown[]) => (await app.sql(text, values)).rows

async function caseStudy(state: State | 'published', data: Record<string, unknown> = {}): Promise<number> {
  const initial = state === 'changes_requested' ? 'submitted' : state === 'archived' ? 'published' : state
  const doc = await app.payload.create({
    collection: 'case-studies',
    data: { title: state === 'published' ? `Published case ${unique()}` : `${MARK} ${state} case ${unique()}`, author: A().user.id, workflowState: initial, ...data } as never,
    context: { skipNotifications: true },
  })
  if (initial !== state) {
    await app.payload.update({ collection: 'case-studies', id: doc.id, data: { workflowState: state } as never, context: { skipNotifications: true, workflowComment: 'fixture' } })
  }
  return doc.id as number
}

async function profile(name: string, visibility: 'public' | 'community' | 'hidden', verified: boolean, city?: number): Promise<number> {
  const doc = await app.payload.create({
    collection: 'citymakers',
    data: { email: `${name.toLowerCase().replace(/\W+/g, '-')}-${unique()}@test.use.invalid`, password: `pw-${unique()}-x`, displayName: name, roles: ['citymaker'], _verified: verified, profileVisibility: visibility, city } as never,
    disableVerificationEmail: true,
    context: { skipNotifications: true },
  })
  return doc.id as number
}

/**
 * What a refused request must leave alone: count and content of every table an attack here could
 * write, as one md5 per table.
 */
const TABLES = [
  'case_studies', 'case_studies_locales', 'case_studies_rels', '_case_studies_v', 'workflow_events', 'payload_jobs',
  'citymakers', 'citymakers_roles', 'payload_preferences', 'payload_preferences_rels', 'payload_locked_documents', 'payload_locked_documents_rels',
]
async function fingerprint(tables = TABLES): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const table of tables) {
    out[table] = (await sql(`SELECT count(*)::int || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS h FROM ${table} t`))[0].h
  }
  return out
}

const idsOf = (docs: unknown): number[] => ((docs as Array<{ id: number }> | undefined) ?? []).map((doc) => doc.id).sort((a, b) => a - b)
const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
const text = (res: { body: unknown }) => JSON.stringify(res.body)
/** Status code per top-level GraphQL field that failed. */
const gqlErrors = (res: Response) =>
  Object.fromEntries(((res.body?.errors ?? []) as Array<{ path?: string[]; extensions?: { statusCode?: number } }>).map((e) => [e.path?.[0] ?? '(query)', e.extensions?.statusCode]))
/** The parts of an error answer a client sees, without the stack trace of debug mode. */
const refusal = (res: Response) => ({
  status: res.status,
  errors: ((res.body?.errors ?? []) as Array<{ message: string; data?: unknown }>).map((e) => ({ message: e.message, data: e.data })),
  docs: res.body?.docs,
  data: res.body?.data,
})
/** GraphQL with the media type of GraphQL over HTTP, so a refused query is a 4xx, not a 200. */
const gqlStrict = (query: string, token?: string) =>
  api(app, '/api/graphql', { method: 'POST', json: { query }, token, headers: { accept: 'application/graphql-response+json' } })

beforeAll(async () => {
  app = await startTestApp()
  // every refused query is logged as an error by Payload: keep the test output readable
  app.payload.logger.level = 'fatal'
  accounts.citymakerA = await loginAs(app, ['citymaker'], 'citymaker-a')
  accounts.citymakerB = await loginAs(app, ['citymaker'], 'citymaker-b')
  accounts.editor = await loginAs(app, ['editor'], 'editor')
  accounts.admin = await loginAs(app, ['admin'], 'admin')

  ids.city = (await app.payload.create({ collection: 'cities', data: { name: `Attackville ${unique()}`, country: 'NL' } as never })).id as number
  ids.partner = (await app.payload.create({
    collection: 'partners',
    data: { name: `Attack partner ${unique()}`, type: 'research', contact: A().user.id, trustLevel: 'trusted', feed: { format: 'json', url: 'https://feed.example.org/secret-feed' } } as never,
  })).id as number
  ids.topic = Number((await sql('SELECT id FROM topics ORDER BY id LIMIT 1'))[0].id)
  ids.sdg = await sdgId(app, 11)
  await app.payload.update({ collection: 'citymakers', id: A().user.id, data: { city: ids.city } as never })

  const links = { cities: [ids.city], topics: [ids.topic], sdgs: [ids.sdg] }
  ids.hidden = {} as Record<State, number>
  ids.hiddenVersion = {} as Record<State, number>
  for (const state of STATES) {
    ids.hidden[state] = await caseStudy(state, { ...links, provenance: { sourcePartner: ids.partner, externalId: `x-${state}`, contentHash: `HASH-${state}` } })
    ids.hiddenVersion[state] = Number((await sql('SELECT id FROM _case_studies_v WHERE parent_id = $1 ORDER BY id DESC LIMIT 1', [ids.hidden[state]]))[0].id)
  }
  ids.pub = await caseStudy('published', {
    ...links,
    relatedCases: Object.values(ids.hidden),
    adaptedFrom: [ids.hidden.draft],
    provenance: { sourcePartner: ids.partner, externalId: 'x-published', contentHash: 'HASH-published' },
  })
  // the draft adapts the published case: the published case's `adaptedBy` join must not show it
  await app.payload.update({ collection: 'case-studies', id: ids.hidden.draft, data: { adaptedFrom: [ids.pub] } as never, context: { skipNotifications: true } })

  ids.community = await profile('Community member', 'community', true, ids.city)
  ids.hiddenProfile = await profile('Hidden member', 'hidden', true, ids.city)
  ids.unverified = await profile('Unverified member', 'public', false, ids.city)

  // secrets with known values, to look for them in every answer
  await sql(`UPDATE citymakers SET reset_password_token = 'RESET-SECRET-A', reset_password_expiration = now() + interval '1 hour' WHERE id = $1`, [A().user.id])
  await sql(`UPDATE citymakers SET _verificationtoken = 'VERIFY-SECRET-U' WHERE id = $1`, [ids.unverified])

  const preference = await api(app, '/api/payload-preferences/attack-columns', { method: 'POST', token: A().token, json: { value: { secret: 'A-PREFERENCE' } } })
  if (preference.status !== 200) throw new Error(`preference fixture: ${text(preference)}`)
  ids.preference = preference.body.doc.id
  ids.lock = (await app.payload.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'case-studies', value: ids.hidden.draft }, user: { relationTo: 'citymakers', value: A().user.id } } as never,
  })).id as number
})
afterAll(async () => {
  await app?.close()
})

describe('unpublished case studies of citymaker A', () => {
  const cells = STATES.flatMap((state) => AUDIENCES.map((audience) => ({ state, audience })))

  test.each(cells)('$audience reading the $state case over REST: list, by id, draft, versions', async ({ state, audience }) => {
    const id = ids.hidden[state]
    const sees = SEES_UNPUBLISHED.includes(audience)
    const get = (path: string) => api(app, path, { token: tokenOf(audience) })

    const list = await get(`/api/case-studies?where[id][equals]=${id}&depth=0`)
    const listDraft = await get(`/api/case-studies?where[id][equals]=${id}&depth=0&draft=true`)
    const listAll = await get(`/api/case-studies?depth=0&limit=100&draft=true`)
    const byId = await get(`/api/case-studies/${id}?depth=0`)
    const byIdDraft = await get(`/api/case-studies/${id}?depth=0&draft=true`)
    const versions = await get(`/api/case-studies/versions?where[parent][equals]=${id}&depth=0`)
    const version = await get(`/api/case-studies/versions/${ids.hiddenVersion[state]}?depth=0`)

    expect({
      list: list.status, listDraft: listDraft.status, listAll: listAll.status, byId: byId.status, byIdDraft: byIdDraft.status, versions: versions.status, version: version.status,
    }).toEqual({
      list: 200, listDraft: 200, listAll: 200,
      byId: sees ? 200 : 404,
      byIdDraft: sees ? 200 : 404,
      versions: audience === 'anonymous' ? 403 : 200,
      version: sees ? 200 : 403,
    })
    expect(idsOf(list.body.docs)).toEqual(sees ? [id] : [])
    expect(idsOf(listDraft.body.docs)).toEqual(sees ? [id] : [])
    expect(idsOf(listAll.body.docs).includes(id)).toBe(sees)
    if (sees) {
      expect(byIdDraft.body).toMatchObject({ id, workflowState: state })
      expect(versions.body.docs.length).toBeGreaterThan(0)
      expect(versions.body.docs.every((v: { parent: number }) => v.parent === id)).toBe(true)
      expect(version.body).toMatchObject({ id: ids.hiddenVersion[state], parent: id })
    } else {
      if (audience !== 'anonymous') expect(versions.body.docs).toEqual([])
      for (const res of [list, listDraft, listAll, byId, byIdDraft, versions, version]) expect(text(res)).not.toContain(MARK)
    }
  })

  test.each(cells)('$audience reading the $state case over GraphQL: CaseStudies, CaseStudy, versionsCaseStudies, versionCaseStudy', async ({ state, audience }) => {
    const id = ids.hidden[state]
    const sees = SEES_UNPUBLISHED.includes(audience)
    const res = await graphql(app, `{
      CaseStudies(where: { id: { equals: ${id} } }, draft: true) { docs { id title workflowState } }
      CaseStudy(id: ${id}, draft: true) { id title }
      versionsCaseStudies(where: { parent: { equals: ${id} } }) { docs { id parent { id } version { title } } }
      versionCaseStudy(id: ${ids.hiddenVersion[state]}) { id version { title } }
    }`, undefined, tokenOf(audience))
    expect(res.status).toBe(200)
    const data = res.body.data
    if (sees) {
      expect(res.body.errors).toBeUndefined()
      expect(data.CaseStudies.docs).toEqual([{ id, title: expect.stringContaining(MARK), workflowState: state }])
      expect(data.CaseStudy.id).toBe(id)
      expect(data.versionsCaseStudies.docs.length).toBeGreaterThan(0)
      expect(data.versionCaseStudy.version.title).toContain(MARK)
    } else {
      expect(data.CaseStudies.docs).toEqual([])
      expect(data.CaseStudy).toBeNull()
      expect(data.versionCaseStudy).toBeNull()
      if (audience === 'anonymous') {
        expect(data.versionsCaseStudies).toBeNull()
        expect(gqlErrors(res)).toEqual({ CaseStudy: 404, versionsCaseStudies: 403, versionCaseStudy: 403 })
      } else {
        expect(data.versionsCaseStudies.docs).toEqual([])
        expect(gqlErrors(res)).toEqual({ CaseStudy: 404, versionCaseStudy: 403 })
      }
      expect(text(res)).not.toContain(MARK)
    }
  })

  test.each(AUDIENCES)('%s reaching them through a city, a partner, a profile, a topic, an SDG and a published case (REST)', async (audience) => {
    const sees = SEES_UNPUBLISHED.includes(audience)
    const hidden = sorted(Object.values(ids.hidden))
    const visible = sees ? sorted([ids.pub, ...hidden]) : [ids.pub]
    const get = (path: string) => api(app, path, { token: tokenOf(audience) })

    const city = await get(`/api/cities/${ids.city}?depth=2`)
    const cityDraft = await get(`/api/cities/${ids.city}?depth=2&draft=true&joins[caseStudies][limit]=50`)
    const partner = await get(`/api/partners/${ids.partner}?depth=2&draft=true`)
    const author = await get(`/api/citymakers/${A().user.id}?depth=1&draft=true`)
    const pub = await get(`/api/case-studies/${ids.pub}?depth=1&draft=true`)
    const topic = await get(`/api/topics/${ids.topic}?depth=2&draft=true`)
    const sdg = await get(`/api/sdgs/${ids.sdg}?depth=2&draft=true`)
    expect([city, cityDraft, partner, author, pub, topic, sdg].map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200, 200])

    expect(idsOf(city.body.caseStudies.docs)).toEqual(visible)
    expect(idsOf(cityDraft.body.caseStudies.docs)).toEqual(visible)
    expect(idsOf(partner.body.caseStudies.docs)).toEqual(visible)
    expect(idsOf(author.body.authoredCases.docs)).toEqual(visible)
    // populated relationships: unpublished cases are not populated for those who may not read them
    const populated = (values: unknown[]) => sorted(values.filter((v) => typeof v === 'object' && v !== null).map((v) => (v as { id: number }).id))
    expect(populated(pub.body.relatedCases)).toEqual(sees ? hidden : [])
    expect(populated(pub.body.adaptedFrom)).toEqual(sees ? [ids.hidden.draft] : [])
    expect(idsOf(pub.body.adaptedBy.docs)).toEqual(sees ? [ids.hidden.draft] : [])
    if (!sees) for (const res of [city, cityDraft, partner, author, pub, topic, sdg]) expect(text(res)).not.toContain(MARK)

    // and the profiles of the city: activated public ones for everybody, community ones for members, all for staff
    const members = { anonymous: [A().user.id], citymakerA: [A().user.id, ids.community], citymakerB: [A().user.id, ids.community] }
    const profiles = members[audience as keyof typeof members] ?? [A().user.id, ids.community, ids.hiddenProfile, ids.unverified]
    expect(idsOf(city.body.citymakers.docs)).toEqual(sorted(profiles))
  })

  test.each(AUDIENCES)('%s reaching them through nested GraphQL', async (audience) => {
    const sees = SEES_UNPUBLISHED.includes(audience)
    const hidden = sorted(Object.values(ids.hidden))
    const visible = sees ? sorted([ids.pub, ...hidden]) : [ids.pub]
    const res = await graphql(app, `{
      City(id: ${ids.city}, draft: true) { caseStudies(limit: 50) { docs { id title } } }
      Partner(id: ${ids.partner}, draft: true) { caseStudies { docs { id title } } }
      Citymaker(id: ${A().user.id}, draft: true) { authoredCases { docs { id title } } }
      CaseStudy(id: ${ids.pub}, draft: true) { relatedCases { id title } adaptedFrom { id title } adaptedBy { docs { id title } } }
      Topic(id: ${ids.topic}) { id name }
      Sdg(id: ${ids.sdg}) { targets { docs { id } } }
    }`, undefined, tokenOf(audience))
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined })
    const data = res.body.data
    expect(idsOf(data.City.caseStudies.docs)).toEqual(visible)
    expect(idsOf(data.Partner.caseStudies.docs)).toEqual(visible)
    expect(idsOf(data.Citymaker.authoredCases.docs)).toEqual(visible)
    expect(idsOf(data.CaseStudy.relatedCases)).toEqual(sees ? hidden : [])
    expect(idsOf(data.CaseStudy.adaptedFrom)).toEqual(sees ? [ids.hidden.draft] : [])
    expect(idsOf(data.CaseStudy.adaptedBy.docs)).toEqual(sees ? [ids.hidden.draft] : [])
    if (!sees) expect(text(res)).not.toContain(MARK)
  })

  test.each(AUDIENCES)('%s reading the workflow history of A’s submitted case', async (audience) => {
    const res = await api(app, `/api/workflow-events?where[caseStudy][equals]=${ids.hidden.submitted}&depth=1`, { token: tokenOf(audience) })
    expect(res.status).toBe(audience === 'anonymous' ? 403 : 200)
    if (audience === 'citymakerB') expect(res.body.docs).toEqual([])
    if (SEES_UNPUBLISHED.includes(audience)) expect(res.body.docs.map((e: { to: string }) => e.to)).toEqual(['submitted'])
  })
})

describe('guessing hidden fields through where and sort', () => {
  type Guess = { label: string; url: (value: string) => string; right: () => string; wrong: string; status?: Partial<Record<Audience, number>> }
  const enc = encodeURIComponent
  const GUESSES: Guess[] = [
    { label: 'citymaker email', url: (v) => `/api/citymakers?where[email][equals]=${enc(v)}`, right: () => A().email, wrong: 'nobody@test.use.invalid' },
    { label: 'citymaker Email (other letter case)', url: (v) => `/api/citymakers?where[Email][equals]=${enc(v)}`, right: () => A().email, wrong: 'nobody@test.use.invalid' },
    { label: 'citymaker EMAIL like', url: (v) => `/api/citymakers?where[EMAIL][like]=${enc(v)}`, right: () => 'citymaker-a', wrong: 'zzz' },
    { label: 'citymaker roles', url: (v) => `/api/citymakers?where[roles][contains]=${v}`, right: () => 'admin', wrong: 'citymaker' },
    { label: 'citymaker consents', url: (v) => `/api/citymakers?where[consents.termsAcceptedAt][exists]=${v}`, right: () => 'false', wrong: 'true' },
    { label: 'email inside or', url: (v) => `/api/citymakers?where[or][0][email][like]=${enc(v)}&where[or][1][displayName][equals]=nobody`, right: () => 'citymaker-a', wrong: 'zzz' },
    { label: 'roles inside and/or', url: (v) => `/api/citymakers?where[and][0][displayName][exists]=true&where[and][1][or][0][roles][in]=${v}`, right: () => 'admin', wrong: 'citymaker' },
    { label: 'count by email', url: (v) => `/api/citymakers/count?where[email][equals]=${enc(v)}`, right: () => A().email, wrong: 'nobody@test.use.invalid' },
    { label: 'partner contact', url: (v) => `/api/partners?where[contact][equals]=${v}`, right: () => String(A().user.id), wrong: '999999' },
    { label: 'partner contact email', url: (v) => `/api/partners?where[contact.email][like]=${enc(v)}`, right: () => 'citymaker-a', wrong: 'zzz' },
    { label: 'partner trustLevel', url: (v) => `/api/partners?where[trustLevel][equals]=${v}`, right: () => 'trusted', wrong: 'review-required' },
    { label: 'partner feed url', url: (v) => `/api/partners?where[feed.url][like]=${v}`, right: () => 'secret-feed', wrong: 'zzz' },
    { label: 'case contentHash', url: (v) => `/api/case-studies?where[provenance.contentHash][equals]=${v}`, right: () => 'HASH-published', wrong: 'HASH-none' },
    { label: 'case author.email', url: (v) => `/api/case-studies?where[author.email][equals]=${enc(v)}`, right: () => A().email, wrong: 'nobody@test.use.invalid' },
    { label: 'case author.roles', url: (v) => `/api/case-studies?where[author.roles][contains]=${v}`, right: () => 'citymaker', wrong: 'admin' },
    { label: 'case contacts.citymaker.email', url: (v) => `/api/case-studies?where[contacts.citymaker.email][like]=${enc(v)}`, right: () => 'citymaker-a', wrong: 'zzz' },
    { label: 'case partner trustLevel', url: (v) => `/api/case-studies?where[provenance.sourcePartner.trustLevel][equals]=${v}`, right: () => 'trusted', wrong: 'review-required' },
    { label: 'case author.email inside or', url: (v) => `/api/case-studies?where[or][0][author.email][equals]=${enc(v)}&where[or][1][title][equals]=none`, right: () => A().email, wrong: 'nobody@test.use.invalid' },
    { label: 'city join citymakers.email', url: (v) => `/api/cities?where[citymakers.email][equals]=${enc(v)}`, right: () => A().email, wrong: 'nobody@test.use.invalid' },
    { label: 'city join caseStudies contentHash', url: (v) => `/api/cities?where[caseStudies.provenance.contentHash][equals]=${v}`, right: () => 'HASH-published', wrong: 'HASH-none' },
    { label: 'join where on citymakers email', url: (v) => `/api/cities/${ids.city}?joins[citymakers][where][email][equals]=${enc(v)}`, right: () => A().email, wrong: 'nobody@test.use.invalid' },
    { label: 'join where on case contentHash', url: (v) => `/api/cities/${ids.city}?joins[caseStudies][where][provenance.contentHash][equals]=${v}`, right: () => 'HASH-published', wrong: 'HASH-none' },
    {
      label: 'version contentHash',
      url: (v) => `/api/case-studies/versions?where[version.provenance.contentHash][equals]=${v}`,
      right: () => 'HASH-draft',
      wrong: 'HASH-none',
      status: { anonymous: 403 },
    },
    { label: 'workflow event caseAuthor.email', url: (v) => `/api/workflow-events?where[caseAuthor.email][equals]=${enc(v)}`, right: () => A().email, wrong: 'nobody@test.use.invalid', status: { anonymous: 403 } },
  ]
  const cells = GUESSES.flatMap((guess) => (['anonymous', 'citymakerB'] as const).map((audience) => ({ ...guess, audience })))

  test.each(cells)('$audience guessing $label: refused, and a right guess looks exactly like a wrong one', async ({ url, right, wrong, status, audience }) => {
    const token = tokenOf(audience)
    const hit = await api(app, `${url(right())}&depth=0`, { token })
    const miss = await api(app, `${url(wrong)}&depth=0`, { token })
    const expected = status?.[audience] ?? 400
    expect(refusal(hit)).toEqual(refusal(miss))
    expect(hit.status).toBe(expected)
    expect(hit.body.docs).toBeUndefined()
    expect(hit.body.errors[0].message).toMatch(expected === 400 ? /^The following paths? cannot be queried: / : /^You are not allowed to perform this action\.$/)
  })

  /** Paths a visitor may query, through documents they may not read: the condition must not see those. */
  const ORACLES: Guess[] = [
    { label: 'cases by the titles of the cases they relate to', url: (v) => `/api/case-studies?where[relatedCases.title][like]=${v}`, right: () => MARK, wrong: 'NO-SUCH-TITLE' },
    { label: 'cases by the titles of the cases adapting them (join)', url: (v) => `/api/case-studies?where[adaptedBy.title][like]=${v}`, right: () => MARK, wrong: 'NO-SUCH-TITLE' },
    { label: 'cities by the titles of their cases (join)', url: (v) => `/api/cities?where[caseStudies.title][like]=${v}`, right: () => MARK, wrong: 'NO-SUCH-TITLE' },
    { label: 'cities by the names of hidden members living there (join)', url: (v) => `/api/cities?where[citymakers.displayName][equals]=${enc(v)}`, right: () => 'Hidden member', wrong: 'Nobody at all' },
    { label: 'partners by the titles of their cases (join)', url: (v) => `/api/partners?where[caseStudies.title][like]=${v}`, right: () => MARK, wrong: 'NO-SUCH-TITLE' },
    { label: 'profiles by the titles of their cases (join)', url: (v) => `/api/citymakers?where[authoredCases.title][like]=${v}`, right: () => MARK, wrong: 'NO-SUCH-TITLE' },
    { label: 'workflow events by their editorial comment', url: (v) => `/api/workflow-events?where[comment][like]=${v}`, right: () => 'fixture', wrong: 'no-such-comment', status: { anonymous: 403 } },
    { label: 'workflow events by the title of their case', url: (v) => `/api/workflow-events?where[caseStudy.title][like]=${v}`, right: () => MARK, wrong: 'NO-SUCH-TITLE', status: { anonymous: 403 } },
  ]
  const oracleCells = ORACLES.flatMap((guess) => (['anonymous', 'citymakerB'] as const).map((audience) => ({ ...guess, audience })))
  test.each(oracleCells)('$audience querying $label: what they may not read does not match', async ({ url, right, wrong, status, audience }) => {
    const token = tokenOf(audience)
    const hit = await api(app, `${url(right())}&depth=0&limit=100`, { token })
    const miss = await api(app, `${url(wrong)}&depth=0&limit=100`, { token })
    const seen = (res: Response) => ({ ...refusal(res), docs: idsOf(res.body.docs), totalDocs: res.body.totalDocs })
    expect(seen(hit)).toEqual(seen(miss))
    expect(hit.status).toBe(status?.[audience] ?? 200)
    if (hit.status === 200) expect(hit.body.docs).toEqual([])
    // the same query finds something for an editor: the path works, access is what hides it
    const control = await api(app, `${url(right())}&depth=0&limit=100`, { token: accounts.editor.token })
    expect(control.body.docs.length).toBeGreaterThan(0)
  })

  const SORTS = [
    ['citymakers', 'email'], ['citymakers', 'roles'], ['citymakers', 'consents.termsAcceptedAt'],
    ['partners', 'trustLevel'], ['partners', 'feed.url'], ['partners', 'contact'],
    ['case-studies', 'provenance.contentHash'], ['case-studies', 'author.email'],
  ] as const
  const sortCells = SORTS.flatMap(([collection, field]) => (['anonymous', 'citymakerB'] as const).map((audience) => ({ collection, field, audience })))
  test.each(sortCells)('$audience sorting $collection by $field: refused in both directions alike', async ({ collection, field, audience }) => {
    const asc = await api(app, `/api/${collection}?sort=${field}&depth=0`, { token: tokenOf(audience) })
    const desc = await api(app, `/api/${collection}?sort=-${field}&depth=0`, { token: tokenOf(audience) })
    expect(refusal(asc)).toEqual(refusal(desc))
    expect(asc.status).toBe(400)
    expect(asc.body.errors[0].message).toMatch(/^The following paths? cannot be queried: /)
  })

  test.each(['anonymous', 'citymakerB'] as const)('%s sorting a join by a staff-only field is refused', async (audience) => {
    const res = await api(app, `/api/cities/${ids.city}?joins[caseStudies][sort]=-provenance.contentHash`, { token: tokenOf(audience) })
    expect(refusal(res)).toMatchObject({ status: 400, errors: [{ message: 'The following path cannot be queried: provenance.contentHash' }] })
  })

  const SECRETS = ['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', '_verificationToken', 'loginAttempts', 'lockUntil']
  const GQL_SECRETS = SECRETS
  test.each(AUDIENCES)('%s cannot query or sort by Payload’s secrets', async (audience) => {
    const token = tokenOf(audience)
    for (const field of SECRETS) {
      const yes = await api(app, `/api/citymakers?where[${field}][exists]=true&depth=0`, { token })
      const no = await api(app, `/api/citymakers?where[${field}][exists]=false&depth=0`, { token })
      const sort = await api(app, `/api/citymakers?sort=-${field}&depth=0`, { token })
      expect({ field, yes: refusal(yes) }).toEqual({ field, yes: refusal(no) })
      expect({ field, status: yes.status, sort: sort.status }).toEqual({ field, status: 400, sort: 400 })
    }
  })

  test.each(['anonymous', 'citymakerB'] as const)('%s guessing over GraphQL gets the same answer for a right and a wrong guess', async (audience) => {
    const token = tokenOf(audience)
    const pairs: Array<[string, string]> = [
      [`{ Citymakers(where: { email: { equals: "${A().email}" } }) { docs { id } } }`, '{ Citymakers(where: { email: { equals: "nobody@test.use.invalid" } }) { docs { id } } }'],
      ['{ Citymakers(where: { roles: { in: [admin] } }) { docs { id } } }', '{ Citymakers(where: { roles: { in: [citymaker] } }) { docs { id } } }'],
      ['{ Citymakers(sort: "email") { docs { id } } }', '{ Citymakers(sort: "-email") { docs { id } } }'],
      [`{ Partners(where: { contact: { equals: ${A().user.id} } }) { docs { id } } }`, '{ Partners(where: { contact: { equals: 999999 } }) { docs { id } } }'],
      ['{ Partners(where: { trustLevel: { equals: trusted } }) { docs { id } } }', '{ Partners(where: { trustLevel: { equals: review_required } }) { docs { id } } }'],
      ['{ CaseStudies(where: { provenance__contentHash: { equals: "HASH-published" } }) { docs { id } } }', '{ CaseStudies(where: { provenance__contentHash: { equals: "HASH-none" } }) { docs { id } } }'],
      ['{ countCitymakers(where: { roles: { in: [admin] } }) { totalDocs } }', '{ countCitymakers(where: { roles: { in: [citymaker] } }) { totalDocs } }'],
    ]
    for (const [right, wrong] of pairs) {
      const hit = await graphql(app, right, undefined, token)
      const miss = await graphql(app, wrong, undefined, token)
      const seen = (res: Response) => ({ data: res.body.data, errors: (res.body.errors ?? []).map((e: { message: string; extensions?: { statusCode?: number } }) => [e.message, e.extensions?.statusCode]) })
      expect({ right, answer: seen(hit) }).toEqual({ right, answer: seen(miss) })
      expect({ right, statuses: Object.values(gqlErrors(hit)) }).toEqual({ right, statuses: [400] })
      expect(Object.values(hit.body.data)).toEqual([null])
    }
  })

  test.each(AUDIENCES)('%s never receives a hash, salt, token, login attempt count or lock time (REST and GraphQL)', async (audience) => {
    const token = tokenOf(audience)
    const [secret] = await sql(`SELECT hash, salt, reset_password_token AS reset FROM citymakers WHERE id = $1`, [A().user.id])
    const values = [secret.hash, secret.salt, secret.reset, 'VERIFY-SECRET-U']
    const responses: Response[] = [
      await api(app, '/api/citymakers?depth=1&limit=100', { token }),
      await api(app, `/api/citymakers/${A().user.id}?depth=1`, { token }),
      await api(app, `/api/citymakers/${ids.unverified}?depth=1`, { token }),
      await api(app, '/api/citymakers/me', { token }),
      await api(app, `/api/case-studies/${ids.pub}?depth=2`, { token }),
      await api(app, `/api/partners/${ids.partner}?depth=2`, { token }),
      await api(app, `/api/cities/${ids.city}?depth=2`, { token }),
      await api(app, '/api/payload-locked-documents?depth=1', { token }),
      await graphql(app, '{ Citymakers(limit: 100) { docs { id email roles } } meCitymaker { user { id email } } }', undefined, token),
    ]
    if (audience === 'citymakerA' || audience === 'admin') {
      // the login answer carries the account itself
      const { email, password } = accounts[audience]
      responses.push(await api(app, '/api/citymakers/login', { method: 'POST', json: { email, password } }))
    }
    const forbiddenKeys = new Set(['hash', 'salt', 'resetPasswordToken', 'resetPasswordExpiration', '_verificationToken', 'loginAttempts', 'lockUntil'])
    const keys = (value: unknown, out: string[] = []): string[] => {
      if (Array.isArray(value)) value.forEach((v) => keys(v, out))
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) { out.push(k); keys(v, out) }
      return out
    }
    const staff = audience === 'editor' || audience === 'admin'
    const expected = responses.map((_, i) => (i === 2 && !staff ? 404 : i === 7 && audience === 'anonymous' ? 403 : 200))
    expect(responses.map((res) => res.status)).toEqual(expected)
    for (const res of responses) {
      expect(keys(res.body).filter((k) => forbiddenKeys.has(k))).toEqual([])
      for (const value of values) expect(text(res)).not.toContain(value)
    }
    // GraphQL has Payload's hidden fields in its schema: they always answer null
    const gqlSecrets = await graphql(app, `{ Citymakers(limit: 100) { docs { id ${GQL_SECRETS.join(' ')} } } meCitymaker { user { id ${GQL_SECRETS.join(' ')} } } }`, undefined, token)
    expect(gqlSecrets.body.errors).toBeUndefined()
    const answered = [...gqlSecrets.body.data.Citymakers.docs, ...(gqlSecrets.body.data.meCitymaker.user ? [gqlSecrets.body.data.meCitymaker.user] : [])]
    expect(answered.length).toBeGreaterThan(0)
    for (const doc of answered) expect(GQL_SECRETS.map((field) => doc[field])).toEqual(GQL_SECRETS.map(() => null))
  })
})

describe('setting what only staff, admins or Payload may set', () => {
  const secretColumns = `_verified, _verificationtoken, reset_password_token, reset_password_expiration, login_attempts, lock_until, demo, hash, salt`
  const FORGED = {
    roles: ['admin'],
    _verified: true,
    _verificationToken: 'chosen-verification-token',
    resetPasswordToken: 'chosen-reset-token',
    resetPasswordExpiration: '2099-01-01T00:00:00.000Z',
    loginAttempts: 99,
    lockUntil: '2099-01-01T00:00:00.000Z',
    hash: 'chosen-hash',
    salt: 'chosen-salt',
    demo: true,
    enableAPIKey: true,
    apiKey: 'chosen-api-key',
  }
  /** What Payload makes of a new account, whatever the body said. */
  const SAFE_NEW_ACCOUNT = {
    _verified: false,
    _verificationtoken: expect.stringMatching(/^[0-9a-f]{40}$/),
    reset_password_token: null,
    reset_password_expiration: null,
    login_attempts: '0',
    lock_until: null,
    demo: false,
    hash: expect.not.stringContaining('chosen'),
    salt: expect.not.stringContaining('chosen'),
  }
  const rolesOf = async (id: number) => (await sql('SELECT value FROM citymakers_roles WHERE parent_id = $1 ORDER BY value', [id])).map((r) => r.value)

  test.each(['anonymous', 'citymakerB'] as const)('%s registering with forged roles, activation and secrets is refused; a plain registration makes an inactive citymaker', async (audience) => {
    const token = tokenOf(audience)
    const email = `forged-${audience.toLowerCase()}-${unique()}@test.use.invalid`
    const password = `correct horse ${unique()} staple`
    const before = await fingerprint(['citymakers', 'citymakers_roles'])
    const forged = await post(app, 'citymakers', { email, password, displayName: 'Forged', acceptTerms: true, ...FORGED }, token)
    expect(forged.status).toBe(400)
    expect(forged.body.errors[0].message).toMatch(/\broles\b.*\b_verified\b.*: not accepted at registration$/)
    const gql = await graphql(app, `mutation { createCitymaker(data: {
      email: "${email}", password: "${password}", displayName: "Forged", accountType: person, profileVisibility: public, alerts: { frequency: off }, roles: [admin], _verified: true
    }) { id } }`, undefined, token)
    expect(gqlErrors(gql)).toEqual({ createCitymaker: 403 })
    expect(await fingerprint(['citymakers', 'citymakers_roles'])).toEqual(before)

    const plain = await post(app, 'citymakers', { email, password, displayName: 'Plain', acceptTerms: true }, token)
    expect(plain.status).toBe(202)
    const [row] = await sql(`SELECT id, ${secretColumns} FROM citymakers WHERE email = $1`, [email])
    expect(row).toEqual({ ...SAFE_NEW_ACCOUNT, id: expect.any(Number) })
    expect(await rolesOf(row.id)).toEqual(['citymaker'])
    // the right password of an account not yet activated
    expect((await api(app, '/api/citymakers/login', { method: 'POST', json: { email, password } })).status).toBe(403)
  })

  test.each(['editor', 'admin'] as const)('%s creating an account with forged roles, activation and secrets', async (audience) => {
    const email = `forged-${audience}-${unique()}@test.use.invalid`
    const password = `correct horse ${unique()} staple`
    const res = await post(app, 'citymakers', { email, password, displayName: 'Forged', ...FORGED }, tokenOf(audience))
    expect(res.status).toBe(201)
    const [row] = await sql(`SELECT id, ${secretColumns} FROM citymakers WHERE email = $1`, [email])
    const admin = audience === 'admin'
    // only an admin may activate an address nobody confirmed, make an admin or a demo account
    expect(row).toEqual({ ...SAFE_NEW_ACCOUNT, id: res.body.doc.id, _verified: admin, demo: admin })
    expect(await rolesOf(row.id)).toEqual(admin ? ['admin'] : ['citymaker'])
    expect((await api(app, '/api/citymakers/login', { method: 'POST', json: { email, password } })).status).toBe(admin ? 200 : 403)
  })

  test.each(['citymakerA', 'editor'] as const)('%s updating their own profile with forged roles, activation and secrets', async (audience) => {
    const id = accounts[audience].user.id as number
    const before = { row: (await sql(`SELECT ${secretColumns}, consents_terms_accepted_at FROM citymakers WHERE id = $1`, [id]))[0], roles: await rolesOf(id) }
    // consents are the holder's to read and staff's to write
    const consents = audience === 'citymakerA' ? { consents: { termsAcceptedAt: '2001-01-01T00:00:00.000Z' } } : {}
    const res = await patch(app, 'citymakers', id, { displayName: `Renamed ${audience}`, ...FORGED, _verified: false, ...consents }, tokenOf(audience))
    expect(res.status).toBe(200)
    expect(res.body.doc.displayName).toBe(`Renamed ${audience}`)
    const gql = await graphql(app, `mutation { updateCitymaker(id: ${id}, data: {
      organisation: "Renamed over GraphQL", alerts: { frequency: off }, roles: [admin], _verified: false, demo: true, hash: "chosen-hash", salt: "chosen-salt",
      resetPasswordToken: "chosen-reset-token", _verificationToken: "chosen-verification-token", loginAttempts: 99, lockUntil: "2099-01-01T00:00:00.000Z"
    }) { organisation } }`, undefined, tokenOf(audience))
    expect({ errors: gql.body.errors, data: gql.body.data }).toEqual({ errors: undefined, data: { updateCitymaker: { organisation: 'Renamed over GraphQL' } } })
    const after = { row: (await sql(`SELECT ${secretColumns}, consents_terms_accepted_at FROM citymakers WHERE id = $1`, [id]))[0], roles: await rolesOf(id) }
    expect(after).toEqual(before)
    expect(before.row._verified).toBe(true)
    expect((await api(app, '/api/citymakers/me', { token: tokenOf(audience) })).body.user.id).toBe(id)
  })

  const caseRow = async (id: number) =>
    (await sql('SELECT workflow_state, _status, author_id, featured, demo, last_reviewed_at, provenance_content_hash FROM case_studies WHERE id = $1', [id]))[0]
  const SAFE_NEW_CASE = { workflow_state: 'draft', _status: 'draft', featured: false, demo: false, last_reviewed_at: null, provenance_content_hash: null }
  const FORGED_CASE = {
    _status: 'published',
    workflowState: 'published',
    featured: true,
    demo: true,
    lastReviewedAt: '2020-01-01T00:00:00.000Z',
    provenance: { contentHash: 'forged-hash' },
  }

  test('citymaker A creating a case with a forged state, author, flags and content hash (REST)', async () => {
    const res = await post(app, 'case-studies', { title: `Forged case ${unique()}`, ...FORGED_CASE, author: B().user.id }, A().token)
    expect(res.status).toBe(201)
    expect(await caseRow(res.body.doc.id)).toEqual({ ...SAFE_NEW_CASE, author_id: A().user.id })
    expect((await sql('SELECT version__status FROM _case_studies_v WHERE parent_id = $1', [res.body.doc.id])).map((r) => r.version__status)).toEqual(['draft'])
    expect((await api(app, `/api/case-studies/${res.body.doc.id}`)).status).toBe(404)
  })

  test('citymaker A creating a case with a forged state, author and flags (GraphQL)', async () => {
    const res = await graphql(app, `mutation { createCaseStudy(data: {
      title: "Forged GraphQL case ${unique()}", originalLanguage: en, _status: published, workflowState: published,
      featured: true, demo: true, lastReviewedAt: "2020-01-01T00:00:00.000Z", author: ${B().user.id}, provenance: { contentHash: "forged-hash" }
    }) { id } }`, undefined, A().token)
    expect(res.body.errors).toBeUndefined()
    expect(await caseRow(res.body.data.createCaseStudy.id)).toEqual({ ...SAFE_NEW_CASE, author_id: A().user.id })
  })

  test('citymaker A updating an own draft with a forged state, author, flags and content hash (REST and GraphQL)', async () => {
    const id = await caseStudy('draft')
    const before = await caseRow(id)
    const rest = await patch(app, 'case-studies', id, { summary: 'Changed over REST', ...FORGED_CASE, author: B().user.id }, A().token)
    const restNoDraft = await patch(app, 'case-studies', id, { _status: 'published' }, A().token, '?draft=false')
    const gql = await graphql(app, `mutation { updateCaseStudy(id: ${id}, data: {
      teaser: "Changed over GraphQL", _status: published, workflowState: published, featured: true, demo: true, author: ${B().user.id}, provenance: { contentHash: "forged-hash" }
    }) { id } }`, undefined, A().token)
    expect([rest.status, restNoDraft.status, gql.body.errors]).toEqual([200, 200, undefined])
    expect(await caseRow(id)).toEqual(before)
    const [locale] = await sql(`SELECT summary, teaser FROM case_studies_locales WHERE _parent_id = $1 AND _locale = 'en'`, [id])
    expect(locale).toEqual({ summary: 'Changed over REST', teaser: 'Changed over GraphQL' })
  })

  test('citymaker A restoring an old published version of an unpublished own case keeps it a draft', async () => {
    const id = await caseStudy('published', { featured: true })
    await app.payload.update({ collection: 'case-studies', id, data: { workflowState: 'draft' } as never, context: { skipNotifications: true } })
    await app.payload.update({ collection: 'case-studies', id, data: { featured: false } as never, context: { skipNotifications: true } })
    const [published] = await sql(`SELECT id FROM _case_studies_v WHERE parent_id = $1 AND version__status = 'published' ORDER BY id LIMIT 1`, [id])
    const before = await caseRow(id)
    const events = await rows(app, 'workflow_events', 'case_study_id = $1', [id])
    for (const query of ['', '?draft=true']) {
      const res = await api(app, `/api/case-studies/versions/${published.id}${query}`, { method: 'POST', token: A().token })
      expect(res.status).toBe(200)
      expect(await caseRow(id)).toEqual(before)
    }
    expect(before).toMatchObject({ workflow_state: 'draft', _status: 'draft', featured: false })
    expect(await rows(app, 'workflow_events', 'case_study_id = $1', [id])).toBe(events)
    expect((await api(app, `/api/case-studies/${id}`)).status).toBe(404)
  })
})

describe('citymaker B going for what is A’s', () => {
  test('B cannot edit or delete A’s cases, one by one, in bulk or over GraphQL', async () => {
    const before = await fingerprint()
    const token = B().token
    const statuses: Record<string, number | undefined> = {}
    for (const [name, id] of Object.entries({ ...ids.hidden, published: ids.pub })) {
      statuses[`PATCH ${name}`] = (await patch(app, 'case-studies', id, { title: 'Hijacked by B' }, token)).status
      statuses[`DELETE ${name}`] = (await del(app, 'case-studies', id, token)).status
      statuses[`workflow ${name}`] = (await api(app, `/api/case-studies/${id}/workflow`, { method: 'POST', token, json: { to: 'draft' } })).status
      statuses[`gql update ${name}`] = gqlErrors(await graphql(app, `mutation { updateCaseStudy(id: ${id}, data: { title: "Hijacked by B" }) { id } } `, undefined, token)).updateCaseStudy
      statuses[`gql delete ${name}`] = gqlErrors(await graphql(app, `mutation { deleteCaseStudy(id: ${id}) { id } } `, undefined, token)).deleteCaseStudy
    }
    const bulkPatch = await api(app, `/api/case-studies?where[author][equals]=${A().user.id}`, { method: 'PATCH', token, json: { title: 'Hijacked by B' } })
    const bulkDelete = await api(app, `/api/case-studies?where[author][equals]=${A().user.id}`, { method: 'DELETE', token })
    expect(statuses).toEqual(Object.fromEntries(Object.keys(statuses).map((key) => {
      if (key.startsWith('workflow')) return [key, key.endsWith('published') ? 403 : 404]
      return [key, 403]
    })))
    expect([bulkPatch.status, bulkPatch.body.docs, bulkDelete.status, bulkDelete.body.docs]).toEqual([200, [], 200, []])
    expect(await fingerprint()).toEqual(before)
  })

  test('B cannot change, delete or take over A’s profile or password', async () => {
    const before = await fingerprint()
    const id = A().user.id
    const res = {
      patch: (await patch(app, 'citymakers', id, { displayName: 'Hijacked' }, B().token)).status,
      password: (await patch(app, 'citymakers', id, { password: 'hijacked-password-1' }, B().token)).status,
      email: (await patch(app, 'citymakers', id, { email: 'b-owns-this@test.use.invalid' }, B().token)).status,
      delete: (await del(app, 'citymakers', id, B().token)).status,
      gql: gqlErrors(await graphql(app, `mutation { updateCitymaker(id: ${id}, data: { password: "hijacked-password-1", alerts: { frequency: off } }) { id } }`, undefined, B().token)).updateCitymaker,
      editor: (await patch(app, 'citymakers', id, { password: 'hijacked-password-1' }, accounts.editor.token)).status,
      anonymous: (await patch(app, 'citymakers', id, { password: 'hijacked-password-1' })).status,
      bulk: (await api(app, `/api/citymakers?where[id][equals]=${id}`, { method: 'PATCH', token: B().token, json: { password: 'hijacked-password-1' } })).body.docs,
    }
    expect(res).toEqual({ patch: 403, password: 403, email: 403, delete: 403, gql: 403, editor: 403, anonymous: 403, bulk: [] })
    expect(await fingerprint()).toEqual(before)
    const login = await api(app, '/api/citymakers/login', { method: 'POST', json: { email: A().email, password: A().password } })
    expect(login.status).toBe(200)
  })

  test.each(['anonymous', 'citymakerB', 'editor'] as const)('%s cannot unlock A’s locked account', async (audience) => {
    await sql(`UPDATE citymakers SET login_attempts = 5, lock_until = now() + interval '10 minutes' WHERE id = $1`, [A().user.id])
    try {
      const before = await fingerprint(['citymakers'])
      const res = await api(app, '/api/citymakers/unlock', { method: 'POST', token: tokenOf(audience), json: { email: A().email } })
      expect(refusal(res)).toMatchObject({ status: 403, errors: [{ message: 'You are not allowed to perform this action.' }] })
      expect(await fingerprint(['citymakers'])).toEqual(before)
    } finally {
      await sql('UPDATE citymakers SET login_attempts = 0, lock_until = NULL WHERE id = $1', [A().user.id])
    }
  })

  test('an admin can unlock it (the refusals above are about who asks)', async () => {
    await sql(`UPDATE citymakers SET login_attempts = 5, lock_until = now() + interval '10 minutes' WHERE id = $1`, [A().user.id])
    const res = await api(app, '/api/citymakers/unlock', { method: 'POST', token: accounts.admin.token, json: { email: A().email } })
    expect(res.status).toBe(200)
    expect((await sql('SELECT login_attempts, lock_until FROM citymakers WHERE id = $1', [A().user.id]))[0]).toEqual({ login_attempts: '0', lock_until: null })
  })

  test('B cannot read, change or delete A’s admin-panel preferences', async () => {
    const preferenceOfA = async () => (await sql(`SELECT p.id, p.key, p.value, r.citymakers_id FROM payload_preferences p JOIN payload_preferences_rels r ON r.parent_id = p.id WHERE p.id = $1`, [ids.preference]))[0]
    const before = await preferenceOfA()
    expect(before).toMatchObject({ key: 'attack-columns', value: { secret: 'A-PREFERENCE' }, citymakers_id: A().user.id })
    const token = B().token
    const list = await api(app, '/api/payload-preferences?limit=100', { token })
    const byWhere = await api(app, `/api/payload-preferences?where[id][equals]=${ids.preference}`, { token })
    const byKey = await api(app, '/api/payload-preferences/attack-columns', { token })
    const update = await api(app, `/api/payload-preferences/${ids.preference}`, { method: 'PATCH', token, json: { value: { secret: 'B' } } })
    const bulkUpdate = await api(app, `/api/payload-preferences?where[id][equals]=${ids.preference}`, { method: 'PATCH', token, json: { value: { secret: 'B' } } })
    const bulkDelete = await api(app, `/api/payload-preferences?where[id][equals]=${ids.preference}`, { method: 'DELETE', token })
    const gql = await graphql(app, `mutation { updatePayloadPreference(id: ${ids.preference}, data: { key: "stolen" }) { id } }`, undefined, token)
    // writing the same key or naming A as the owner writes B's own preference
    const sameKey = await api(app, '/api/payload-preferences/attack-columns', { method: 'POST', token, json: { value: { secret: 'B-PREFERENCE' } } })
    const forged = await post(app, 'payload-preferences', { key: 'attack-forged', value: { by: 'B' }, user: { relationTo: 'citymakers', value: A().user.id } }, token)
    const deleteOwnKey = await api(app, '/api/payload-preferences/attack-columns', { method: 'DELETE', token })

    expect({
      list: [list.status, idsOf(list.body.docs).includes(ids.preference)],
      byWhere: [byWhere.status, byWhere.body.docs],
      byKey: [byKey.status, byKey.body.value],
      update: update.status,
      bulkUpdate: [bulkUpdate.status, bulkUpdate.body.docs],
      bulkDelete: [bulkDelete.status, bulkDelete.body.docs],
      gql: gqlErrors(gql).updatePayloadPreference,
      sameKey: sameKey.status,
      forged: [forged.status, forged.body.doc?.user?.value?.id ?? forged.body.doc?.user?.value],
      deleteOwnKey: deleteOwnKey.status,
    }).toEqual({
      list: [200, false],
      byWhere: [200, []],
      byKey: [200, null],
      update: 403,
      bulkUpdate: [200, []],
      bulkDelete: [200, []],
      gql: 403,
      sameKey: 200,
      forged: [201, B().user.id],
      deleteOwnKey: 200,
    })
    for (const res of [list, byWhere, byKey]) expect(text(res)).not.toContain('A-PREFERENCE')
    expect(await preferenceOfA()).toEqual(before)
    expect(await rows(app, 'payload_preferences_rels', 'citymakers_id = $1', [A().user.id])).toBe(1)
  })

  test('B cannot read, change or delete A’s document lock, nor take a lock in A’s name', async () => {
    const locks = ['payload_locked_documents', 'payload_locked_documents_rels']
    const before = await fingerprint(locks)
    const token = B().token
    const list = await api(app, '/api/payload-locked-documents?depth=1', { token })
    const byId = await api(app, `/api/payload-locked-documents/${ids.lock}`, { token })
    const update = await patch(app, 'payload-locked-documents', ids.lock, { user: { relationTo: 'citymakers', value: B().user.id } }, token)
    const remove = await del(app, 'payload-locked-documents', ids.lock, token)
    const anonymousList = await api(app, '/api/payload-locked-documents')
    const anonymousCreate = await post(app, 'payload-locked-documents', { document: { relationTo: 'case-studies', value: ids.hidden.draft }, user: { relationTo: 'citymakers', value: A().user.id } })
    expect({ list: [list.status, idsOf(list.body.docs).includes(ids.lock)], byId: byId.status, update: update.status, remove: remove.status, anonymousList: anonymousList.status, anonymousCreate: anonymousCreate.status })
      .toEqual({ list: [200, false], byId: 404, update: 403, remove: 403, anonymousList: 403, anonymousCreate: 403 })
    expect(await fingerprint(locks)).toEqual(before)

    // a lock B takes is B's, whoever the body names as its holder
    const forged = await post(app, 'payload-locked-documents', { document: { relationTo: 'case-studies', value: ids.hidden.submitted }, user: { relationTo: 'citymakers', value: A().user.id } }, token)
    expect(forged.status).toBe(201)
    const holders = await sql(`SELECT citymakers_id FROM payload_locked_documents_rels WHERE parent_id = $1 AND path = 'user'`, [forged.body.doc.id])
    expect(holders).toEqual([{ citymakers_id: B().user.id }])
    const ofA = await api(app, '/api/payload-locked-documents?depth=0&limit=100', { token: A().token })
    expect(idsOf(ofA.body.docs)).toEqual([ids.lock])
  })
})

describe('the job queue', () => {
  let job: number
  const jobRow = async (id: number) => (await sql('SELECT id, queue, processing, completed_at, total_tried, has_error, input FROM payload_jobs WHERE id = $1', [id]))[0]
  beforeAll(async () => {
    job = (await app.payload.jobs.queue({ task: 'sendEmail', input: { message: { to: 'victim@test.use.invalid', subject: 'Queued', text: 'Queued by the attack suite' } } as never })).id as number
  })

  test.each(['anonymous', 'citymakerA', 'citymakerB'] as const)('%s can neither see, create, change, delete nor run jobs', async (audience) => {
    const token = tokenOf(audience)
    const before = { row: await jobRow(job), count: await rows(app, 'payload_jobs'), all: await fingerprint(['payload_jobs']) }
    const statuses = {
      list: (await api(app, '/api/payload-jobs', { token })).status,
      byId: (await api(app, `/api/payload-jobs/${job}`, { token })).status,
      create: (await post(app, 'payload-jobs', { taskSlug: 'sendEmail', input: { message: { to: 'x@test.use.invalid', subject: 'x', text: 'x' } } }, token)).status,
      update: (await patch(app, 'payload-jobs', job, { processing: true, waitUntil: '2099-01-01T00:00:00.000Z' }, token)).status,
      delete: (await del(app, 'payload-jobs', job, token)).status,
      bulkDelete: (await api(app, '/api/payload-jobs?where[id][exists]=true', { method: 'DELETE', token })).status,
      runGet: (await api(app, '/api/payload-jobs/run?allQueues=true', { token })).status,
      runPost: (await api(app, '/api/payload-jobs/run?allQueues=true', { method: 'POST', token })).status,
      schedules: (await api(app, '/api/payload-jobs/handle-schedules', { token })).status,
      gqlRead: gqlErrors(await graphql(app, '{ PayloadJobs { docs { id input } } }', undefined, token)).PayloadJobs,
      gqlUpdate: gqlErrors(await graphql(app, `mutation { updatePayloadJob(id: ${job}, data: { processing: true }) { id } }`, undefined, token)).updatePayloadJob,
    }
    expect(statuses).toEqual({ list: 403, byId: 403, create: 403, update: 403, delete: 403, bulkDelete: 403, runGet: 401, runPost: 404, schedules: 401, gqlRead: 403, gqlUpdate: 403 })
    expect({ row: await jobRow(job), count: await rows(app, 'payload_jobs'), all: await fingerprint(['payload_jobs']) }).toEqual(before)
    expect({ ...before.row, total_tried: Number(before.row.total_tried) }).toMatchObject({ processing: false, completed_at: null, total_tried: 0 })
  })

  test.each(['editor', 'admin'] as const)('%s reads jobs and deletes one, but creates and changes none', async (audience) => {
    const token = tokenOf(audience)
    const spare = (await app.payload.jobs.queue({ task: 'sendEmail', input: { message: { to: 'spare@test.use.invalid', subject: 'Spare', text: 'Spare' } } as never, queue: 'attack-spare' })).id as number
    const before = await jobRow(job)
    const count = await rows(app, 'payload_jobs')
    const list = await api(app, '/api/payload-jobs?limit=100', { token })
    const byId = await api(app, `/api/payload-jobs/${job}`, { token })
    const create = await post(app, 'payload-jobs', { taskSlug: 'sendEmail', input: { message: { to: 'x@test.use.invalid', subject: 'x', text: 'x' } } }, token)
    const update = await patch(app, 'payload-jobs', job, { processing: true }, token)
    const remove = await del(app, 'payload-jobs', spare, token)
    expect([list.status, idsOf(list.body.docs).includes(job), byId.status, create.status, update.status, remove.status]).toEqual([200, true, 200, 403, 403, 200])
    expect(await jobRow(job)).toEqual(before)
    expect(await rows(app, 'payload_jobs')).toBe(count - 1)
  })

  test('an editor reading the queue with limit=0 gets 100 jobs a page, an admin all of them', async () => {
    for (let i = 0; i < 105; i++) {
      await app.payload.jobs.queue({ task: 'sendEmail', input: { message: { to: 'bulk@test.use.invalid', subject: `Bulk ${i}`, text: 'Bulk' } } as never, queue: 'attack-bulk' })
    }
    const path = '/api/payload-jobs?where[queue][equals]=attack-bulk&limit=0&pagination=false&depth=0'
    const editor = await api(app, path, { token: accounts.editor.token })
    const admin = await api(app, path, { token: accounts.admin.token })
    expect([editor.status, editor.body.docs.length, editor.body.totalDocs, admin.status, admin.body.docs.length]).toEqual([200, 100, 105, 200, 105])
  })

  test('an editor may run the queue: the queued job runs (so the refusals above did keep it queued)', async () => {
    const res = await api(app, '/api/payload-jobs/run', { token: accounts.editor.token })
    expect(res.status).toBe(200)
    expect(await jobRow(job)).toBeUndefined()
  })
})

describe('limits on what one request may ask for', () => {
  let crowded: number
  let head: number
  let cityChain: number
  const NON_ADMINS = ['anonymous', 'citymakerA', 'citymakerB', 'editor'] as const

  beforeAll(async () => {
    // 105 published cases in one city and 105 cities, written in SQL: the API would take too long
    crowded = (await app.payload.create({ collection: 'cities', data: { name: `Crowded ${unique()}`, country: 'NL' } as never })).id as number
    await sql(`
      WITH made AS (
        INSERT INTO case_studies (slug, workflow_state, _status, original_language)
        SELECT 'bulk-case-' || g, 'published', 'published', 'en' FROM generate_series(1, 105) g RETURNING id
      ), named AS (
        INSERT INTO case_studies_locales (title, _locale, _parent_id) SELECT 'Bulk case ' || id, 'en', id FROM made
      )
      INSERT INTO case_studies_rels ("order", parent_id, path, cities_id) SELECT 1, id, 'cities', $1 FROM made`, [crowded])
    await sql(`
      WITH made AS (
        INSERT INTO cities (slug, country, name_key, _status) SELECT 'bulk-city-' || g, 'DE', 'bulk city ' || g, 'published' FROM generate_series(1, 105) g RETURNING id
      )
      INSERT INTO cities_locales (name, _locale, _parent_id) SELECT 'Bulk city ' || id, 'en', id FROM made`)
    // five published cases, each related to the one before: how deep they come back shows the depth used
    let previous: number | undefined
    for (let i = 0; i < 5; i++) previous = await caseStudy('published', { relatedCases: previous ? [previous] : [] })
    head = previous!
    // city → network partner → its contact (staff-only) → that member's city → its network partner …
    let city: number | undefined
    for (let i = 0; i < 3; i++) {
      const partner = (await app.payload.create({ collection: 'partners', data: { name: `Chain partner ${unique()}`, type: 'research', contact: city ? await profile('Chain member', 'public', true, city) : undefined } as never })).id as number
      city = (await app.payload.create({ collection: 'cities', data: { name: `Chain city ${unique()}`, country: 'BE', networks: [{ partner }] } as never })).id as number
    }
    cityChain = city!
  })

  const levels = (doc: unknown): number => {
    const related = (doc as { relatedCases?: unknown[] } | undefined)?.relatedCases?.[0]
    return related && typeof related === 'object' ? 1 + levels(related) : 0
  }

  test.each(NON_ADMINS)('%s: limit=0 gives 100 cases and 100 cities, a join 100 entries, depth=10 three levels', async (audience) => {
    const token = tokenOf(audience)
    const cases = await api(app, '/api/case-studies?limit=0&depth=10', { token })
    const casesUnpaged = await api(app, '/api/case-studies?limit=0&pagination=false&depth=10', { token })
    const cities = await api(app, '/api/cities?limit=0&depth=10', { token })
    const join = await api(app, `/api/cities/${crowded}?depth=10&joins[caseStudies][limit]=0`, { token })
    const joinHuge = await api(app, `/api/cities?where[id][equals]=${crowded}&depth=0&joins[caseStudies][limit]=100000`, { token })
    expect([cases.status, casesUnpaged.status, cities.status, join.status, joinHuge.status]).toEqual([200, 200, 200, 200, 200])
    expect({ cases: [cases.body.docs.length, cases.body.limit], unpaged: casesUnpaged.body.docs.length, cities: [cities.body.docs.length, cities.body.limit] })
      .toEqual({ cases: [100, 100], unpaged: 100, cities: [100, 100] })
    expect(cases.body.totalDocs).toBeGreaterThan(105)
    expect(cities.body.totalDocs).toBeGreaterThan(105)
    expect([join.body.caseStudies.docs.length, join.body.caseStudies.hasNextPage]).toEqual([100, true])
    expect(joinHuge.body.docs[0].caseStudies.docs.length).toBe(100)

    const populate = '&populate[case-studies][relatedCases]=true&populate[case-studies][title]=true'
    const deep = await api(app, `/api/case-studies/${head}?depth=10${populate}`, { token })
    const deepList = await api(app, `/api/case-studies?where[id][equals]=${head}&depth=10&limit=0${populate}`, { token })
    const shallow = await api(app, `/api/case-studies/${head}?depth=2${populate}`, { token })
    expect([levels(deep.body), levels(deepList.body.docs[0]), levels(shallow.body)]).toEqual([3, 3, 2])
  })

  test('an editor’s depth=10 on cities stops at three levels', async () => {
    const res = await api(app, `/api/cities?where[id][equals]=${cityChain}&depth=10&populate[partners][contact]=true&populate[citymakers][city]=true&populate[cities][networks]=true`, { token: accounts.editor.token })
    let level = 0
    let node: unknown = res.body.docs[0]
    for (const key of ['networks', 'contact', 'city', 'networks', 'contact']) {
      let next = (node as Record<string, unknown>)[key]
      if (key === 'networks') next = (next as Array<{ partner: unknown }>)[0]?.partner
      if (!next || typeof next !== 'object') break
      level++
      node = next
    }
    expect(level).toBe(3)
  })

  test('an admin is not limited to 100', async () => {
    const res = await api(app, '/api/cities?limit=0&depth=0', { token: accounts.admin.token })
    expect(res.body.docs.length).toBeGreaterThan(105)
  })

  test.each(['anonymous', 'editor'] as const)('%s: GraphQL limit 0 gives 100; expensive queries are refused before they run', async (audience) => {
    const token = tokenOf(audience)
    const all = await graphql(app, `{ CaseStudies(limit: 0, pagination: false) { docs { id } } City(id: ${crowded}) { caseStudies(limit: 0) { docs { id } } } }`, undefined, token)
    expect(all.body.errors).toBeUndefined()
    expect([all.body.data.CaseStudies.docs.length, all.body.data.City.caseStudies.docs.length]).toEqual([100, 100])

    const aliased = Array.from({ length: 400 }, (_, i) => `a${i}: CaseStudies(limit: 100) { docs { id } }`).join(' ')
    const nested = `{ CaseStudies(limit: 100) { docs { ${'relatedCases { id '.repeat(120)}${'}'.repeat(120)} } } }`
    const joined = `{ Cities(limit: 100) { docs { ${Array.from({ length: 60 }, (_, i) => `j${i}: caseStudies(limit: 100) { docs { cities { id } } }`).join(' ')} } } }`
    for (const query of [`{ ${aliased} }`, nested, joined]) {
      const res = await gqlStrict(query, token)
      expect(res.status).toBe(400)
      expect(res.body).toEqual({ errors: [{ message: expect.stringMatching(/^The query exceeds the maximum complexity of 1000\. Actual complexity is \d+$/) }] })
    }
  })
})

describe('workflow transitions that are not allowed', () => {
  type Row = [Audience, State, string, string | undefined, number, string | RegExp]
  const ROWS: Row[] = [
    ['anonymous', 'draft', 'submitted', undefined, 401, 'Log in to change the workflow state of a case study'],
    ['anonymous', 'submitted', 'published', undefined, 401, 'Log in to change the workflow state of a case study'],
    ['anonymous', 'archived', 'draft', undefined, 401, 'Log in to change the workflow state of a case study'],
    ['citymakerA', 'draft', 'published', undefined, 403, 'Transition draft → published (publish) is not allowed for you'],
    ['citymakerA', 'submitted', 'published', undefined, 403, 'Transition submitted → published (publish) is not allowed for you'],
    ['citymakerA', 'submitted', 'changes_requested', 'I approve of myself', 403, 'Transition submitted → changes_requested (request changes) is not allowed for you'],
    ['citymakerA', 'changes_requested', 'published', undefined, 403, 'Transition changes_requested → published (publish) is not allowed for you'],
    ['citymakerA', 'archived', 'draft', undefined, 403, 'Transition archived → draft (restore as draft) is not allowed for you'],
    ['citymakerA', 'archived', 'published', undefined, 403, 'Transition archived → published (republish) is not allowed for you'],
    ['citymakerA', 'draft', 'archived', undefined, 400, 'Illegal workflow transition draft → archived'],
    ['citymakerA', 'draft', 'draft', undefined, 400, 'Illegal workflow transition draft → draft'],
    ['citymakerB', 'draft', 'submitted', undefined, 404, /^No case study with id \d+$/],
    ['citymakerB', 'submitted', 'draft', undefined, 404, /^No case study with id \d+$/],
    ['citymakerB', 'changes_requested', 'submitted', undefined, 404, /^No case study with id \d+$/],
    ['editor', 'draft', 'archived', undefined, 400, 'Illegal workflow transition draft → archived'],
    ['editor', 'submitted', 'changes_requested', undefined, 400, 'Transition submitted → changes_requested (request changes) needs a comment for the author'],
    ['editor', 'submitted', 'changes_requested', '   ', 400, 'Transition submitted → changes_requested (request changes) needs a comment for the author'],
    ['editor', 'archived', 'submitted', undefined, 400, 'Illegal workflow transition archived → submitted'],
    ['editor', 'changes_requested', 'archived', undefined, 400, 'Illegal workflow transition changes_requested → archived'],
    ['editor', 'draft', 'deleted', undefined, 400, 'to: to must be one of draft, submitted, changes_requested, published, archived'],
    ['admin', 'submitted', 'archived', undefined, 400, 'Illegal workflow transition submitted → archived'],
    ['admin', 'archived', 'changes_requested', 'too late', 400, 'Illegal workflow transition archived → changes_requested'],
    ['admin', 'draft', 'PUBLISHED', undefined, 400, 'to: to must be one of draft, submitted, changes_requested, published, archived'],
  ]
  const WORKFLOW_TABLES = ['case_studies', '_case_studies_v', 'workflow_events', 'payload_jobs']

  test.each(ROWS)('%s: %s → %s (comment %p) is refused with %i', async (audience, state, to, comment, status, message) => {
    const before = await fingerprint(WORKFLOW_TABLES)
    const res = await api(app, `/api/case-studies/${ids.hidden[state]}/workflow`, { method: 'POST', token: tokenOf(audience), json: { to, ...(comment !== undefined ? { comment } : {}) } })
    expect(res.status).toBe(status)
    expect(res.body.errors).toHaveLength(1)
    if (typeof message === 'string') expect(res.body.errors[0].message).toBe(message)
    else expect(res.body.errors[0].message).toMatch(message)
    expect(await fingerprint(WORKFLOW_TABLES)).toEqual(before)
  })

  test('an editor changing the state by a plain update or over GraphQL is held to the same table', async () => {
    const before = await fingerprint(WORKFLOW_TABLES)
    // (A holds a lock on the draft: an editor's save of it would be refused as locked, 423)
    const rest = await patch(app, 'case-studies', ids.hidden.changes_requested, { workflowState: 'archived' }, accounts.editor.token)
    const gql = await graphql(app, `mutation { updateCaseStudy(id: ${ids.hidden.archived}, data: { workflowState: submitted }) { id } }`, undefined, accounts.editor.token)
    expect([rest.status, rest.body.errors?.[0]?.message]).toEqual([400, 'Illegal workflow transition changes_requested → archived'])
    expect([gqlErrors(gql).updateCaseStudy, gql.body.errors?.[0]?.message]).toEqual([400, 'Illegal workflow transition archived → submitted'])
    expect(await fingerprint(WORKFLOW_TABLES)).toEqual(before)
  })
})
