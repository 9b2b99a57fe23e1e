import { api, graphql, loginAs, startTestApp, type TestApp } from '../support/harness'
import { startSmtp } from '../support/smtp'

/**
 * Registration, activation, login and leaving, through the doors a frontend uses, with mail
 * delivered by the job queue to a real SMTP server.
 */
let app: TestApp
let smtp: Awaited<ReturnType<typeof startSmtp>>

beforeAll(async () => {
  smtp = await startSmtp()
  app = await startTestApp({ env: { SMTP_URL: smtp.url } })
})
afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

let n = 0
const address = (label: string) => `${label}-${Date.now().toString(36)}-${++n}@test.use.invalid`
const PASSWORD = 'green roofs cool the city 42'
const register = (json: Record<string, unknown>) => api(app, '/api/citymakers', { method: 'POST', json })
const runJobs = async () => {
  // jobs that failed wait for their backoff; a test does not
  await app.sql(`UPDATE payload_jobs SET wait_until = NULL WHERE completed_at IS NULL`)
  await app.payload.jobs.run({ allQueues: true, limit: 100 })
}
const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email))
const account = async (email: string) => (await app.sql(`SELECT id, _verified, login_attempts, lock_until FROM citymakers WHERE email = $1`, [email])).rows[0]
const linkIn = (text: string, path: string) => {
  const match = new RegExp(`(https?://[^\\s"<>]+${path}[^\\s"<>]*)`).exec(text)
  if (!match) throw new Error(`no ${path} link in: ${text}`)
  return match[1]!
}
const login = (email: string, password: string) => api(app, '/api/citymakers/login', { method: 'POST', json: { email, password } })

async function activate(link: string) {
  const url = new URL(link)
  const form = await fetch(link)
  expect(form.status).toBe(200)
  expect(await form.text()).toContain('Activate my profile')
  return fetch(`${app.baseUrl}/activate`, { method: 'POST', body: new URLSearchParams({ token: url.searchParams.get('token')! }), redirect: 'manual' })
}

describe('registration and activation', () => {
  const email = address('new-member')

  test('anyone registers with name, e-mail, password and the accepted terms; the profile starts inactive', async () => {
    const res = await register({ email, password: PASSWORD, displayName: 'Ada Citymaker', acceptTerms: true, category: 'practitioner', organisation: 'City of Ghent' })
    expect(res.status).toBe(202)
    expect(res.body.message).toMatch(/activate your profile/)
    expect(JSON.stringify(res.body)).not.toContain(email)
    expect(await account(email)).toMatchObject({ _verified: false })
    const stored = (await app.sql(`SELECT c.display_name, c.organisation, c.consents_terms_accepted_at IS NOT NULL AS terms, array_agg(r.value::text) AS roles FROM citymakers c JOIN citymakers_roles r ON r.parent_id = c.id WHERE c.email = $1 GROUP BY c.id`, [email])).rows[0]
    expect(stored).toEqual({ display_name: 'Ada Citymaker', organisation: 'City of Ghent', terms: true, roles: ['citymaker'] })
  })

  test('until activated the member cannot log in', async () => {
    const res = await login(email, PASSWORD)
    expect(res.status).toBe(403)
    expect(res.body.token).toBeUndefined()
  })

  test('the activation mail goes out by the job queue; its link (on the configured server URL) activates, once', async () => {
    expect(mailsTo(email)).toHaveLength(0)
    await runJobs()
    const mails = mailsTo(email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe('Activate your Urban Sustainability Exchange profile')
    const link = linkIn(mails[0]!.text, '/activate')
    expect(link.startsWith(`${app.baseUrl}/activate?token=`)).toBe(true)

    const done = await activate(link)
    expect(done.status).toBe(200)
    expect(await done.text()).toContain('Your profile is active')
    expect(await account(email)).toMatchObject({ _verified: true })
    const again = await activate(link)
    expect(again.status).toBe(400)

    const res = await login(email, PASSWORD)
    expect(res.status).toBe(200)
    expect(res.body.token).toEqual(expect.any(String))
    await runJobs()
    expect(mailsTo(email)).toHaveLength(1)
  })

  test('a mail scanner opening the link does not activate: only the button does', async () => {
    const other = address('scanned')
    await register({ email: other, password: PASSWORD, displayName: 'Scanned', acceptTerms: true })
    await runJobs()
    const link = linkIn(mailsTo(other)[0]!.text, '/activate')
    expect((await fetch(link)).status).toBe(200)
    expect(await account(other)).toMatchObject({ _verified: false })
  })

  test('the host a request names never makes it into a link', async () => {
    const other = address('host-header')
    const res = await fetch(`${app.baseUrl}/api/citymakers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'evil.example', 'x-forwarded-host': 'evil.example' },
      body: JSON.stringify({ email: other, password: PASSWORD, displayName: 'Host', acceptTerms: true }),
    })
    expect(res.status).toBe(202)
    await runJobs()
    const text = mailsTo(other)[0]!.text
    expect(text).not.toContain('evil.example')
    expect(linkIn(text, '/activate').startsWith(app.baseUrl)).toBe(true)
  })
})

describe('bad registrations get a 400 naming the problem, and store nothing', () => {
  const valid = () => ({ email: address('bad'), password: PASSWORD, displayName: 'Bad Input', acceptTerms: true })
  test.each([
    ['a short password', { password: 'short pass' }, /password: Password must have at least 12 characters/],
    ['a common password', { password: 'password1234' }, /password: Password is too common/],
    ['the e-mail as password', {}, /password: Password must not contain your e-mail address/],
    ['terms not accepted', { acceptTerms: false }, /acceptTerms must be true/],
    ['no terms at all', { acceptTerms: undefined }, /acceptTerms must be true/],
    ['a malformed address', { email: 'not-an-address' }, /email must be an e-mail address/],
    ['no name', { displayName: '' }, /displayName is required/],
    ['a role', { roles: ['admin'] }, /roles: not accepted at registration/],
    ['activation by the body', { _verified: true }, /_verified: not accepted at registration/],
    ['an unknown city', { city: 999999 }, /city: no city with id 999999/],
  ])('%s', async (_label, change, message) => {
    const body: Record<string, unknown> = { ...valid(), ...change }
    if (_label === 'the e-mail as password') body.password = `${body.email}!`
    const before = (await app.sql('SELECT count(*)::int AS n FROM citymakers')).rows[0].n
    const res = await register(body)
    expect({ status: res.status, message: res.body.errors?.[0]?.message }).toEqual({ status: 400, message: expect.stringMatching(message) })
    expect((await app.sql('SELECT count(*)::int AS n FROM citymakers')).rows[0].n).toBe(before)
  })

  test('a city that is still a draft (from a partner feed, not public yet)', async () => {
    const draft = await app.payload.create({ collection: 'cities', data: { name: 'Draftville', country: 'PT', _status: 'draft' } as never, draft: true, overrideAccess: true })
    expect(draft._status).toBe('draft')
    const before = (await app.sql('SELECT count(*)::int AS n FROM citymakers')).rows[0].n
    const res = await register({ ...valid(), city: draft.id })
    expect({ status: res.status, message: res.body.errors?.[0]?.message }).toEqual({ status: 400, message: `city: no city with id ${draft.id}` })
    expect((await app.sql('SELECT count(*)::int AS n FROM citymakers')).rows[0].n).toBe(before)
  })

  test('a body that is not JSON', async () => {
    const res = await api(app, '/api/citymakers', { method: 'POST', body: '{"email":', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/must be JSON/)
  })

  test('GraphQL is not a side door to registration', async () => {
    const before = (await app.sql('SELECT count(*)::int AS n FROM citymakers')).rows[0].n
    const res = await graphql(app, 'mutation ($data: mutationCitymakerInput!) { createCitymaker(data: $data) { id } }', { data: { ...valid(), acceptTerms: undefined, accountType: 'person', profileVisibility: 'public', roles: ['admin'], _verified: true } })
    expect(res.body.errors?.[0]?.extensions?.statusCode ?? res.body).toBe(403)
    expect((await app.sql('SELECT count(*)::int AS n FROM citymakers')).rows[0].n).toBe(before)
  })
})

describe('nobody learns whether an address is registered', () => {
  let known: string
  beforeAll(async () => {
    known = (await loginAs(app, ['citymaker'], 'known')).email
    await runJobs()
  })

  /** Status and body of each call, and the median time of several. */
  async function probe(call: () => Promise<{ status: number; body: unknown }>, times = 5) {
    const durations: number[] = []
    let last: { status: number; body: unknown } | undefined
    for (let i = 0; i < times; i++) {
      const started = performance.now()
      last = await call()
      durations.push(performance.now() - started)
    }
    durations.sort((a, b) => a - b)
    return { status: last!.status, body: last!.body, median: durations[Math.floor(times / 2)]! }
  }
  const closeInTime = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(150)

  test('registration: same answer, similar time; the owner of the known address gets a mail instead', async () => {
    const before = mailsTo(known).length
    const existing = await probe(() => register({ email: known, password: PASSWORD, displayName: 'Impostor', acceptTerms: true }), 3)
    const fresh = await probe(() => register({ email: address('fresh'), password: PASSWORD, displayName: 'Fresh', acceptTerms: true }), 3)
    expect({ status: existing.status, body: existing.body }).toEqual({ status: fresh.status, body: fresh.body })
    closeInTime(existing.median, fresh.median)
    await runJobs()
    const notices = mailsTo(known).slice(before)
    expect(notices).toHaveLength(3)
    expect(notices[0]!.subject).toBe('Your Urban Sustainability Exchange profile already exists')
    expect(linkIn(notices[0]!.text, '/admin/forgot').startsWith(app.baseUrl)).toBe(true)
    // the known account is untouched
    expect((await app.sql(`SELECT display_name FROM citymakers WHERE email = $1`, [known])).rows[0].display_name).not.toBe('Impostor')
  })

  test('login: a wrong password and an unknown address answer alike', async () => {
    const wrong = await probe(() => login(known, 'not the right password'), 3)
    const unknown = await probe(() => login(address('nobody'), 'not the right password'), 3)
    expect({ status: wrong.status, body: wrong.body }).toEqual({ status: 401, body: unknown.body })
    expect(unknown.status).toBe(401)
    closeInTime(wrong.median, unknown.median)
  })

  test('forgot-password: same answer and time; only the known address gets the reset mail, with a working link', async () => {
    const before = mailsTo(known).length
    const knownRes = await probe(() => api(app, '/api/citymakers/forgot-password', { method: 'POST', json: { email: known } }), 1)
    const unknownRes = await probe(() => api(app, '/api/citymakers/forgot-password', { method: 'POST', json: { email: address('nobody') } }), 1)
    expect({ status: knownRes.status, body: knownRes.body }).toEqual({ status: unknownRes.status, body: unknownRes.body })
    expect(knownRes.status).toBe(200)
    closeInTime(knownRes.median, unknownRes.median)
    await runJobs()
    const mails = mailsTo(known).slice(before)
    expect(mails).toHaveLength(1)
    const link = linkIn(mails[0]!.text, '/admin/reset/')
    expect(link.startsWith(`${app.baseUrl}/admin/reset/`)).toBe(true)
    const token = link.split('/admin/reset/')[1]!
    const weak = await api(app, '/api/citymakers/reset-password', { method: 'POST', json: { token, password: 'password1234' } })
    expect(weak.status).toBe(400)
    expect(JSON.stringify(weak.body)).toMatch(/too common/)
    const reset = await api(app, '/api/citymakers/reset-password', { method: 'POST', json: { token, password: 'a new and long passphrase' } })
    expect(reset.status).toBe(200)
    expect((await login(known, 'a new and long passphrase')).status).toBe(200)
  })
})

describe('lockout', () => {
  test('repeated failures lock the account with the same answer as a wrong password; a password reset lifts the lock', async () => {
    const member = await loginAs(app, ['citymaker'], 'lockout')
    for (let i = 0; i < 5; i++) expect((await login(member.email, `wrong password ${i}!`)).status).toBe(401)
    expect((await account(member.email)).lock_until).not.toBeNull()
    // locked: even the right password gets the uniform answer
    const locked = await login(member.email, member.password)
    expect({ status: locked.status, body: locked.body }).toEqual({ status: 401, body: { errors: [{ message: 'The email or password provided is incorrect.' }] } })

    const before = mailsTo(member.email).length
    expect((await api(app, '/api/citymakers/forgot-password', { method: 'POST', json: { email: member.email } })).status).toBe(200)
    await runJobs()
    const token = linkIn(mailsTo(member.email).slice(before)[0]!.text, '/admin/reset/').split('/admin/reset/')[1]!
    expect((await api(app, '/api/citymakers/reset-password', { method: 'POST', json: { token, password: 'locked out no longer 7' } })).status).toBe(200)
    expect((await login(member.email, 'locked out no longer 7')).status).toBe(200)
  })
})

describe('mail survives an SMTP outage', () => {
  test('SMTP down during registration: the registration succeeds and the activation mail arrives once SMTP is back, exactly once', async () => {
    const email = address('outage')
    smtp.setDown(true)
    try {
      const res = await register({ email, password: PASSWORD, displayName: 'Outage', acceptTerms: true })
      expect(res.status).toBe(202)
      await runJobs()
      expect(mailsTo(email)).toHaveLength(0)
      const job = (await app.sql(`SELECT total_tried, has_error, completed_at FROM payload_jobs WHERE task_slug = 'mailActivation' ORDER BY id DESC LIMIT 1`)).rows[0]
      expect({ tried: Number(job.total_tried), completed: job.completed_at }).toEqual({ tried: 1, completed: null })
    } finally {
      smtp.setDown(false)
    }
    await runJobs()
    expect(mailsTo(email)).toHaveLength(1)
    await runJobs()
    expect(mailsTo(email)).toHaveLength(1)
    expect(await account(email)).toMatchObject({ _verified: false })
  })
})

describe('password changes follow the same rules', () => {
  test('a member cannot set a weak password on their profile', async () => {
    const member = await loginAs(app, ['citymaker'], 'changer')
    const res = await api(app, `/api/citymakers/${member.user.id}`, { method: 'PATCH', token: member.token, json: { password: 'qwerty123456' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'password', message: expect.stringMatching(/too common/) })
    expect((await login(member.email, member.password)).status).toBe(200)
  })
})

describe('export and leaving', () => {
  test('a member exports everything kept about them as JSON; others and anonymous cannot', async () => {
    const member = await loginAs(app, ['citymaker'], 'exporter')
    const draft = await api(app, '/api/case-studies', { method: 'POST', token: member.token, json: { title: 'My exported draft' } })
    expect(draft.status).toBe(201)
    const res = await fetch(`${app.baseUrl}/api/citymakers/me/export`, { headers: { authorization: `JWT ${member.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="use-citymaker-\d+-export.json"/)
    const body = await res.json()
    expect(body.profile).toMatchObject({ id: member.user.id, email: member.email })
    expect(body.profile.hash).toBeUndefined()
    expect(body.profile.salt).toBeUndefined()
    expect(body.caseStudies.map((c: { id: number }) => c.id)).toEqual([draft.body.doc.id])
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['workflowEvents', 'contactMessagesSent', 'alertDeliveries', 'preferences']))
    expect((await api(app, '/api/citymakers/me/export')).status).toBe(401)
  })

  test('deleting the account removes personal data and unpublished drafts, keeps published cases as by a former member', async () => {
    const member = await loginAs(app, ['citymaker'], 'leaver')
    const editor = await loginAs(app, ['editor'], 'leaver-editor')
    const create = async (title: string) => (await api(app, '/api/case-studies', { method: 'POST', token: member.token, json: { title } })).body.doc.id as number
    const published = await create('A case that stays')
    const draft = await create('A draft that goes')
    expect((await api(app, `/api/case-studies/${published}/workflow`, { method: 'POST', token: member.token, json: { to: 'submitted' } })).status).toBe(200)
    expect((await api(app, `/api/case-studies/${published}/workflow`, { method: 'POST', token: editor.token, json: { to: 'published' } })).status).toBe(200)

    const other = await loginAs(app, ['citymaker'], 'not-me')
    expect([403, 404]).toContain((await api(app, `/api/citymakers/${member.user.id}`, { method: 'DELETE', token: other.token })).status)

    const res = await api(app, `/api/citymakers/${member.user.id}`, { method: 'DELETE', token: member.token })
    expect(res.status).toBe(200)
    expect((await app.sql('SELECT count(*)::int AS n FROM citymakers WHERE email = $1', [member.email])).rows[0].n).toBe(0)
    expect((await app.sql('SELECT count(*)::int AS n FROM case_studies WHERE id = $1', [draft])).rows[0].n).toBe(0)
    const kept = await api(app, `/api/case-studies/${published}?depth=0`)
    expect(kept.status).toBe(200)
    expect(kept.body).toMatchObject({ title: 'A case that stays', authorLeft: true, workflowState: 'published' })
    expect(kept.body.author ?? null).toBeNull()
    // the audit trail keeps its events, without the person
    const events = (await app.sql('SELECT count(*)::int AS n FROM workflow_events WHERE case_study_id = $1', [published])).rows[0].n
    expect(events).toBe(2)
    expect((await login(member.email, member.password)).status).toBe(401)
  })
})
