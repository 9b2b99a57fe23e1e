import { api, loginAs, startTestApp, type TestApp } from '../support/harness'

/** Editors merge a duplicate city or topic into the right one: every reference moves, none is lost. */
let app: TestApp
let editor: Awaited<ReturnType<typeof loginAs>>
let citymaker: Awaited<ReturnType<typeof loginAs>>

beforeAll(async () => {
  app = await startTestApp()
  editor = await loginAs(app, ['editor'])
  citymaker = await loginAs(app, ['citymaker'])
})
afterAll(async () => {
  await app?.close()
})

const createCity = async (name: string) =>
  (await api(app, '/api/cities', { method: 'POST', token: editor.token, json: { name, country: 'PT' } })).body.doc.id as number

describe('merging reference data', () => {
  test('a duplicate city used by cases (published and draft), a profile and an article is merged into the right city', async () => {
    const lisbon = await createCity('Lisbon')
    const duplicate = await createCity('Lisboa (duplicate)')
    const porto = await createCity('Porto')
    const published = await app.payload.create({ collection: 'case-studies', data: { title: 'Tram network renewal', cities: [duplicate, porto], workflowState: 'published' } as never })
    const both = await app.payload.create({ collection: 'case-studies', data: { title: 'Riverside park', cities: [lisbon, duplicate] } as never })
    await app.payload.update({ collection: 'citymakers', id: citymaker.user.id, data: { city: duplicate } as never })
    const article = await app.payload.create({ collection: 'articles', data: { title: 'Lisbon news', cities: [duplicate], _status: 'published' } as never })

    const refused = await api(app, `/api/cities/${duplicate}`, { method: 'DELETE', token: editor.token })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/still used by 4 documents/)

    const res = await api(app, `/api/cities/${duplicate}/merge`, { method: 'POST', token: editor.token, json: { into: lisbon } })
    expect(res.status).toBe(200)
    expect(res.body.message).toBe(`Merged cities ${duplicate} into ${lisbon}`)

    expect((await api(app, `/api/cities/${duplicate}`)).status).toBe(404)
    const cityIds = async (id: number) =>
      ((await app.payload.findByID({ collection: 'case-studies', id, depth: 0, draft: true })).cities as number[])
    expect(await cityIds(published.id)).toEqual([lisbon, porto])
    expect(await cityIds(both.id)).toEqual([lisbon])
    const member = await app.payload.findByID({ collection: 'citymakers', id: citymaker.user.id, depth: 0 })
    expect(member.city).toBe(lisbon)
    const news = await app.payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(news.cities).toEqual([lisbon])
    // versions move too: no history row points at the deleted city
    const { rows } = await app.sql('SELECT count(*)::int AS n FROM _case_studies_v_rels WHERE cities_id = $1', [duplicate])
    expect(rows[0].n).toBe(0)
    const publicView = await api(app, `/api/case-studies/${published.id}?depth=0`)
    expect(publicView.body.cities).toEqual([lisbon, porto])
  })

  test('bad merges are refused and change nothing', async () => {
    const a = await createCity('Braga')
    const b = await createCity('Braga (old)')
    await app.payload.create({ collection: 'case-studies', data: { title: 'Braga case', cities: [b] } as never })
    const count = async () => (await app.sql('SELECT count(*)::int AS n FROM case_studies_rels WHERE cities_id = $1', [b])).rows[0].n

    expect((await api(app, `/api/cities/${b}/merge`, { method: 'POST', json: { into: a } })).status).toBe(403)
    expect((await api(app, `/api/cities/${b}/merge`, { method: 'POST', token: citymaker.token, json: { into: a } })).status).toBe(403)
    const self = await api(app, `/api/cities/${b}/merge`, { method: 'POST', token: editor.token, json: { into: b } })
    expect(self.status).toBe(400)
    expect(self.body.errors[0].message).toBe('A document cannot be merged into itself')
    const missing = await api(app, `/api/cities/${b}/merge`, { method: 'POST', token: editor.token, json: { into: 999999 } })
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0].message).toBe('No cities with id 999999')
    const noBody = await api(app, `/api/cities/${b}/merge`, { method: 'POST', token: editor.token, json: {} })
    expect(noBody.status).toBe(400)
    expect(noBody.body.errors[0].message).toMatch(/into/)
    expect(await count()).toBe(1)
    expect((await api(app, `/api/cities/${b}`)).status).toBe(200)
  })

  test('topics merge the same way', async () => {
    const { docs } = await app.payload.find({ collection: 'topics', where: { slug: { in: ['mobility', 'energy'] } }, depth: 0 })
    const [first, second] = docs
    const useCase = await app.payload.create({ collection: 'case-studies', data: { title: 'Topic merge case', topics: [second!.id] } as never })
    const res = await api(app, `/api/topics/${second!.id}/merge`, { method: 'POST', token: editor.token, json: { into: first!.id } })
    expect(res.status).toBe(200)
    const after = await app.payload.findByID({ collection: 'case-studies', id: useCase.id, depth: 0, draft: true })
    expect(after.topics).toEqual([first!.id])
  })
})
