import { readFileSync } from 'node:fs'
import path from 'node:path'
import { formatNames, toWords } from 'payload'
import sharp from 'sharp'

import { projectRoot } from '../../src/lib/paths'
import { randomSuffix } from '../../src/lib/embedded-postgres'
import { api, graphql, loginAs, startTestApp, type TestApp } from '../support/harness'

/**
 * docs/access.md states who may do what, per collection, operation and audience. This file reads
 * that table and checks every cell through the doors clients use: REST and, where the collection
 * has it, GraphQL. Each cell value names which documents the audience reaches; fixtures are made
 * of every kind (own and someone else's, published and not, visible profile or not), and the test
 * asserts exactly the documents the cell names are reached, and that refused writes changed
 * nothing in the database.
 */
const AUDIENCES = ['anonymous', 'citymaker', 'editor', 'admin'] as const
type Audience = (typeof AUDIENCES)[number]
const OPERATIONS = ['read', 'create', 'update', 'delete'] as const
type Operation = (typeof OPERATIONS)[number]
const VALUES = ['all', 'none', 'published', 'own', 'own-draft', 'own-editable', 'own-cases', 'public', 'members', 'register'] as const

type Row = { collection: string; operation: Operation; cells: Record<Audience, string[]> }

function readTable(): Row[] {
  const markdown = readFileSync(path.join(projectRoot, 'docs/access.md'), 'utf8')
  const rows: Row[] = []
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim())
    if (cells.length !== 6 || !(OPERATIONS as readonly string[]).includes(cells[1]!)) continue
    const [collection, operation, ...values] = cells as [string, Operation, ...string[]]
    const parsed = Object.fromEntries(AUDIENCES.map((audience, i) => [audience, values[i]!.replace(/`/g, '').split('+')])) as Record<Audience, string[]>
    for (const value of Object.values(parsed).flat()) {
      if (!(VALUES as readonly string[]).includes(value)) throw new Error(`docs/access.md: unknown value "${value}" for ${collection} ${operation}`)
    }
    rows.push({ collection, operation, cells: parsed })
  }
  return rows
}
const TABLE = readTable()

/** A fixture document and the kinds it belongs to, relative to the audience's own account. */
type Doc = { id: number; kinds: string[] }
type Actor = { audience: Audience; id?: number; token?: string }
type Subject = {
  table: string
  /** fresh documents of every kind that matters for this collection, seen from `actor` */
  fixtures: (actor: Actor) => Promise<Doc[]>
  /** a valid new document for REST and GraphQL create; null when only a file upload creates one */
  body: (actor: Actor) => Promise<Record<string, unknown>>
  /** the same new document in GraphQL's terms, where REST takes more (or other) keys */
  graphqlBody?: (actor: Actor) => Promise<Record<string, unknown>>
  /** what a granted create must have stored, beyond the 201 */
  created?: (doc: Record<string, unknown>, actor: Actor, value: string[]) => void
  /** creating is granted but this body cannot pass validation (all 17 SDGs exist): the 400 proves access passed */
  createValidationOnly?: boolean
  /** a harmless change and the field that shows it */
  change: Record<string, unknown> | (() => Record<string, unknown>)
  column: string
  upload?: boolean
  /** fixtures for delete, where those for read and update cannot be deleted */
  deleteFixtures?: (actor: Actor) => Promise<Doc[]>
  /** REST routes this collection's API shadows with endpoints of its own */
  noRestById?: boolean
}

let app: TestApp
const actors = {} as Record<Audience, Actor>
let other: Actor

let counter = 0
const unique = () => `${Date.now().toString(36)}${randomSuffix()}`
const sql = async (text: string, values?: unknown[]) => (await app.sql(text, values)).rows

async function member(roles: Array<'admin' | 'editor' | 'citymaker'>, audience: Audience): Promise<Actor> {
  const login = await loginAs(app, roles, `matrix-${audience}`)
  return { audience, id: login.user.id as number, token: login.token }
}

/** A profile of a given visibility and activation, made directly in the database's terms. */
async function profile(visibility: 'public' | 'community' | 'hidden', verified: boolean): Promise<number> {
  const doc = await app.payload.create({
    collection: 'citymakers',
    data: { email: `fixture-${unique()}@test.use.invalid`, password: `pw-${unique()}-${unique()}`, displayName: `Fixture ${visibility}`, roles: ['citymaker'], _verified: verified, profileVisibility: visibility } as never,
    disableVerificationEmail: true,
  })
  return doc.id as number
}

async function caseStudy(author: number | undefined, state: 'draft' | 'submitted' | 'changes_requested' | 'published' | 'archived'): Promise<number> {
  const initial = state === 'changes_requested' ? 'submitted' : state === 'archived' ? 'published' : state
  const doc = await app.payload.create({
    collection: 'case-studies',
    data: { title: `Matrix case ${unique()}`, author, workflowState: initial } as never,
    context: { skipNotifications: true },
  })
  if (initial !== state) {
    await app.payload.update({ collection: 'case-studies', id: doc.id, data: { workflowState: state } as never, context: { skipNotifications: true, workflowComment: 'fixture' } })
  }
  return doc.id as number
}

const mine = (actor: Actor) => actor.id !== undefined
const partnerId = async () => Number((await sql('SELECT id FROM partners ORDER BY id LIMIT 1'))[0].id)

const SUBJECTS: Record<string, Subject> = {
  'case-studies': {
    table: 'case_studies',
    fixtures: async (actor) => {
      const docs: Doc[] = [
        { id: await caseStudy(other.id, 'published'), kinds: ['published'] },
        { id: await caseStudy(other.id, 'draft'), kinds: [] },
        { id: await caseStudy(other.id, 'submitted'), kinds: [] },
        { id: await caseStudy(undefined, 'archived'), kinds: [] },
      ]
      if (mine(actor)) {
        docs.push(
          { id: await caseStudy(actor.id, 'draft'), kinds: ['own', 'own-draft', 'own-editable'] },
          { id: await caseStudy(actor.id, 'changes_requested'), kinds: ['own', 'own-editable'] },
          { id: await caseStudy(actor.id, 'submitted'), kinds: ['own'] },
          { id: await caseStudy(actor.id, 'published'), kinds: ['own', 'published'] },
          { id: await caseStudy(actor.id, 'archived'), kinds: ['own'] },
        )
      }
      return docs
    },
    // the body asks for more than a citymaker may have; what is stored shows what was granted
    body: async () => ({ title: `Created case ${unique()}`, workflowState: 'published', _status: 'published', author: other.id }),
    graphqlBody: async () => ({ title: `Created case ${unique()}`, workflowState: 'published', _status: 'published', author: other.id, originalLanguage: 'en' }),
    created: (doc, actor, value) => {
      if (value.includes('own-draft')) expect({ state: doc.workflowState, author: idOf(doc.author) }).toEqual({ state: 'draft', author: actor.id })
      else expect(doc.workflowState).toBe('published')
    },
    change: { summary: 'Changed by the access matrix' },
    column: 'summary',
  },
  'workflow-events': {
    table: 'workflow_events',
    fixtures: async (actor) => {
      const event = async (author: number | undefined) => {
        const caseId = await caseStudy(author, 'draft')
        const doc = await app.payload.create({ collection: 'workflow-events', data: { caseStudy: caseId, caseAuthor: author ?? null, from: 'draft', to: 'submitted', summary: 'draft → submitted' } as never })
        return doc.id as number
      }
      const docs: Doc[] = [{ id: await event(other.id), kinds: [] }]
      if (mine(actor)) docs.push({ id: await event(actor.id), kinds: ['own-cases'] })
      return docs
    },
    body: async () => ({ caseStudy: await caseStudy(other.id, 'draft'), from: 'draft', to: 'published', summary: 'forged' }),
    change: { comment: 'Changed by the access matrix' },
    column: 'comment',
  },
  articles: {
    table: 'articles',
    fixtures: async () => {
      const article = async (status: 'draft' | 'published') =>
        (await app.payload.create({ collection: 'articles', data: { title: `Matrix article ${unique()}`, type: 'news', _status: status } as never, draft: status === 'draft' })).id as number
      return [
        { id: await article('published'), kinds: ['published'] },
        { id: await article('draft'), kinds: [] },
      ]
    },
    body: async () => ({ title: `Created article ${unique()}`, type: 'news' }),
    change: { teaser: 'Changed by the access matrix' },
    column: 'teaser',
  },
  citymakers: {
    table: 'citymakers',
    fixtures: async (actor) => {
      const docs: Doc[] = [
        { id: await profile('public', true), kinds: ['public', 'members'] },
        { id: await profile('community', true), kinds: ['members'] },
        { id: await profile('hidden', true), kinds: [] },
        { id: await profile('public', false), kinds: [] },
      ]
      if (mine(actor)) docs.push({ id: actor.id!, kinds: ['own'] })
      return docs
    },
    body: async () => ({ email: `registered-${unique()}@test.use.invalid`, password: `pw-${unique()}-${unique()}`, displayName: 'Registered by the matrix', acceptTerms: true }),
    graphqlBody: async () => ({ email: `created-${unique()}@test.use.invalid`, password: `pw-${unique()}-${unique()}`, displayName: 'Created by the matrix', accountType: 'person', profileVisibility: 'community', alerts: { frequency: 'off' } }),
    // the member's own profile is the same document for both doors: each change must differ
    change: () => ({ organisation: `Changed by the access matrix ${unique()}` }),
    column: 'organisation',
  },
  cities: reference('cities', async () => ({ name: `Matrix city ${unique()}`, country: 'NL' }), { population: { value: 12345 } }, 'population'),
  topics: reference('topics', async () => ({ name: `Matrix topic ${unique()}` }), { order: 77 }, 'order', { scheme: 'topic' }),
  partners: reference('partners', async () => ({ name: `Matrix partner ${unique()}`, type: 'research' }), { website: 'https://matrix.example.org' }, 'website'),
  awards: reference('awards', async () => ({ name: `Matrix award ${unique()}`, year: 2020 }), { year: 2001 }, 'year'),
  sdgs: {
    table: 'sdgs',
    // a different goal each time, so each door's change shows
    fixtures: async () => [{ id: await sdgIdOf(1 + (++counter % 17)), kinds: [] }],
    // a goal nothing refers to, written in SQL: the API rightly refuses to make an 18th goal
    deleteFixtures: async () => {
      const n = 100 + (++counter)
      const [row] = await sql(`INSERT INTO sdgs (number, code, colour, updated_at, created_at) VALUES ($1, $2, '#123456', now(), now()) RETURNING id`, [n, `SDG ${n}`])
      return [{ id: Number(row.id), kinds: [] }]
    },
    body: async () => ({ number: 18, code: 'SDG 18', shortTitle: 'Probe', title: 'Probe', colour: '#000000' }),
    createValidationOnly: true,
    change: { colour: '#0A0B0C' },
    column: 'colour',
  },
  'sdg-targets': {
    table: 'sdg_targets',
    fixtures: async () => [{ id: (await app.payload.create({ collection: 'sdg-targets', data: { code: `17.${20 + (++counter % 79)}`, goal: await sdgIdOf(17), text: 'Fixture target' } as never })).id as number, kinds: [] }],
    body: async () => ({ code: `17.${20 + (++counter % 79)}`, goal: await sdgIdOf(17), text: 'Created target' }),
    change: { order: 42 },
    column: 'order',
  },
  'sdg-indicators': {
    table: 'sdg_indicators',
    fixtures: async () => [{ id: (await app.payload.create({ collection: 'sdg-indicators', data: { code: `17.1.${100 + ++counter}`, target: await targetIdOf('17.1'), text: 'Fixture indicator' } as never })).id as number, kinds: [] }],
    body: async () => ({ code: `17.1.${100 + ++counter}`, target: await targetIdOf('17.1'), text: 'Created indicator' }),
    change: { order: 42 },
    column: 'order',
  },
  media: {
    table: 'media',
    fixtures: async () => [{ id: (await app.payload.create({ collection: 'media', data: { alt: 'Fixture image' } as never, file: await pngFile() })).id as number, kinds: [] }],
    body: async () => ({ alt: 'Uploaded by the access matrix' }),
    change: { alt: 'Changed by the access matrix' },
    column: 'alt',
    upload: true,
  },
  'contact-messages': {
    table: 'contact_messages',
    fixtures: async () => [{ id: (await app.payload.create({ collection: 'contact-messages', data: { sender: other.id, recipient: other.id, subject: 'Fixture', message: 'Fixture message' } as never })).id as number, kinds: [] }],
    body: async (actor) => ({ sender: actor.id ?? other.id, recipient: other.id, subject: 'Forged', message: 'Forged message' }),
    graphqlBody: async (actor) => ({ sender: actor.id ?? other.id, recipient: other.id, subject: 'Forged', message: 'Forged message', status: 'sent' }),
    change: { status: 'sent' },
    column: 'status',
  },
  'alert-deliveries': {
    table: 'alert_deliveries',
    fixtures: async () => [{ id: (await app.payload.create({ collection: 'alert-deliveries', data: { citymaker: other.id, caseStudy: await caseStudy(other.id, 'published'), frequency: 'weekly' } as never })).id as number, kinds: [] }],
    body: async (actor) => ({ citymaker: actor.id ?? other.id, caseStudy: await caseStudy(other.id, 'published'), frequency: 'immediate' }),
    graphqlBody: async (actor) => ({ citymaker: actor.id ?? other.id, caseStudy: await caseStudy(other.id, 'published'), frequency: 'immediate', status: 'sent' }),
    change: { status: 'sent' },
    column: 'status',
  },
  imports: {
    table: 'imports',
    fixtures: async () => [{ id: (await app.payload.create({ collection: 'imports', data: { partner: await partnerId(), status: 'completed', source: 'matrix' } as never })).id as number, kinds: [] }],
    body: async () => ({ partner: await partnerId(), status: 'completed', source: 'forged' }),
    change: { source: 'changed by the matrix' },
    column: 'source',
  },
  'partner-accounts': {
    table: 'partner_accounts',
    fixtures: async () => [{ id: (await app.payload.create({ collection: 'partner-accounts', data: { name: `Matrix account ${unique()}`, partner: await partnerId() } as never })).id as number, kinds: [] }],
    body: async () => ({ name: `Created account ${unique()}`, partner: await partnerId() }),
    change: () => ({ name: `Changed by the access matrix ${unique()}` }),
    column: 'name',
  },
  'payload-jobs': {
    table: 'payload_jobs',
    fixtures: async () => [{ id: (await app.payload.jobs.queue({ task: 'sendEmail', input: { to: 'nobody@test.use.invalid', subject: 'queued', text: 'queued' } as never, queue: 'matrix' })).id as number, kinds: [] }],
    body: async () => ({ taskSlug: 'sendEmail', input: { to: 'victim@test.use.invalid', subject: 'forged', text: 'forged' } }),
    change: { processing: true },
    column: 'processing',
  },
  'payload-locked-documents': {
    table: 'payload_locked_documents',
    fixtures: async (actor) => {
      const lock = async (user: number) => {
        const caseId = await caseStudy(user, 'draft')
        const doc = await app.payload.create({ collection: 'payload-locked-documents', data: { document: { relationTo: 'case-studies', value: caseId }, user: { relationTo: 'citymakers', value: user } } as never })
        return doc.id as number
      }
      const docs: Doc[] = [{ id: await lock(other.id!), kinds: [] }]
      if (mine(actor)) docs.push({ id: await lock(actor.id!), kinds: ['own'] })
      return docs
    },
    body: async (actor) => ({ document: { relationTo: 'case-studies', value: await caseStudy(actor.id ?? other.id, 'draft') }, user: { relationTo: 'citymakers', value: actor.id ?? other.id } }),
    graphqlBody: async (actor) => ({ document: { relationTo: 'case_studies', value: await caseStudy(actor.id ?? other.id, 'draft') }, user: { relationTo: 'citymakers', value: actor.id ?? other.id } }),
    change: { globalSlug: 'matrix' },
    column: 'globalSlug',
  },
  'payload-preferences': {
    table: 'payload_preferences',
    fixtures: async (actor) => {
      const preference = async (user: number) =>
        (await app.payload.create({ collection: 'payload-preferences', data: { key: `matrix-${unique()}`, value: { columns: [] } } as never, user: await app.payload.findByID({ collection: 'citymakers', id: user }) })).id as number
      const docs: Doc[] = [{ id: await preference(other.id!), kinds: [] }]
      if (mine(actor)) docs.push({ id: await preference(actor.id!), kinds: ['own'] })
      return docs
    },
    body: async () => ({ key: `matrix-${unique()}`, value: { limit: 10 } }),
    change: { key: 'changed-by-the-matrix' },
    column: 'key',
    // GET and DELETE /api/payload-preferences/:key are Payload's per-user key endpoints
    noRestById: true,
  },
  'payload-migrations': {
    table: 'payload_migrations',
    fixtures: async () => [{ id: Number((await sql('SELECT id FROM payload_migrations ORDER BY id LIMIT 1'))[0].id), kinds: [] }],
    body: async () => ({ name: 'forged', batch: 99 }),
    change: { batch: 99 },
    column: 'batch',
  },
}

function reference(slug: string, body: () => Promise<Record<string, unknown>>, change: Subject['change'], column: string, graphqlExtra: Record<string, unknown> = {}): Subject {
  return {
    graphqlBody: async () => ({ ...(await body()), ...graphqlExtra }),
    table: slug,
    fixtures: async () => [{ id: (await app.payload.create({ collection: slug as 'cities', data: (await body()) as never })).id as number, kinds: [] }],
    body,
    change,
    column,
  }
}

const idOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { id: number }).id : value)
const sdgIdOf = async (n: number) => Number((await sql('SELECT id FROM sdgs WHERE number = $1', [n]))[0].id)
const targetIdOf = async (code: string) => Number((await sql('SELECT id FROM sdg_targets WHERE code = $1', [code]))[0].id)
let pngBuffer: Buffer | undefined
async function pngFile() {
  pngBuffer ??= await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } }).png().toBuffer()
  return { data: pngBuffer, mimetype: 'image/png', name: `matrix-${unique()}.png`, size: pngBuffer.length }
}

/** Whether a cell's value reaches a document: `all`, or one of the document's kinds. */
const reaches = (value: string[], doc: Doc) => value.includes('all') || doc.kinds.some((kind) => value.includes(kind))

/** The changed field and the document's last change, as stored (the latest draft where there are drafts). */
async function column(collection: string, subject: Subject, id: number) {
  const doc = (await app.payload.findByID({ collection: collection as 'cities', id, depth: 0, draft: true })) as unknown as Record<string, unknown>
  return { v: JSON.stringify(doc[subject.column] ?? null), u: doc.updatedAt }
}
const count = async (subject: Subject) => Number((await sql(`SELECT count(*) AS n FROM ${subject.table}`))[0].n)

/** GraphQL names of a collection (as Payload derives them), or undefined when it has no GraphQL API. */
function graphqlNames(slug: string): { singular: string; plural: string } | undefined {
  const config = app.payload.collections[slug as 'cities']?.config as { graphQL?: false | { singularName?: string; pluralName?: string } } | undefined
  if (!config || config.graphQL === false) return undefined
  const fromSlug = formatNames(slug)
  const singular = config.graphQL?.singularName ? toWords(config.graphQL.singularName, true) : fromSlug.singular
  const plural = config.graphQL?.pluralName ? toWords(config.graphQL.pluralName, true) : fromSlug.plural
  return { singular, plural: singular === plural ? `all${singular}` : plural }
}

const REFUSED = [401, 403, 404]
const gqlStatus = (res: Awaited<ReturnType<typeof graphql>>) => res.body.errors?.[0]?.extensions?.statusCode as number | undefined

beforeAll(async () => {
  app = await startTestApp()
  actors.anonymous = { audience: 'anonymous' }
  actors.citymaker = await member(['citymaker'], 'citymaker')
  actors.editor = await member(['editor'], 'editor')
  actors.admin = await member(['admin'], 'admin')
  other = await member(['citymaker'], 'citymaker')
})
afterAll(async () => {
  await app?.close()
})

describe('the table itself', () => {
  test('names every collection of the app, each with all four operations, and nothing else', () => {
    const slugs = app.payload.config.collections.map((c) => c.slug).filter((slug) => slug !== 'payload-kv')
    const listed = [...new Set(TABLE.map((row) => row.collection))]
    expect(listed.sort()).toEqual([...slugs].sort())
    for (const slug of slugs) expect(TABLE.filter((row) => row.collection === slug).map((row) => row.operation).sort()).toEqual([...OPERATIONS].sort())
    expect(Object.keys(SUBJECTS).sort()).toEqual([...slugs].sort())
  })

  test('the job scheduler’s bookkeeping (a global) is read by staff only and written by nobody over the API', async () => {
    const before = await sql('SELECT stats::text AS stats, updated_at::text AS u FROM payload_jobs_stats')
    for (const audience of AUDIENCES) {
      const read = await api(app, '/api/globals/payload-jobs-stats', { token: actors[audience].token })
      const staff = audience === 'editor' || audience === 'admin'
      expect({ audience, status: read.status }).toEqual({ audience, status: staff ? 200 : 403 })
      const write = await api(app, '/api/globals/payload-jobs-stats', { method: 'POST', json: { stats: { scheduledRuns: {} } }, token: actors[audience].token })
      expect({ audience, status: write.status }).toEqual({ audience, status: 403 })
    }
    expect(await sql('SELECT stats::text AS stats, updated_at::text AS u FROM payload_jobs_stats')).toEqual(before)
  })

  test('Payload’s key-value store is closed to every audience over REST', async () => {
    for (const audience of AUDIENCES) {
      const res = await api(app, '/api/payload-kv?limit=5', { token: actors[audience].token })
      expect({ audience, status: res.status }).toEqual({ audience, status: 403 })
    }
  })
})

const cells = TABLE.flatMap((row) => AUDIENCES.map((audience) => ({ ...row, audience, value: row.cells[audience], label: `${row.collection} ${row.operation} ${audience}: ${row.cells[audience].join('+')}` })))

describe.each(['read'] as const)('%s', () => {
  test.each(cells.filter((cell) => cell.operation === 'read'))('$label', async ({ collection, audience, value }) => {
    const subject = SUBJECTS[collection]!
    const actor = actors[audience]
    const docs = await subject.fixtures(actor)
    const ids = docs.map((doc) => doc.id)
    const expected = docs.filter((doc) => reaches(value, doc)).map((doc) => doc.id).sort((a, b) => a - b)

    const list = await api(app, `/api/${collection}?${ids.map((id) => `where[id][in]=${id}`).join('&')}&depth=0&limit=100&draft=true`, { token: actor.token })
    if (value.includes('none')) {
      // refused outright, or nothing of it reached
      if (list.status === 200) expect(list.body.docs).toEqual([])
      else expect(REFUSED).toContain(list.status)
    } else {
      expect(list.status).toBe(200)
      expect(list.body.docs.map((doc: { id: number }) => doc.id).sort((a: number, b: number) => a - b)).toEqual(expected)
    }

    if (!subject.noRestById) {
      for (const doc of docs) {
        const one = await api(app, `/api/${collection}/${doc.id}?depth=0&draft=true`, { token: actor.token })
        if (reaches(value, doc)) expect({ id: doc.id, status: one.status }).toEqual({ id: doc.id, status: 200 })
        else expect({ id: doc.id, refused: REFUSED.includes(one.status) }).toEqual({ id: doc.id, refused: true })
      }
    }

    const names = graphqlNames(collection)
    if (names) {
      const res = await graphql(app, `{ ${names.plural}(where: { OR: [${ids.map((id) => `{ id: { equals: ${id} } }`).join(', ')}] }, limit: 100, draft: true) { docs { id } } }`, undefined, actor.token)
      const seen = (res.body.data?.[names.plural]?.docs ?? []).map((doc: { id: number }) => doc.id).sort((a: number, b: number) => a - b)
      if (value.includes('none')) expect(seen).toEqual([])
      else expect({ seen, errors: res.body.errors }).toEqual({ seen: expected, errors: undefined })
    }
  })
})

describe('create', () => {
  test.each(cells.filter((cell) => cell.operation === 'create'))('$label', async ({ collection, audience, value }) => {
    const subject = SUBJECTS[collection]!
    const actor = actors[audience]
    const before = await count(subject)
    const granted = !value.includes('none')

    let rest
    if (subject.upload) {
      const form = new FormData()
      const file = await pngFile()
      form.append('file', new Blob([new Uint8Array(file.data)], { type: 'image/png' }), file.name)
      form.append('_payload', JSON.stringify(await subject.body(actor)))
      rest = await api(app, `/api/${collection}`, { method: 'POST', body: form, token: actor.token })
    } else {
      rest = await api(app, `/api/${collection}`, { method: 'POST', json: await subject.body(actor), token: actor.token })
    }
    if (!granted) {
      expect({ refused: REFUSED.includes(rest.status), count: await count(subject) }).toEqual({ refused: true, count: before })
    } else if (subject.createValidationOnly) {
      expect(rest.status).toBe(400)
      expect(await count(subject)).toBe(before)
    } else if (value.includes('register')) {
      // registration answers alike for new and known addresses, and makes only inactive members
      expect({ status: rest.status, count: await count(subject) }).toEqual({ status: 202, count: before + 1 })
      const [stored] = await sql(`SELECT _verified, (SELECT array_agg(value::text) FROM citymakers_roles r WHERE r.parent_id = c.id) AS roles FROM citymakers c ORDER BY id DESC LIMIT 1`)
      expect(stored).toEqual({ _verified: false, roles: ['citymaker'] })
    } else {
      expect({ status: rest.status, errors: rest.body.errors }).toEqual({ status: 201, errors: undefined })
      subject.created?.(rest.body.doc, actor, value)
      expect(await count(subject)).toBe(before + 1)
    }

    const names = graphqlNames(collection)
    if (names && !subject.upload) {
      const counted = await count(subject)
      const data = await (subject.graphqlBody ?? subject.body)(actor)
      const res = await graphql(app, `mutation ($data: mutation${names.singular}Input!) { create${names.singular}(data: $data) { id } }`, { data }, actor.token)
      if (!granted || value.includes('register')) {
        expect({ status: gqlStatus(res), count: await count(subject), errors: gqlStatus(res) ? undefined : res.body.errors }).toEqual({ status: 403, count: counted, errors: undefined })
      } else if (subject.createValidationOnly) {
        expect({ status: gqlStatus(res), count: await count(subject) }).toEqual({ status: 400, count: counted })
      } else {
        expect({ errors: res.body.errors, count: await count(subject) }).toEqual({ errors: undefined, count: counted + 1 })
      }
    }
  })
})

describe('update', () => {
  test.each(cells.filter((cell) => cell.operation === 'update'))('$label', async ({ collection, audience, value }) => {
    const subject = SUBJECTS[collection]!
    const actor = actors[audience]
    const names = graphqlNames(collection)
    for (const door of names ? (['rest', 'graphql'] as const) : (['rest'] as const)) {
      for (const doc of await subject.fixtures(actor)) {
        const change = typeof subject.change === 'function' ? subject.change() : subject.change
        const before = await column(collection, subject, doc.id)
        let status: number | undefined
        if (door === 'rest') {
          status = (await api(app, `/api/${collection}/${doc.id}`, { method: 'PATCH', json: change, token: actor.token })).status
        } else {
          const res = await graphql(app, `mutation ($data: mutation${names!.singular}UpdateInput!) { update${names!.singular}(id: ${doc.id}, data: $data) { id } }`, { data: change }, actor.token)
          status = res.body.errors ? (gqlStatus(res) ?? res.body.errors[0].message) : 200
        }
        const after = await column(collection, subject, doc.id)
        if (reaches(value, doc)) {
          expect({ door, id: doc.id, kinds: doc.kinds, status, changed: after.v !== before.v }).toEqual({ door, id: doc.id, kinds: doc.kinds, status: 200, changed: true })
        } else {
          expect({ door, id: doc.id, kinds: doc.kinds, refused: REFUSED.includes(status as number) ? true : status, after }).toEqual({ door, id: doc.id, kinds: doc.kinds, refused: true, after: before })
        }
      }
    }
  })
})

describe('delete', () => {
  test.each(cells.filter((cell) => cell.operation === 'delete'))('$label', async ({ collection, audience, value }) => {
    const subject = SUBJECTS[collection]!
    const names = graphqlNames(collection)
    for (const door of names ? (['rest', 'graphql'] as const) : (['rest'] as const)) {
      // a fresh account each time: deleting one's own profile ends it
      const actor = audience === 'anonymous' ? actors.anonymous : await member(audience === 'citymaker' ? ['citymaker'] : [audience], audience)
      for (const doc of await (subject.deleteFixtures ?? subject.fixtures)(actor)) {
        let status: number | undefined
        if (door === 'graphql') {
          const res = await graphql(app, `mutation { delete${names!.singular}(id: ${doc.id}) { id } }`, undefined, actor.token)
          status = res.body.errors ? gqlStatus(res) : 200
        } else if (subject.noRestById) {
          const res = await api(app, `/api/${collection}?where[id][equals]=${doc.id}`, { method: 'DELETE', token: actor.token })
          status = res.status === 200 && res.body.docs.length === 0 ? 404 : res.status
        } else {
          status = (await api(app, `/api/${collection}/${doc.id}`, { method: 'DELETE', token: actor.token })).status
        }
        const exists = (await sql(`SELECT 1 FROM ${subject.table} WHERE id = $1`, [doc.id])).length === 1
        if (reaches(value, doc)) expect({ door, id: doc.id, kinds: doc.kinds, status, exists }).toEqual({ door, id: doc.id, kinds: doc.kinds, status: 200, exists: false })
        else expect({ door, id: doc.id, kinds: doc.kinds, refused: REFUSED.includes(status!), exists }).toEqual({ door, id: doc.id, kinds: doc.kinds, refused: true, exists: true })
      }
    }
  })
})
