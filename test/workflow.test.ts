import { api, graphql, loginAs, startTestApp, type TestApp } from './support/harness'
import { startSmtp } from './support/smtp'

/**
 * The editorial workflow through the doors its users use: REST (and GraphQL for reads), with
 * notifications delivered to a real SMTP server by the job queue.
 */
let app: TestApp
let smtp: Awaited<ReturnType<typeof startSmtp>>
let author: Awaited<ReturnType<typeof loginAs>>
let other: Awaited<ReturnType<typeof loginAs>>
let editor: Awaited<ReturnType<typeof loginAs>>

beforeAll(async () => {
  smtp = await startSmtp()
  app = await startTestApp({ env: { SMTP_URL: smtp.url } })
  author = await loginAs(app, ['citymaker'], 'author')
  other = await loginAs(app, ['citymaker'], 'other')
  editor = await loginAs(app, ['editor'], 'editor')
})
afterAll(async () => {
  await app?.close()
  await smtp?.close()
})

const runJobs = () => app.payload.jobs.run({ allQueues: true, limit: 100 })
const stateOf = async (id: number) => (await app.sql('SELECT workflow_state, _status, updated_at::text FROM case_studies WHERE id = $1', [id])).rows[0]
const transition = (id: number, to: string, token?: string, comment?: string) =>
  api(app, `/api/case-studies/${id}/workflow`, { method: 'POST', token, json: { to, ...(comment ? { comment } : {}) } })

describe('a citymaker drafts, submits and an editor reviews', () => {
  let id: number

  test('a citymaker creates a draft; the body cannot publish it or name another author', async () => {
    const res = await api(app, '/api/case-studies', {
      method: 'POST',
      token: author.token,
      json: { title: 'Rain gardens on school grounds', summary: 'Schools turn asphalt into rain gardens.', workflowState: 'published', _status: 'published', author: other.user.id, featured: true },
    })
    expect(res.status).toBe(201)
    id = res.body.doc.id
    expect(res.body.doc).toMatchObject({ workflowState: 'draft', _status: 'draft', featured: false })
    expect(res.body.doc.author.id ?? res.body.doc.author).toBe(author.user.id)
    expect(await stateOf(id)).toMatchObject({ workflow_state: 'draft', _status: 'draft' })
  })

  test('the draft is invisible to anonymous visitors and to other citymakers, visible to its author and editors', async () => {
    expect((await api(app, `/api/case-studies/${id}`)).status).toBe(404)
    expect((await api(app, `/api/case-studies/${id}`, { token: other.token })).status).toBe(404)
    expect((await api(app, `/api/case-studies/${id}?draft=true`, { token: other.token })).status).toBe(404)
    expect((await api(app, `/api/case-studies/${id}`, { token: author.token })).status).toBe(200)
    expect((await api(app, `/api/case-studies/${id}`, { token: editor.token })).status).toBe(200)
    const gql = await graphql(app, `{ CaseStudies(where: { id: { equals: ${id} } }) { docs { id } } }`)
    expect(gql.body.data.CaseStudies.docs).toEqual([])
  })

  test('the author may not publish; another citymaker may not submit; nobody anonymous may act', async () => {
    const before = await stateOf(id)
    const publish = await transition(id, 'published', author.token)
    expect(publish.status).toBe(403)
    expect(publish.body.errors[0].message).toMatch(/draft → published/)
    expect((await transition(id, 'submitted', other.token)).status).toBe(404)
    expect((await transition(id, 'submitted')).status).toBe(401)
    const patch = await api(app, `/api/case-studies/${id}`, { method: 'PATCH', token: other.token, json: { title: 'Hijacked' } })
    expect([403, 404]).toContain(patch.status)
    expect(await stateOf(id)).toEqual(before)
  })

  test('submitting notifies the editors with a link to the case in the admin panel', async () => {
    const res = await transition(id, 'submitted', author.token)
    expect(res.status).toBe(200)
    expect(res.body.doc).toMatchObject({ workflowState: 'submitted', _status: 'draft' })
    const sent = smtp.received.length
    await runJobs()
    const mails = smtp.received.slice(sent)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.to).toContain(editor.email)
    expect(mails[0]!.to).not.toContain(author.email)
    expect(mails[0]!.subject).toBe('Case study submitted for review: Rain gardens on school grounds')
    expect(mails[0]!.text).toContain(`${app.baseUrl}/admin/collections/case-studies/${id}`)
    await runJobs()
    expect(smtp.received.length).toBe(sent + 1)
  })

  test('a submitted case cannot be edited by its author', async () => {
    const res = await api(app, `/api/case-studies/${id}`, { method: 'PATCH', token: author.token, json: { title: 'Changed after submitting' } })
    expect([403, 404]).toContain(res.status)
    const { rows } = await app.sql(`SELECT title FROM case_studies_locales WHERE _parent_id = $1 AND _locale = 'en'`, [id])
    expect(rows[0].title).toBe('Rain gardens on school grounds')
  })

  test('requesting changes needs a comment, which reaches the author by mail', async () => {
    const missing = await transition(id, 'changes_requested', editor.token)
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].message).toMatch(/needs a comment/)
    expect((await stateOf(id)).workflow_state).toBe('submitted')

    const res = await transition(id, 'changes_requested', editor.token, 'Please add the results section and a photo.')
    expect(res.status).toBe(200)
    const sent = smtp.received.length
    await runJobs()
    const mail = smtp.received.slice(sent)
    expect(mail).toHaveLength(1)
    expect(mail[0]!.to).toEqual([author.email])
    expect(mail[0]!.subject).toBe('Changes requested for your case study: Rain gardens on school grounds')
    expect(mail[0]!.text).toContain('Please add the results section and a photo.')
  })

  test('the author edits and resubmits; the editor publishes; the public sees it', async () => {
    const edit = await api(app, `/api/case-studies/${id}`, { method: 'PATCH', token: author.token, json: { teaser: 'Schoolyards that soak up storms.' } })
    expect(edit.status).toBe(200)
    expect((await transition(id, 'submitted', author.token)).status).toBe(200)
    const published = await transition(id, 'published', editor.token)
    expect(published.status).toBe(200)
    expect(published.body.doc).toMatchObject({ workflowState: 'published', _status: 'published' })
    const pub = await api(app, `/api/case-studies/${id}`)
    expect(pub.status).toBe(200)
    expect(pub.body.teaser).toBe('Schoolyards that soak up storms.')
    expect(pub.body.lastReviewedAt).toBeTruthy()
    const sent = smtp.received.length
    await runJobs()
    expect(smtp.received.slice(sent).map((m) => m.subject)).toEqual(expect.arrayContaining(['Your case study is published: Rain gardens on school grounds']))
  })

  test('illegal transitions are refused with the transition named, and nothing changes', async () => {
    const before = await stateOf(id)
    const res = await transition(id, 'changes_requested', editor.token, 'too late')
    expect(res.status).toBe(400)
    expect(res.body.errors[0].message).toBe('Illegal workflow transition published → changes_requested')
    const unknown = await transition(id, 'deleted', editor.token)
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].message).toMatch(/to must be one of/)
    const viaPatch = await api(app, `/api/case-studies/${id}`, { method: 'PATCH', token: editor.token, json: { workflowState: 'submitted' } })
    expect(viaPatch.status).toBe(400)
    expect(await stateOf(id)).toEqual(before)
  })

  test('archiving takes it off the public site', async () => {
    expect((await transition(id, 'archived', editor.token)).status).toBe(200)
    expect((await api(app, `/api/case-studies/${id}`)).status).toBe(404)
    expect((await stateOf(id))._status).toBe('draft')
  })

  test('the audit trail records who, when, what and why; readable by the author and editors only', async () => {
    const mine = await api(app, `/api/workflow-events?where[caseStudy][equals]=${id}&sort=createdAt&depth=0`, { token: author.token })
    expect(mine.status).toBe(200)
    expect(mine.body.docs.map((e: { from: string; to: string }) => `${e.from}→${e.to}`)).toEqual([
      'draft→submitted', 'submitted→changes_requested', 'changes_requested→submitted', 'submitted→published', 'published→archived',
    ])
    const request = mine.body.docs[1]
    expect(request).toMatchObject({ actor: editor.user.id, comment: 'Please add the results section and a photo.' })
    expect(request.createdAt).toBeTruthy()
    const theirs = await api(app, `/api/workflow-events?where[caseStudy][equals]=${id}`, { token: other.token })
    expect(theirs.body.docs).toEqual([])
    expect((await api(app, '/api/workflow-events')).status).toBe(403)
    const forge = await api(app, '/api/workflow-events', { method: 'POST', token: editor.token, json: { caseStudy: id, from: 'x', to: 'y' } })
    expect(forge.status).toBe(403)
  })
})
