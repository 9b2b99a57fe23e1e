import { randomSuffix } from '../../src/lib/embedded-postgres'
import { api, loginAs, startTestApp, type TestApp } from '../support/harness'
import { startSmtp, type ReceivedMail } from '../support/smtp'

/**
 * Case-study alerts end to end: members subscribe through REST, an editor publishes, the job queue
 * matches and mails through a real SMTP server, and the unsubscribe link works without a login.
 */
let app: TestApp
let smtp: Awaited<ReturnType<typeof startSmtp>>
let editor: Awaited<ReturnType<typeof loginAs>>
let author: Awaited<ReturnType<typeof loginAs>>
type Member = Awaited<ReturnType<typeof loginAs>>

const ref = { topic: 0, otherTopic: 0, sdg: 0, otherSdg: 0, partner: 0, otherPartner: 0 }
const city = { freiburg: 0, lyon: 0, nairobi: 0, osaka: 0 }
const fans = {} as Record<'topic' | 'sdg' | 'city' | 'country' | 'region' | 'partner' | 'unrelated' | 'off' | 'unset' | 'weekly' | 'eastAfrica', Member>
let unverified: { id: number; email: string }

const runJobs = async ({ retryFailed = true } = {}) => {
  // jobs that failed wait for their backoff; a test does not
  if (retryFailed) await app.sql(`UPDATE payload_jobs SET wait_until = NULL WHERE completed_at IS NULL AND has_error IS NOT TRUE`)
  // jobs queue jobs (matching queues the first batch): run until nothing is left that may run now
  for (let pass = 0; pass < 6; pass++) {
    const { noJobsRemaining } = await app.payload.jobs.run({ allQueues: true, limit: 100 })
    if (noJobsRemaining) return
  }
}
const transition = (id: number, to: string, token = editor.token) => api(app, `/api/case-studies/${id}/workflow`, { method: 'POST', token, json: { to } })
const isAlert = (mail: ReceivedMail) => mail.subject.startsWith('New case study:')
const isDigest = (mail: ReceivedMail) => mail.subject.startsWith('Your weekly case-study alerts')
// Payload stores addresses in lower case
const sentTo = (mail: ReceivedMail, email: string) => mail.to.includes(email.toLowerCase())
const alertsTo = (email: string) => smtp.received.filter((mail) => isAlert(mail) && sentTo(mail, email))
const digestsTo = (email: string) => smtp.received.filter((mail) => isDigest(mail) && sentTo(mail, email))
const headersOf = (mail: ReceivedMail) => mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
const unsubscribeLinkIn = (text: string) => {
  const match = /(https?:\/\/\S+\/api\/citymakers\/unsubscribe\?token=[^\s"<>]+)/.exec(text)
  if (!match) throw new Error(`no unsubscribe link in: ${text}`)
  return match[1]!
}
const frequencyOf = async (id: number) => (await app.sql('SELECT alerts_frequency::text AS f FROM citymakers WHERE id = $1', [id])).rows[0].f as string | null
const deliveries = async (caseStudy: number) =>
  (await app.sql('SELECT citymaker_id AS citymaker, frequency::text AS frequency, status::text AS status FROM alert_deliveries WHERE case_study_id = $1 ORDER BY citymaker_id', [caseStudy])).rows

/** A member subscribes on their own profile, over REST, like a frontend would. */
async function subscribe(member: Member, alerts: Record<string, unknown>) {
  const res = await api(app, `/api/citymakers/${member.user.id}`, { method: 'PATCH', token: member.token, json: { alerts } })
  expect(res.status).toBe(200)
  return res
}

/** The author writes and submits a case; the editor publishes it. */
async function publishCase(title: string, { provenance, ...data }: Record<string, unknown>) {
  const created = await api(app, '/api/case-studies', { method: 'POST', token: author.token, json: { title, summary: `${title}: what was done and what came of it.`, ...data } })
  expect(created.status).toBe(201)
  const id = created.body.doc.id as number
  // the source partner is the editors' statement (a staff-only field)
  if (provenance) expect((await api(app, `/api/case-studies/${id}`, { method: 'PATCH', token: editor.token, json: { provenance } })).status).toBe(200)
  expect((await transition(id, 'submitted', author.token)).status).toBe(200)
  expect((await transition(id, 'published')).status).toBe(200)
  return id
}

beforeAll(async () => {
  smtp = await startSmtp()
  app = await startTestApp({ env: { SMTP_URL: smtp.url } })
  editor = await loginAs(app, ['editor'], 'editor')
  author = await loginAs(app, ['citymaker'], 'author')
  const [t1, t2] = (await app.sql(`SELECT id FROM topics WHERE scheme = 'topic' ORDER BY id LIMIT 2`)).rows
  const [s1, s2] = (await app.sql(`SELECT id FROM sdgs ORDER BY number LIMIT 2`)).rows
  const [p1, p2] = (await app.sql(`SELECT id FROM partners ORDER BY id LIMIT 2`)).rows
  Object.assign(ref, { topic: t1.id, otherTopic: t2.id, sdg: s1.id, otherSdg: s2.id, partner: p1.id, otherPartner: p2.id })
  for (const [key, name, country] of [['freiburg', 'Freiburg im Breisgau', 'DE'], ['lyon', 'Lyon', 'FR'], ['nairobi', 'Nairobi', 'KE'], ['osaka', 'Osaka', 'JP']] as const) {
    city[key] = (await app.payload.create({ collection: 'cities', data: { name, country } as never })).id as number
  }
  for (const key of Object.keys({ topic: 0, sdg: 0, city: 0, country: 0, region: 0, partner: 0, unrelated: 0, off: 0, unset: 0, weekly: 0, eastAfrica: 0 }) as Array<keyof typeof fans>) {
    fans[key] = await loginAs(app, ['citymaker'], `${key}-fan`)
  }
  const email = `unverified-${randomSuffix()}@test.use.invalid`
  const created = await app.payload.create({
    collection: 'citymakers',
    data: { email, password: `pw-${randomSuffix()}-${randomSuffix()}`, displayName: 'Unverified', roles: ['citymaker'], _verified: false, alerts: { frequency: 'immediate', topics: [ref.topic] } } as never,
    disableVerificationEmail: true,
    context: { skipNotifications: true },
  })
  unverified = { id: created.id as number, email }
})
afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

describe('subscriptions live on the member’s own profile', () => {
  test('nothing is subscribed by default', async () => {
    const me = await api(app, `/api/citymakers/${fans.unset.user.id}`, { token: fans.unset.token })
    expect(me.status).toBe(200)
    expect(me.body.alerts).toMatchObject({ frequency: 'off', topics: [], sdgs: [], cities: [], partners: [] })
  })

  test('members choose a frequency and any mix of topics, SDGs, cities, countries, regions and partners', async () => {
    await subscribe(fans.topic, { frequency: 'immediate', topics: [ref.topic] })
    await subscribe(fans.sdg, { frequency: 'immediate', sdgs: [ref.sdg] })
    await subscribe(fans.city, { frequency: 'immediate', cities: [city.freiburg] })
    await subscribe(fans.country, { frequency: 'immediate', countries: ['DE'] })
    // Western Europe: the sub-region of Germany
    await subscribe(fans.region, { frequency: 'immediate', regions: ['m49-155'] })
    await subscribe(fans.partner, { frequency: 'immediate', partners: [ref.partner] })
    await subscribe(fans.unrelated, {
      frequency: 'immediate', topics: [ref.otherTopic], sdgs: [ref.otherSdg], cities: [city.osaka], countries: ['JP'], regions: ['m49-030'], partners: [ref.otherPartner],
    })
    await subscribe(fans.off, { frequency: 'off', topics: [ref.topic], countries: ['DE'] })
    // topics without a frequency: still off
    await subscribe(fans.unset, { topics: [ref.topic] })
    await subscribe(fans.weekly, { frequency: 'weekly', topics: [ref.topic] })
    // Eastern Africa: an intermediate region, which cities do not store
    await subscribe(fans.eastAfrica, { frequency: 'immediate', regions: ['m49-014'] })
    // the author follows the topic too: their own case is no news to them
    await subscribe(author, { frequency: 'immediate', topics: [ref.topic] })

    const me = await api(app, `/api/citymakers/${fans.unrelated.user.id}?depth=0`, { token: fans.unrelated.token })
    expect(me.body.alerts).toEqual({
      frequency: 'immediate', topics: [ref.otherTopic], sdgs: [ref.otherSdg], cities: [city.osaka], countries: ['JP'], regions: ['m49-030'], partners: [ref.otherPartner],
    })
    expect(await frequencyOf(fans.unset.user.id)).toBe('off')
    const rels = (await app.sql(`SELECT path, count(*)::int AS n FROM citymakers_rels WHERE parent_id = $1 AND path LIKE 'alerts.%' GROUP BY path ORDER BY path`, [fans.unrelated.user.id])).rows
    expect(rels).toEqual([{ path: 'alerts.cities', n: 1 }, { path: 'alerts.partners', n: 1 }, { path: 'alerts.sdgs', n: 1 }, { path: 'alerts.topics', n: 1 }])
  })

  test('another member can neither read nor change them', async () => {
    const seen = await api(app, `/api/citymakers/${fans.topic.user.id}`, { token: fans.sdg.token })
    expect(seen.status).toBe(200)
    expect(seen.body.displayName).toBe('topic-fan')
    expect(seen.body.alerts).toBeUndefined()
    const anonymous = await api(app, `/api/citymakers/${fans.topic.user.id}`)
    expect(anonymous.body.alerts).toBeUndefined()
    const list = await api(app, `/api/citymakers?where[id][equals]=${fans.topic.user.id}`, { token: fans.sdg.token })
    expect(list.body.docs[0].alerts).toBeUndefined()
    const changed = await api(app, `/api/citymakers/${fans.topic.user.id}`, { method: 'PATCH', token: fans.sdg.token, json: { alerts: { frequency: 'off' } } })
    expect([403, 404]).toContain(changed.status)
    expect(await frequencyOf(fans.topic.user.id)).toBe('immediate')
  })
})

describe('publishing a case alerts its subscribers', () => {
  let caseId: number

  test('immediately: one mail per matching member, whichever dimension matched', async () => {
    const sent = smtp.received.length
    caseId = await publishCase('Solar cooperatives on Freiburg school roofs', {
      topics: [ref.topic], sdgs: [ref.sdg], cities: [city.freiburg], provenance: { sourcePartner: ref.partner },
    })
    await runJobs()
    const alerts = smtp.received.slice(sent).filter(isAlert)
    const expected = [fans.topic, fans.sdg, fans.city, fans.country, fans.region, fans.partner].map((m) => m.email.toLowerCase())
    expect(alerts.flatMap((mail) => mail.to).sort()).toEqual([...expected].sort())
    for (const mail of alerts) {
      expect(mail.to).toHaveLength(1)
      expect(mail.subject).toBe('New case study: Solar cooperatives on Freiburg school roofs')
      expect(mail.text).toContain('Freiburg im Breisgau')
      expect(mail.text).toContain(`${app.baseUrl}/api/case-studies/${caseId}`)
    }
  })

  test('non-matching, switched-off, unset and unverified members and the author get no alert', async () => {
    for (const email of [fans.unrelated.email, fans.off.email, fans.unset.email, fans.weekly.email, fans.eastAfrica.email, unverified.email, author.email]) {
      expect(alertsTo(email)).toHaveLength(0)
    }
    // the author still hears about the decision
    expect(smtp.received.some((mail) => sentTo(mail, author.email) && mail.subject.startsWith('Your case study is published'))).toBe(true)
    const rows = await deliveries(caseId)
    expect(rows.map((r) => r.citymaker).sort()).toEqual([fans.topic, fans.sdg, fans.city, fans.country, fans.region, fans.partner, fans.weekly].map((m) => m.user.id).sort())
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(6)
    expect(rows.find((r) => r.citymaker === fans.weekly.user.id)).toMatchObject({ frequency: 'weekly', status: 'pending' })
  })

  test('every alert carries a one-click unsubscribe link and the RFC 8058 headers', async () => {
    const [mail] = alertsTo(fans.topic.email)
    const link = unsubscribeLinkIn(mail!.text)
    expect(link.startsWith(`${app.baseUrl}/api/citymakers/unsubscribe?token=`)).toBe(true)
    const headers = headersOf(mail!)
    expect(headers).toContain(`List-Unsubscribe: <${link}>`)
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
    // each member's link is their own
    expect(unsubscribeLinkIn(alertsTo(fans.sdg.email)[0]!.text)).not.toBe(link)
  })

  test('unpublishing and publishing again sends nothing twice', async () => {
    const sent = smtp.received.length
    expect((await transition(caseId, 'draft')).status).toBe(200)
    expect((await transition(caseId, 'published')).status).toBe(200)
    await runJobs()
    expect(smtp.received.slice(sent).filter(isAlert)).toHaveLength(0)
    expect(await deliveries(caseId)).toHaveLength(7)
    for (const member of [fans.topic, fans.sdg, fans.city, fans.country, fans.region, fans.partner]) expect(alertsTo(member.email)).toHaveLength(1)
  })
})

describe('a case with alerts can still be deleted', () => {
  test('an editor deletes a published case that was alerted: the case and its deliveries go, nothing else', async () => {
    const id = await publishCase('A case deleted after its alerts', { topics: [ref.topic] })
    await runJobs()
    expect((await deliveries(id)).length).toBeGreaterThan(0)
    const others = (await app.sql('SELECT count(*)::int AS n FROM alert_deliveries WHERE case_study_id <> $1', [id])).rows[0].n
    const res = await api(app, `/api/case-studies/${id}`, { method: 'DELETE', token: editor.token })
    expect(res.status).toBe(200)
    expect(await deliveries(id)).toEqual([])
    expect((await app.sql('SELECT count(*)::int AS n FROM alert_deliveries')).rows[0].n).toBe(others)
  })
})

describe('unsubscribing from the link in the mail, without logging in', () => {
  test('opening the link shows a confirm button and changes nothing (mail scanners open links)', async () => {
    const link = unsubscribeLinkIn(alertsTo(fans.topic.email)[0]!.text)
    const page = await fetch(link, { headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<form method="post"')
    expect(html).toContain('Unsubscribe</button>')
    expect(await frequencyOf(fans.topic.user.id)).toBe('immediate')
  })

  test('the one-click POST turns alerts off and keeps the chosen topics', async () => {
    const link = unsubscribeLinkIn(alertsTo(fans.topic.email)[0]!.text)
    const res = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })
    expect(res.status).toBe(200)
    expect((await res.json()).message).toMatch(/Alerts are off/)
    expect(await frequencyOf(fans.topic.user.id)).toBe('off')
    const me = await api(app, `/api/citymakers/${fans.topic.user.id}?depth=0`, { token: fans.topic.token })
    expect(me.body.alerts).toMatchObject({ frequency: 'off', topics: [ref.topic] })
    // again: still fine
    expect((await fetch(link, { method: 'POST' })).status).toBe(200)
  })

  test('the confirm button of the page works the same way', async () => {
    const link = unsubscribeLinkIn(alertsTo(fans.sdg.email)[0]!.text)
    const res = await fetch(link, { method: 'POST', headers: { accept: 'text/html' } })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('You are unsubscribed')
    expect(await frequencyOf(fans.sdg.user.id)).toBe('off')
  })

  test('a forged, altered or missing token is refused with 400 naming the token, and changes nothing', async () => {
    const link = unsubscribeLinkIn(alertsTo(fans.city.email)[0]!.text)
    const token = new URL(link).searchParams.get('token')!
    const signatureOfCity = token.split('.')[1]!
    const forged = [
      `${fans.country.user.id}.${signatureOfCity}`,
      `${fans.city.user.id}.${'A'.repeat(43)}`,
      `${fans.city.user.id}`,
      token.slice(0, -1),
      'garbage',
    ]
    for (const bad of forged) {
      for (const method of ['GET', 'POST']) {
        const res = await api(app, `/api/citymakers/unsubscribe?token=${encodeURIComponent(bad)}`, { method })
        expect({ bad, method, status: res.status }).toEqual({ bad, method, status: 400 })
        expect(res.body.errors[0].message).toMatch(/^token /)
      }
    }
    const missing = await api(app, '/api/citymakers/unsubscribe', { method: 'POST' })
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].message).toMatch(/token is missing/)
    expect(await frequencyOf(fans.city.user.id)).toBe('immediate')
    expect(await frequencyOf(fans.country.user.id)).toBe('immediate')
  })

  test('an unsubscribed member gets no further alerts', async () => {
    const sent = smtp.received.length
    // a case with several cities matches through any of them
    const id = await publishCase('Community energy in Freiburg', { topics: [ref.topic], sdgs: [ref.sdg], cities: [city.lyon, city.freiburg] })
    await runJobs()
    const to = smtp.received.slice(sent).filter(isAlert).flatMap((mail) => mail.to)
    expect(to).not.toContain(fans.topic.email.toLowerCase())
    expect(to).not.toContain(fans.sdg.email.toLowerCase())
    expect(to).toEqual(expect.arrayContaining([fans.city, fans.country, fans.region].map((m) => m.email.toLowerCase())))
    expect((await deliveries(id)).map((r) => r.citymaker)).not.toContain(fans.topic.user.id)
  })
})

describe('weekly digests', () => {
  const digest = async () => {
    await app.payload.jobs.queue({ task: 'weeklyDigest', input: {}, queue: 'digest' })
    await runJobs()
  }

  test('publishing sends weekly subscribers nothing right away', async () => {
    expect(alertsTo(fans.weekly.email)).toHaveLength(0)
    expect(digestsTo(fans.weekly.email)).toHaveLength(0)
  })

  test('the digest is one mail listing the member’s new cases that are still published', async () => {
    const withdrawn = await publishCase('Cargo bikes for Lyon markets', { topics: [ref.topic], cities: [city.lyon] })
    await runJobs()
    expect((await transition(withdrawn, 'draft')).status).toBe(200)
    const sent = smtp.received.length
    await digest()
    const mails = smtp.received.slice(sent)
    expect(mails.filter(isAlert)).toHaveLength(0)
    const digests = mails.filter(isDigest)
    expect(digests).toHaveLength(1)
    const [mail] = digests
    expect(mail!.to).toEqual([fans.weekly.email.toLowerCase()])
    expect(mail!.subject).toBe('Your weekly case-study alerts: 2 new case studies')
    expect(mail!.text).toContain('Solar cooperatives on Freiburg school roofs')
    expect(mail!.text).toContain('Community energy in Freiburg')
    expect(mail!.text).not.toContain('Cargo bikes for Lyon markets')
    const link = unsubscribeLinkIn(mail!.text)
    expect(headersOf(mail!)).toContain(`List-Unsubscribe: <${link}>`)
    expect(headersOf(mail!)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m)
    // the withdrawn case waits: it goes out if it is published again
    expect((await deliveries(withdrawn)).find((r) => r.citymaker === fans.weekly.user.id)).toMatchObject({ status: 'pending' })
  })

  test('a member with nothing new gets no digest', async () => {
    const sent = smtp.received.length
    await digest()
    expect(smtp.received.slice(sent)).toHaveLength(0)
  })
})

describe('when the SMTP server is down', () => {
  test('the batch fails, is retried, and each alert arrives once after SMTP is back', async () => {
    smtp.setDown(true)
    let id: number
    try {
      id = await publishCase('Matatu route mapping in Nairobi', { cities: [city.nairobi] })
      await runJobs({ retryFailed: false })
      expect(alertsTo(fans.eastAfrica.email)).toHaveLength(0)
      expect(await deliveries(id)).toEqual([{ citymaker: fans.eastAfrica.user.id, frequency: 'immediate', status: 'pending' }])
      const { rows: failed } = await app.sql(`SELECT total_tried::int AS total_tried, has_error, completed_at FROM payload_jobs WHERE task_slug = 'sendAlertBatch' AND completed_at IS NULL`)
      expect(failed).toEqual([{ total_tried: 1, has_error: false, completed_at: null }])
      await runJobs()
      expect(alertsTo(fans.eastAfrica.email)).toHaveLength(0)
    } finally {
      smtp.setDown(false)
    }
    await runJobs()
    expect(alertsTo(fans.eastAfrica.email)).toHaveLength(1)
    expect(alertsTo(fans.eastAfrica.email)[0]!.subject).toBe('New case study: Matatu route mapping in Nairobi')
    await runJobs()
    await runJobs()
    expect(alertsTo(fans.eastAfrica.email)).toHaveLength(1)
    expect(await deliveries(id)).toEqual([{ citymaker: fans.eastAfrica.user.id, frequency: 'immediate', status: 'sent' }])
  })
})
