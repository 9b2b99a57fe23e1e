import { randomSuffix } from '../../src/lib/embedded-postgres'
import { rows } from '../domain/helpers'
import { api, startTestApp, type TestApp } from '../support/harness'
import { startSmtp } from '../support/smtp'

/**
 * Direct contact between members (`POST /api/citymakers/:id/contact`): the relay mail through the
 * job queue to a real SMTP server, the refusals, the per-sender rate limit (also across two app
 * instances on one database) and the retention purge.
 */
const HOUR_LIMIT = 3
const DAY_LIMIT = 5
const RETENTION_DAYS = 30

let app: TestApp
let smtp: Awaited<ReturnType<typeof startSmtp>>
let sender: SignedIn
let recipient: Member
let community: Member

type Member = { id: number; email: string; name: string }
type SignedIn = Member & { token: string }

beforeAll(async () => {
  smtp = await startSmtp()
  app = await startTestApp({
    env: { SMTP_URL: smtp.url, CONTACT_LIMIT_HOUR: String(HOUR_LIMIT), CONTACT_LIMIT_DAY: String(DAY_LIMIT), CONTACT_RETENTION_DAYS: String(RETENTION_DAYS) },
  })
  sender = await signedIn('Sender Ana', { organisation: 'City of Ghent' })
  recipient = await member('Recipient Bo')
  community = await member('Community Cy', { profileVisibility: 'community' })
})
afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

/** A member created directly (no activation mail); activated and public unless `data` says otherwise. */
async function member(name: string, data: Record<string, unknown> = {}): Promise<Member> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${randomSuffix()}@test.use.invalid`
  const doc = await app.payload.create({
    collection: 'citymakers',
    data: { email, password: `pw-${randomSuffix()}-${randomSuffix()}`, displayName: name, roles: ['citymaker'], _verified: true, profileVisibility: 'public', ...data } as never,
    disableVerificationEmail: true,
    context: { skipNotifications: true },
  })
  return { id: doc.id as number, email, name }
}

/** A member as above, logged in over REST. */
async function signedIn(name: string, data: Record<string, unknown> = {}): Promise<SignedIn> {
  const password = `pw-${randomSuffix()}-${randomSuffix()}`
  const created = await member(name, { ...data, password })
  const login = await api(app, '/api/citymakers/login', { method: 'POST', json: { email: created.email, password } })
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`)
  return { ...created, token: login.body.token as string }
}

const contact = (id: number | string, json: unknown, token?: string) => api(app, `/api/citymakers/${id}/contact`, { method: 'POST', json, token })
const valid = { subject: 'Rain gardens in Ghent', message: 'Hello!\nWe plan rain gardens too: could we talk about yours?' }
const runJobs = async (on: TestApp = app) => {
  // jobs that failed wait for their backoff; a test does not
  await on.sql(`UPDATE payload_jobs SET wait_until = NULL WHERE completed_at IS NULL`)
  await on.payload.jobs.run({ allQueues: true, limit: 100 })
}
const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email))
const messagesFrom = (id: number) => rows(app, 'contact_messages', 'sender_id = $1', [id])
const headerOf = (raw: string, name: string) => new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi').exec(raw.split(/\r?\n\r?\n/)[0] ?? '')?.[1]?.replace(/\r?\n[ \t]/g, ' ')

describe('a member writes to another member', () => {
  let id: number

  test('the message is accepted and stored; the answer does not reveal the recipient address', async () => {
    const res = await contact(recipient.id, valid, sender.token)
    expect(res.status).toBe(202)
    expect(res.body.message).toMatch(/on its way/)
    id = res.body.id
    const everything = JSON.stringify(res.body) + JSON.stringify([...res.headers.entries()])
    expect(everything).not.toContain(recipient.email)
    const stored = (await app.sql('SELECT sender_id, recipient_id, subject, message, status, sent_at FROM contact_messages WHERE id = $1', [id])).rows[0]
    expect(stored).toEqual({ sender_id: sender.id, recipient_id: recipient.id, subject: valid.subject, message: valid.message, status: 'queued', sent_at: null })
    // the job was queued in the same transaction
    expect(await rows(app, 'payload_jobs', `task_slug = 'mailContactMessage' AND input->>'message' = $1`, [String(id)])).toBe(1)
  })

  test('the job mails the recipient: sender name and profile link, Reply-To the sender, from the platform', async () => {
    expect(mailsTo(recipient.email)).toHaveLength(0)
    await runJobs()
    const mails = mailsTo(recipient.email)
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.to).toEqual([recipient.email])
    expect(mail.subject).toBe(`Message from Sender Ana: ${valid.subject}`)
    expect(headerOf(mail.raw, 'Reply-To')).toContain(`<${sender.email}>`)
    expect(headerOf(mail.raw, 'Reply-To')).toContain('Sender Ana')
    expect(mail.from).not.toBe(sender.email)
    expect(mail.text).toContain('Sender Ana (City of Ghent) sent you a message')
    expect(mail.text).toContain(`${app.baseUrl}/api/citymakers/${sender.id}`)
    expect(mail.text).toContain('We plan rain gardens too: could we talk about yours?')
    // the sender's address travels in the Reply-To header only
    expect(mail.text).not.toContain(sender.email)
    const stored = (await app.sql('SELECT status, sent_at FROM contact_messages WHERE id = $1', [id])).rows[0]
    expect(stored.status).toBe('sent')
    expect(stored.sent_at).toBeInstanceOf(Date)
    await runJobs()
    expect(mailsTo(recipient.email)).toHaveLength(1)
  })

  test('plain text with angle brackets and ampersands is kept as written (and escaped in the HTML part)', async () => {
    const res = await contact(community.id, { subject: 'Heat < drought & floods', message: 'See <https://use.example.org/cases/1> & tell me: is 3 < 5?' }, sender.token)
    expect(res.status).toBe(202)
    await runJobs()
    const mail = mailsTo(community.email)[0]!
    expect(mail.subject).toBe('Message from Sender Ana: Heat < drought & floods')
    expect(mail.text).toContain('See <https://use.example.org/cases/1> & tell me: is 3 < 5?')
    // the HTML part (decoded into `text` too) escapes them
    expect(mail.text).toContain('is 3 &lt; 5?')
    expect(mail.text).not.toMatch(/<p>See <https/)
  })

  test('the contact-messages collection is for admins only', async () => {
    expect((await api(app, `/api/contact-messages/${id}`, { token: sender.token })).status).toBe(403)
    expect((await api(app, '/api/contact-messages', { method: 'POST', token: sender.token, json: { recipient: recipient.id, subject: 'x', message: 'y' } })).status).toBe(403)
  })
})

describe('who may write to whom', () => {
  test('anonymous visitors are asked to log in', async () => {
    const before = await rows(app, 'contact_messages')
    const res = await contact(recipient.id, valid)
    expect(res).toMatchObject({ status: 401, body: { errors: [{ message: 'Log in to contact a member' }] } })
    expect(await rows(app, 'contact_messages')).toBe(before)
  })

  test('an account that is not (or no longer) activated cannot send', async () => {
    const deactivated = await signedIn('Deactivated Dee')
    await app.sql('UPDATE citymakers SET _verified = false WHERE id = $1', [deactivated.id])
    const res = await contact(recipient.id, valid, deactivated.token)
    expect(res.status).toBe(401)
    expect(res.body.errors[0].message).toEqual(expect.any(String))
    expect(await messagesFrom(deactivated.id)).toBe(0)
  })

  test('a member who turned contact off: 403 "does not accept messages"', async () => {
    const closed = await member('Closed Cal', { allowContact: false })
    const res = await contact(closed.id, valid, sender.token)
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toBe('Closed Cal does not accept messages')
    expect(JSON.stringify(res.body)).not.toContain(closed.email)
    expect(await rows(app, 'contact_messages', 'recipient_id = $1', [closed.id])).toBe(0)
  })

  test('hidden, inactive, nonexistent and oneself: the same 404 as a profile one cannot see', async () => {
    const hidden = await member('Hidden Hal', { profileVisibility: 'hidden', allowContact: false })
    const inactive = await member('Inactive Ida', { _verified: false })
    const nonexistent = (await app.sql('SELECT coalesce(max(id), 0) + 1000 AS id FROM citymakers')).rows[0].id as number
    const answers = await Promise.all([hidden.id, inactive.id, nonexistent, sender.id, 'not-a-number', '0'].map((id) => contact(id, valid, sender.token)))
    for (const res of answers) expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: { errors: [{ message: 'Not Found' }] } })
    // what reading the profile answers (less the stack trace Payload adds outside production)
    const profile = await api(app, `/api/citymakers/${hidden.id}`, { token: sender.token })
    expect({ status: profile.status, errors: profile.body.errors }).toEqual({ status: 404, errors: answers[0]!.body.errors })
    expect(await messagesFrom(sender.id)).toBe(2)
  })
})

describe('bad input: 400 naming the problem, nothing stored', () => {
  let writer: SignedIn
  beforeAll(async () => {
    writer = await signedIn('Writer Wu')
  })

  test.each([
    ['an empty subject', { ...valid, subject: '   ' }, /^subject must not be empty$/],
    ['no subject', { message: valid.message }, /^subject is required$/],
    ['a subject too long', { ...valid, subject: 'x'.repeat(151) }, /^subject must be at most 150 characters$/],
    ['a subject over two lines', { ...valid, subject: 'Hello\nBcc: everyone@example.org' }, /^subject must be a single line$/],
    ['a subject that is a number', { ...valid, subject: 42 }, /^subject must be a string$/],
    ['an empty message', { ...valid, message: '' }, /^message must not be empty$/],
    ['a message too long', { ...valid, message: 'y'.repeat(5001) }, /^message must be at most 5000 characters$/],
    ['a message that is a list', { ...valid, message: ['hello'] }, /^message must be a string$/],
    ['HTML in the message', { ...valid, message: 'Click <a href="https://evil.example">here</a>' }, /^message must be plain text: HTML tags are not accepted$/],
    ['a script in the subject', { ...valid, subject: '<script>alert(1)</script>' }, /^subject must be plain text/],
    ['control characters', { ...valid, message: 'bell\u0007 and escape\u001b[31m' }, /^message must not contain control characters$/],
    ['an unknown field', { ...valid, recipientEmail: 'x@example.org' }, /^recipientEmail: not accepted/],
    ['both fields wrong', { subject: '', message: 7 }, /subject must not be empty; message must be a string/],
    ['a list instead of an object', [valid], /^The body must be a JSON object/],
  ])('%s', async (_label, json, message) => {
    const res = await contact(recipient.id, json, writer.token)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(message)
    expect(await messagesFrom(writer.id)).toBe(0)
  })

  test('a body that is not JSON', async () => {
    const res = await api(app, `/api/citymakers/${recipient.id}/contact`, { method: 'POST', token: writer.token, headers: { 'content-type': 'application/json' }, body: 'subject=hi&message=there' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toMatch(/The body must be JSON/)
    const none = await api(app, `/api/citymakers/${recipient.id}/contact`, { method: 'POST', token: writer.token })
    expect(none.status).toBe(400)
    expect(await messagesFrom(writer.id)).toBe(0)
  })

  test('a message of exactly the limits is accepted (line breaks kept, surrounding space trimmed)', async () => {
    const res = await contact(recipient.id, { subject: ` ${'s'.repeat(150)} `, message: `${'m'.repeat(4998)}\r\n!` }, writer.token)
    expect(res.status).toBe(202)
    const stored = (await app.sql('SELECT subject, message FROM contact_messages WHERE id = $1', [res.body.id])).rows[0]
    expect(stored.subject).toHaveLength(150)
    expect(stored.message).toBe(`${'m'.repeat(4998)}\n!`)
  })
})

describe('rate limit', () => {
  test(`after ${HOUR_LIMIT} messages in an hour: 429 with Retry-After until the oldest leaves the hour`, async () => {
    const busy = await signedIn('Busy Bea')
    for (let i = 0; i < HOUR_LIMIT; i++) expect((await contact(recipient.id, { ...valid, subject: `Message ${i}` }, busy.token)).status).toBe(202)
    const refused = await contact(recipient.id, valid, busy.token)
    expect(refused.status).toBe(429)
    expect(refused.body.errors[0].message).toMatch(new RegExp(`at most ${HOUR_LIMIT} messages an hour`))
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(3500)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    expect(await messagesFrom(busy.id)).toBe(HOUR_LIMIT)

    // the oldest sent 50 minutes ago: it leaves the window in about 10 minutes
    await app.sql(`UPDATE contact_messages SET created_at = now() - interval '50 minutes' WHERE id = (SELECT min(id) FROM contact_messages WHERE sender_id = $1)`, [busy.id])
    const later = await contact(recipient.id, valid, busy.token)
    expect(later.status).toBe(429)
    expect(Number(later.headers.get('retry-after'))).toBeGreaterThan(540)
    expect(Number(later.headers.get('retry-after'))).toBeLessThanOrEqual(600)

    // two hours later the hour is free again, but the day counts on
    await app.sql(`UPDATE contact_messages SET created_at = created_at - interval '2 hours' WHERE sender_id = $1`, [busy.id])
    for (let i = HOUR_LIMIT; i < DAY_LIMIT; i++) expect((await contact(recipient.id, { ...valid, subject: `Message ${i}` }, busy.token)).status).toBe(202)
    const daily = await contact(recipient.id, valid, busy.token)
    expect(daily.status).toBe(429)
    expect(daily.body.errors[0].message).toMatch(new RegExp(`at most ${DAY_LIMIT} messages a day`))
    // the oldest was sent 2 h 50 min ago: 21 h 10 min to go
    const day = Number(daily.headers.get('retry-after'))
    expect(day).toBeGreaterThan(21 * 3600 + 9 * 60)
    expect(day).toBeLessThanOrEqual(21 * 3600 + 10 * 60)
    expect(await messagesFrom(busy.id)).toBe(DAY_LIMIT)
  })

  test('the limit is per sender: another member still gets through', async () => {
    const calm = await signedIn('Calm Cas')
    expect((await contact(recipient.id, valid, calm.token)).status).toBe(202)
  })

  test('two app instances on one database: concurrent requests at both accept exactly the limit', async () => {
    const second = await startTestApp({ databaseUrl: app.databaseUrl })
    try {
      expect(second.payload).not.toBe(app.payload)
      expect(second.baseUrl).not.toBe(app.baseUrl)
      const racer = await signedIn('Racer Rae')
      const requests = Array.from({ length: 12 }, (_, i) =>
        api(i % 2 ? second : app, `/api/citymakers/${recipient.id}/contact`, { method: 'POST', token: racer.token, json: { ...valid, subject: `Race ${i}` } }),
      )
      const statuses = (await Promise.all(requests)).map((res) => res.status)
      expect(statuses.filter((status) => status === 202)).toHaveLength(HOUR_LIMIT)
      expect(statuses.filter((status) => status === 429)).toHaveLength(12 - HOUR_LIMIT)
      expect(await messagesFrom(racer.id)).toBe(HOUR_LIMIT)
      // the second instance's job runner delivers too
      await runJobs(second)
      expect(await rows(app, 'contact_messages', `sender_id = $1 AND status = 'sent'`, [racer.id])).toBe(HOUR_LIMIT)
    } finally {
      await second.close()
    }
  })
})

describe('delivery is retried and never duplicated', () => {
  // a sender of its own for each test: the hourly limit is small here
  const writer = (name: string) => signedIn(name)

  test('SMTP down: the message waits in the outbox and arrives once when SMTP is back', async () => {
    const patient = await member('Patient Pat')
    const from = await writer('Outage Ola')
    smtp.setDown(true)
    try {
      expect((await contact(patient.id, valid, from.token)).status).toBe(202)
      await runJobs()
      expect(mailsTo(patient.email)).toHaveLength(0)
      const job = (await app.sql(`SELECT total_tried, completed_at FROM payload_jobs WHERE task_slug = 'mailContactMessage' ORDER BY id DESC LIMIT 1`)).rows[0]
      expect({ tried: Number(job.total_tried), completed: job.completed_at }).toEqual({ tried: 1, completed: null })
      expect((await app.sql(`SELECT status FROM contact_messages WHERE recipient_id = $1`, [patient.id])).rows[0].status).toBe('queued')
    } finally {
      smtp.setDown(false)
    }
    await runJobs()
    expect(mailsTo(patient.email)).toHaveLength(1)
    await runJobs()
    expect(mailsTo(patient.email)).toHaveLength(1)
    expect((await app.sql(`SELECT status FROM contact_messages WHERE recipient_id = $1`, [patient.id])).rows[0].status).toBe('sent')
  })

  test('a job that fails after SMTP accepted the mail does not send it again on retry', async () => {
    const once = await member('Once Oli')
    const from = await writer('Crash Cleo')
    const res = await contact(once.id, valid, from.token)
    expect(res.status).toBe(202)
    // marking the message as sent fails (as if the database went away right after the send)
    await app.sql(`CREATE FUNCTION test_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'database unavailable'; END $$`)
    await app.sql(`CREATE TRIGGER test_refuse_update BEFORE UPDATE ON contact_messages FOR EACH ROW EXECUTE FUNCTION test_refuse_update()`)
    try {
      await runJobs()
      expect(mailsTo(once.email)).toHaveLength(1)
      const job = (await app.sql(`SELECT total_tried, completed_at FROM payload_jobs WHERE task_slug = 'mailContactMessage' AND input->>'message' = $1`, [String(res.body.id)])).rows[0]
      expect({ tried: Number(job.total_tried), completed: job.completed_at }).toEqual({ tried: 1, completed: null })
    } finally {
      await app.sql('DROP TRIGGER test_refuse_update ON contact_messages')
      await app.sql('DROP FUNCTION test_refuse_update()')
    }
    await runJobs()
    expect(mailsTo(once.email)).toHaveLength(1)
    expect((await app.sql('SELECT status FROM contact_messages WHERE id = $1', [res.body.id])).rows[0].status).toBe('sent')
    expect(await rows(app, 'payload_jobs', `task_slug = 'mailContactMessage' AND input->>'message' = $1`, [String(res.body.id)])).toBe(0)
  })

  test('a recipient who turns contact off before delivery does not get the message', async () => {
    const changer = await member('Changer Chi')
    const from = await writer('Early Eli')
    expect((await contact(changer.id, valid, from.token)).status).toBe(202)
    await app.payload.update({ collection: 'citymakers', id: changer.id, data: { allowContact: false } })
    await runJobs()
    expect(mailsTo(changer.email)).toHaveLength(0)
  })
})

describe('retention', () => {
  test(`the purge task deletes messages older than CONTACT_RETENTION_DAYS (${RETENTION_DAYS}) and nothing else`, async () => {
    const task = app.payload.config.jobs.tasks?.find((t) => t.slug === 'purgeContactMessages')
    expect(task?.schedule).toEqual([{ cron: '0 3 * * *', queue: 'maintenance' }])
    const keeper = await member('Keeper Kim')
    const create = (subject: string) =>
      app.payload.create({ collection: 'contact-messages', data: { sender: sender.id, recipient: keeper.id, subject, message: 'kept for abuse handling', status: 'queued' } }).then((doc) => doc.id)
    const old = await create('old')
    const older = await create('older')
    const recent = await create('recent')
    const fresh = await create('fresh')
    await app.sql(`UPDATE contact_messages SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [old, RETENTION_DAYS + 1])
    await app.sql(`UPDATE contact_messages SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [older, 400])
    await app.sql(`UPDATE contact_messages SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [recent, RETENTION_DAYS - 1])
    const total = await rows(app, 'contact_messages')

    await app.payload.jobs.queue({ task: 'purgeContactMessages', input: {}, queue: 'maintenance' })
    await runJobs()
    const left = (await app.sql('SELECT id FROM contact_messages WHERE recipient_id = $1 ORDER BY id', [keeper.id])).rows.map((row) => row.id)
    expect(left).toEqual([recent, fresh])
    expect(await rows(app, 'contact_messages')).toBe(total - 2)
  })
})
