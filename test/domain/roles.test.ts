import { graphql, loginAs, startTestApp, type TestApp } from '../support/harness'
import { create, del, patch, post, rows, sdgId, targetId } from './helpers'

/**
 * Who may write reference data: editors and admins maintain cities, topics, partners and awards;
 * the SDG goals, targets and indicators are official texts that only admins change. Anonymous
 * visitors and citymakers get 403 and the database stays as it was.
 */
let app: TestApp
const tokens: Record<'anonymous' | 'citymaker' | 'editor' | 'admin', string | undefined> = { anonymous: undefined, citymaker: undefined, editor: undefined, admin: undefined }
beforeAll(async () => {
  app = await startTestApp()
  tokens.citymaker = (await loginAs(app, ['citymaker'])).token
  tokens.editor = (await loginAs(app, ['editor'])).token
  tokens.admin = (await loginAs(app, ['admin'])).token
})
afterAll(async () => {
  await app?.close()
})

type Role = keyof typeof tokens
type Reference = {
  collection: string
  table: string
  /** a valid new document; `n` keeps names and codes unique */
  body: (n: number) => Promise<Record<string, unknown>>
  /** an update (its first field is restored afterwards where the document is shared) */
  change: Record<string, unknown>
  /** the document the refused writes aim at */
  fixture: () => Promise<number>
  writers: Role[]
  /** SDGs cannot be created (all 17 exist) or deleted (targets use them) even by admins */
  createAndDelete?: boolean
}

let counter = 0
const next = () => ++counter
const letters = 'nopqrstuvwxyz'

const REFERENCE: Reference[] = [
  {
    collection: 'cities',
    table: 'cities',
    body: async (n) => ({ name: `Role city ${n}`, country: 'NL' }),
    change: { country: 'BE' },
    fixture: () => create(app, 'cities', { name: 'Fixture city', country: 'NL' }, tokens.editor!),
    writers: ['editor', 'admin'],
  },
  {
    collection: 'topics',
    table: 'topics',
    body: async (n) => ({ name: `Role topic ${n}` }),
    change: { order: 99 },
    fixture: () => create(app, 'topics', { name: 'Fixture topic' }, tokens.editor!),
    writers: ['editor', 'admin'],
  },
  {
    collection: 'partners',
    table: 'partners',
    body: async (n) => ({ name: `Role partner ${n}`, type: 'research' }),
    change: { website: 'https://changed.example.org' },
    fixture: () => create(app, 'partners', { name: 'Fixture partner', type: 'research' }, tokens.editor!),
    writers: ['editor', 'admin'],
  },
  {
    collection: 'awards',
    table: 'awards',
    body: async (n) => ({ name: `Role award ${n}`, year: 2020 }),
    change: { year: 2021 },
    fixture: () => create(app, 'awards', { name: 'Fixture award', year: 2019 }, tokens.editor!),
    writers: ['editor', 'admin'],
  },
  {
    collection: 'sdgs',
    table: 'sdgs',
    body: async () => ({ number: 18, code: 'SDG 18', shortTitle: 'Probe', title: 'Probe', colour: '#000000' }),
    change: { colour: '#000001' },
    fixture: () => sdgId(app, 17),
    writers: ['admin'],
    createAndDelete: false,
  },
  {
    collection: 'sdg-targets',
    table: 'sdg_targets',
    body: async (n) => ({ code: `17.${letters[n % letters.length]}`, goal: await sdgId(app, 17), text: 'Probe target' }),
    change: { text: 'Changed target text' },
    fixture: () => targetId(app, '17.1'),
    writers: ['admin'],
  },
  {
    collection: 'sdg-indicators',
    table: 'sdg_indicators',
    body: async (n) => ({ code: `17.1.${90 + n}`, target: await targetId(app, '17.1'), text: 'Probe indicator' }),
    change: { order: 1 },
    fixture: async () => Number((await app.sql(`SELECT id FROM sdg_indicators ORDER BY id DESC LIMIT 1`)).rows[0].id),
    writers: ['admin'],
  },
]

const storedRow = async (table: string, id: number) => (await app.sql(`SELECT * FROM ${table} WHERE id = $1`, [id])).rows[0]

describe.each(REFERENCE)('$collection', (ref) => {
  let fixture: number
  beforeAll(async () => {
    fixture = await ref.fixture()
  })

  const roles: Role[] = ['anonymous', 'citymaker', 'editor', 'admin']
  test.each(roles.filter((role) => !ref.writers.includes(role)))('%s cannot create, update or delete (403, nothing changes)', async (role) => {
    const token = tokens[role]
    const count = await rows(app, ref.table)
    const row = await storedRow(ref.table, fixture)

    const created = await post(app, ref.collection, await ref.body(next()), token)
    const updated = await patch(app, ref.collection, fixture, ref.change, token)
    const deleted = await del(app, ref.collection, fixture, token)
    expect([created.status, updated.status, deleted.status]).toEqual([403, 403, 403])
    expect(created.body.errors[0].message).toBe('You are not allowed to perform this action.')

    expect(await rows(app, ref.table)).toBe(count)
    expect(await storedRow(ref.table, fixture)).toEqual(row)
  })

  test.each(ref.writers)('%s can write', async (role) => {
    const token = tokens[role]
    if (ref.createAndDelete === false) {
      const [field, value] = Object.entries(ref.change)[0]!
      const before = (await app.payload.findByID({ collection: ref.collection as 'sdgs', id: fixture, depth: 0 })) as unknown as Record<string, unknown>
      const updated = await patch(app, ref.collection, fixture, ref.change, token)
      expect(updated.status).toBe(200)
      expect(updated.body.doc[field]).toBe(value)
      expect((await patch(app, ref.collection, fixture, { [field]: before[field] }, token)).status).toBe(200)
      return
    }
    const count = await rows(app, ref.table)
    const created = await post(app, ref.collection, await ref.body(next()), token)
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(await rows(app, ref.table)).toBe(count + 1)
    const updated = await patch(app, ref.collection, id, ref.change, token)
    expect(updated.status).toBe(200)
    expect(updated.body.doc).toMatchObject(ref.change)
    expect((await del(app, ref.collection, id, token)).status).toBe(200)
    expect(await rows(app, ref.table)).toBe(count)
  })
})

describe('GraphQL enforces the same rules', () => {
  test('anonymous and citymaker mutations are forbidden; nothing is written', async () => {
    const before = await rows(app, 'topics')
    for (const token of [undefined, tokens.citymaker]) {
      const res = await graphql(app, 'mutation { createTopic(data: { name: "Forbidden topic", scheme: topic }) { id } }', undefined, token)
      expect(res.body.data.createTopic).toBeNull()
      expect(res.body.errors[0]).toMatchObject({ message: 'You are not allowed to perform this action.', extensions: { statusCode: 403 } })
    }
    expect(await rows(app, 'topics')).toBe(before)
  })

  test('an editor may not change an SDG; an admin may', async () => {
    const id = await sdgId(app, 16)
    const editor = await graphql(app, `mutation { updateSdg(id: ${id}, data: { colour: "#000000" }) { colour } }`, undefined, tokens.editor)
    expect(editor.body.errors[0].extensions.statusCode).toBe(403)
    expect((await app.sql('SELECT colour FROM sdgs WHERE id = $1', [id])).rows[0].colour).toBe('#00689D')
    const admin = await graphql(app, `mutation { updateSdg(id: ${id}, data: { shortTitle: "Frieden" }, locale: de) { shortTitle } }`, undefined, tokens.admin)
    expect(admin.body.data.updateSdg.shortTitle).toBe('Frieden')
  })

  test('the seeded reference data is intact after all refused writes', async () => {
    expect(await rows(app, 'sdgs')).toBe(17)
    expect(await rows(app, 'sdg_targets', "code = '17.1'")).toBe(1)
  })
})
