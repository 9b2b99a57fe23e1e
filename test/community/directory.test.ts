import { randomSuffix } from '../../src/lib/embedded-postgres'
import { sdgId } from '../domain/helpers'
import { api, startTestApp, type TestApp } from '../support/harness'

/**
 * The member directory (`GET /api/citymakers/directory`): each filter alone and combined against
 * the profiles expected, visibility, the public fields only, and the refusals.
 */
let app: TestApp

type Member = { id: number; email: string; token?: string }
const people: Record<string, Member> = {}
let cities: Record<'berlin' | 'lyon' | 'saoPaulo', number>
let topics: [number, number]

async function member(key: string, data: Record<string, unknown>, login = false): Promise<Member> {
  const email = `${key}-${randomSuffix()}@test.use.invalid`
  const password = `pw-${randomSuffix()}-${randomSuffix()}`
  const doc = await app.payload.create({
    collection: 'citymakers',
    data: { email, password, roles: ['citymaker'], _verified: true, profileVisibility: 'public', ...data } as never,
    disableVerificationEmail: true,
    context: { skipNotifications: true },
  })
  const result: Member = { id: doc.id as number, email }
  if (login) {
    const res = await api(app, '/api/citymakers/login', { method: 'POST', json: { email, password } })
    if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`)
    result.token = res.body.token
  }
  people[key] = result
  return result
}

const city = async (name: string, country: string) => (await app.payload.create({ collection: 'cities', data: { name: `${name} ${randomSuffix()}`, country } as never })).id as number

beforeAll(async () => {
  app = await startTestApp()
  cities = { berlin: await city('Berlin', 'DE'), lyon: await city('Lyon', 'FR'), saoPaulo: await city('São Paulo', 'BR') }
  const { rows } = await app.sql('SELECT id FROM topics ORDER BY id LIMIT 2')
  topics = [rows[0].id, rows[1].id]
  const [sdg11, sdg13] = [await sdgId(app, 11), await sdgId(app, 13)]
  await member('ana', { displayName: 'Ana Álvarez', category: 'academic', organisation: 'Universität Zürich', position: 'Professor', city: cities.berlin, expertiseTopics: [topics[0]], sdgInterests: [sdg11], languages: ['de', 'en'] })
  await member('bruno', { displayName: 'Bruno Costa', category: 'practitioner', organisation: 'Prefeitura de São Paulo', city: cities.saoPaulo, expertiseTopics: [topics[1]], sdgInterests: [sdg13], languages: ['pt'], profileVisibility: 'community' })
  await member('chloe', { displayName: 'Chloé Martin', category: 'ngo', organisation: 'Ville de Lyon', city: cities.lyon, expertiseTopics: topics, sdgInterests: [sdg11, sdg13], languages: ['fr', 'en'], profileVisibility: 'community' })
  await member('dana', { displayName: 'Dana Hidden', category: 'academic', city: cities.berlin, expertiseTopics: [topics[0]], sdgInterests: [sdg11], languages: ['en'], profileVisibility: 'hidden' }, true)
  await member('eve', { displayName: 'Eve Inactive', category: 'academic', city: cities.berlin, expertiseTopics: [topics[0]], sdgInterests: [sdg11], languages: ['en'], _verified: false })
  await member('finn', { displayName: 'Finn Nocity', category: 'other', languages: ['en'], allowContact: false })
  await member('mia', { displayName: 'Mia Viewer' }, true)
  await member('ed', { displayName: 'Ed Editor', roles: ['editor'], profileVisibility: 'hidden' }, true)
})
afterAll(async () => {
  await app?.close()
})

/** As Mia (a member) unless another token, or `null` for anonymous, is given. */
const directory = (query = '', token: string | null = people.mia!.token!) => api(app, `/api/citymakers/directory${query ? `?${query}` : ''}`, { token: token ?? undefined })
const ids = (...keys: string[]) => keys.map((key) => people[key]!.id)
async function listed(query: string, token?: string): Promise<number[]> {
  const res = await directory(query, token ?? people.mia!.token!)
  if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.docs.map((doc: { id: number }) => doc.id)
}

describe('who is listed', () => {
  test('activated public and community profiles and one’s own, by name; never hidden or inactive ones', async () => {
    expect(await listed('')).toEqual(ids('ana', 'bruno', 'chloe', 'finn', 'mia'))
  })

  test('a hidden member sees themself, nobody else sees them; staff see no more than members', async () => {
    expect(await listed('', people.dana!.token)).toEqual(ids('ana', 'bruno', 'chloe', 'dana', 'finn', 'mia'))
    expect(await listed('', people.ed!.token)).toEqual(ids('ana', 'bruno', 'chloe', 'ed', 'finn', 'mia'))
  })

  test('anonymous visitors are asked to log in', async () => {
    const res = await directory('', null)
    expect(res).toMatchObject({ status: 401, body: { errors: [{ message: 'Log in to browse the member directory' }] } })
    expect((await directory('city=1', null)).status).toBe(401)
  })

  test('a member deactivated after logging in is refused', async () => {
    const gone = await member('gone', { displayName: 'Gone Gil' }, true)
    await app.sql('UPDATE citymakers SET _verified = false WHERE id = $1', [gone.id])
    expect((await directory('', gone.token!)).status).toBe(401)
  })
})

describe('only public profile fields', () => {
  test('no e-mail, roles, consents, alerts or account state; relations as small public cards', async () => {
    const res = await directory('limit=50', people.mia!.token)
    expect(res.status).toBe(200)
    const text = JSON.stringify(res.body)
    for (const person of Object.values(people)) expect(text).not.toContain(person.email)
    const allowed = ['id', 'displayName', 'accountType', 'category', 'organisation', 'position', 'city', 'avatar', 'expertiseTopics', 'sdgInterests', 'languages', 'allowContact']
    for (const doc of res.body.docs) expect(Object.keys(doc).sort()).toEqual([...allowed].sort())
    for (const word of ['email', 'roles', 'consents', 'alerts', '_verified', 'profileVisibility', 'hash', 'salt', 'sessions', 'loginAttempts']) expect(text).not.toContain(`"${word}"`)
    const ana = res.body.docs.find((doc: { id: number }) => doc.id === people.ana!.id)
    expect(ana).toMatchObject({
      displayName: 'Ana Álvarez',
      category: 'academic',
      organisation: 'Universität Zürich',
      position: 'Professor',
      city: { id: cities.berlin, country: 'DE', region: 'm49-150' },
      expertiseTopics: [{ id: topics[0] }],
      sdgInterests: [{ number: 11 }],
      languages: ['de', 'en'],
      allowContact: true,
    })
    expect(res.body.docs.find((doc: { id: number }) => doc.id === people.finn!.id)).toMatchObject({ city: null, allowContact: false })
  })

  test('pages of at most 50, with Payload’s paging fields', async () => {
    const first = await directory('limit=2')
    expect(first.body).toMatchObject({ totalDocs: 5, limit: 2, page: 1, totalPages: 3, hasNextPage: true, hasPrevPage: false, nextPage: 2 })
    expect(first.body.docs.map((doc: { id: number }) => doc.id)).toEqual(ids('ana', 'bruno'))
    expect(await listed('limit=2&page=3')).toEqual(ids('mia'))
    expect(await listed('limit=2&page=4')).toEqual([])
  })
})

describe('filters', () => {
  test.each([
    ['city', () => `city=${cities.berlin}`, ['ana']],
    ['two cities', () => `city=${cities.berlin},${cities.lyon}`, ['ana', 'chloe']],
    ['country', () => 'country=DE', ['ana']],
    ['countries, lower case', () => 'country=de,br', ['ana', 'bruno']],
    ['region (Europe)', () => 'region=m49-150', ['ana', 'chloe']],
    ['sub-region (Western Europe)', () => 'region=m49-155', ['ana', 'chloe']],
    ['regions (Americas, Africa)', () => 'region=m49-019,m49-002', ['bruno']],
    ['role type', () => 'roleType=academic', ['ana']],
    ['role types', () => 'roleType=academic,ngo', ['ana', 'chloe']],
    ['topic', () => `topic=${topics[0]}`, ['ana', 'chloe']],
    ['topics', () => `topic=${topics[0]},${topics[1]}`, ['ana', 'bruno', 'chloe']],
    ['SDG number', () => 'sdg=13', ['bruno', 'chloe']],
    ['SDG numbers', () => 'sdg=11,13', ['ana', 'bruno', 'chloe']],
    ['an SDG nobody chose', () => 'sdg=1', []],
    ['language', () => 'language=en', ['ana', 'chloe', 'finn']],
    ['languages', () => 'language=pt,fr', ['bruno', 'chloe']],
    ['repeated parameter = comma list', () => 'language=pt&language=fr', ['bruno', 'chloe']],
    ['search without accents', () => 'q=alvarez', ['ana']],
    ['search in capitals with accents', () => 'q=%C3%81LVAREZ', ['ana']],
    ['search for an accented name plainly', () => 'q=chloe', ['chloe']],
    ['search in the organisation', () => 'q=zurich', ['ana']],
    ['search with several words (all must match)', () => 'q=ville%20martin', ['chloe']],
    ['search matches hidden profiles never', () => 'q=dana', []],
    ['search with LIKE wildcards taken literally', () => 'q=%25', []],
    ['country AND language', () => 'country=FR&language=en', ['chloe']],
    ['topic AND SDG', () => `topic=${topics[0]}&sdg=13`, ['chloe']],
    ['region AND role types', () => 'region=m49-150&roleType=academic,practitioner', ['ana']],
    ['city AND search', () => `city=${cities.saoPaulo}&q=prefeitura`, ['bruno']],
    ['everything at once', () => `city=${cities.lyon}&country=FR&region=m49-155&roleType=ngo&topic=${topics[1]}&sdg=11&language=fr&q=chlo`, ['chloe']],
    ['filters that exclude each other', () => 'country=DE&language=pt', []],
  ])('%s', async (_label, query, expected) => {
    expect(await listed(query())).toEqual(ids(...expected))
  })
})

describe('bad parameters: 400 naming them', () => {
  test('unknown parameters are named', async () => {
    const res = await directory('city=1&depth=3&where[email][equals]=x')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/^Unknown parameters: "depth", "where\[email\]\[equals\]"; the directory takes city, country/)
  })

  test.each([
    ['city=abc', /^city: "abc" is not a city id$/],
    ['city=', /^city must not be empty$/],
    ['topic=-1', /^topic: "-1" is not a topic id$/],
    ['country=XX', /^country: "XX" is not an ISO 3166-1 alpha-2 country code/],
    ['country=DEU', /^country: "DEU" is not an ISO 3166-1 alpha-2/],
    ['region=europe', /^region: "europe" is not a UN M49 region/],
    ['roleType=wizard', /^roleType: "wizard" is not a role type \(politician, administrator, academic/],
    ['sdg=18', /^sdg: "18" is not an SDG number from 1 to 17$/],
    ['sdg=0', /^sdg: "0" is not an SDG number/],
    ['language=klingon', /^language: "klingon" is not a language code/],
    ['limit=51', /^limit must be at most 50$/],
    ['limit=0', /^limit must be at least 1$/],
    ['limit=ten', /^limit must be a whole number$/],
    ['page=0', /^page must be at least 1$/],
    ['q=', /^q must not be empty$/],
    [`q=${'x'.repeat(101)}`, /^q must be at most 100 characters$/],
    ['sdg=1,99&limit=100', /^sdg: "99" is not an SDG number from 1 to 17; limit must be at most 50$/],
  ])('%s', async (query, message) => {
    const res = await directory(query)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
  })
})
