import { Validator } from '@seriousme/openapi-schema-validator'
import Ajv2020 from 'ajv/dist/2020'

import { ourEndpoints } from '../src/lib/openapi'
import { api, startTestApp, type TestApp } from './support/harness'

/**
 * `/api/openapi.json`: a valid OpenAPI 3.1 document, describing every endpoint of ours (a new
 * endpoint without a description fails here, by name), whose response schemas match what the
 * endpoints really answer.
 */
let app: TestApp
let doc: any

/** Payload's own routes: described generically or not at all. Anything else needs a description. */
const PAYLOAD_ROUTES = new Set([
  'get /', 'post /', 'patch /', 'delete /', 'get /{id}', 'patch /{id}', 'delete /{id}', 'get /count', 'post /access/{id}?', 'get /versions',
  'get /versions/{id}', 'post /versions/{id}', 'post /{id}/duplicate', 'post /login', 'post /logout', 'get /me', 'post /refresh-token',
  'post /forgot-password', 'post /reset-password', 'post /verify/{token}', 'post /verify/{id}', 'post /unlock', 'post /first-register', 'get /init',
  'get /file/{filename}', 'get /paste-url/{id}?', 'get /{id}/preview', 'get /access', 'post /access/{id}',
])

beforeAll(async () => {
  app = await startTestApp()
  const res = await api(app, '/api/openapi.json')
  expect(res.status).toBe(200)
  doc = res.body
}, 180_000)
afterAll(async () => {
  await app?.close()
})

test('is a valid OpenAPI 3.1 document', async () => {
  const result = await new Validator().validate(doc)
  expect(result.errors ?? []).toEqual([])
  expect(result.valid).toBe(true)
  expect(doc.openapi).toBe('3.1.0')
})

test('describes every endpoint of ours', () => {
  const undocumented = ourEndpoints(app.payload.config)
    .filter((endpoint) => !endpoint.operation)
    // Payload's own collections (jobs, preferences…) are internal: access tests cover them
    .filter((endpoint) => !endpoint.path.startsWith('/api/payload-'))
    .filter((endpoint) => {
      const local = endpoint.path.replace(/^\/api\/[^/]+/, '') || '/'
      return !PAYLOAD_ROUTES.has(`${endpoint.method} ${local}`)
    })
    .map((endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path}`)
  expect(undocumented).toEqual([])
  for (const path of ['/api/case-studies/search', '/api/case-studies/geo', '/api/case-studies/{id}/related', '/api/case-studies/{id}/workflow', '/api/citymakers/{id}/contact', '/api/cities/{id}/merge']) {
    expect(Object.keys(doc.paths)).toContain(path)
  }
  expect(doc.paths['/api/case-studies/search'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['q', 'sdg', 'target', 'partner', 'yearFrom', 'sort', 'limit']))
  // every {param} of a path is declared
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const operation of Object.values<any>(item)) {
      const declared = (operation.parameters ?? []).filter((p: any) => p.in === 'path').map((p: any) => p.name)
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) expect({ path, declared }).toEqual({ path, declared: expect.arrayContaining([name]) })
    }
  }
})

test('what the endpoints answer matches the documented schemas', async () => {
  const ajv = new Ajv2020({ strict: false })
  const check = (schemaRef: unknown, body: unknown) => {
    const validate = ajv.compile({ $id: `urn:check:${Math.random()}`, components: doc.components, ...(schemaRef as object) })
    expect({ valid: validate(body), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null })
  }
  const city = (await app.payload.create({ collection: 'cities', data: { name: 'Quito', country: 'EC', location: { lat: -0.18, lng: -78.47 } } as never })).id
  const made = await app.payload.create({ collection: 'case-studies', data: { title: 'Cable car to the hills', summary: 'Aerial transit.', cities: [city], workflowState: 'published', _status: 'published' } as never, overrideAccess: true })
  await app.payload.create({ collection: 'case-studies', data: { title: 'Cable car maintenance', summary: 'Keeping it running.', cities: [city], workflowState: 'published', _status: 'published' } as never, overrideAccess: true })

  const search = await api(app, '/api/case-studies/search?q=cable')
  expect(search.body.totalDocs).toBe(2)
  check(doc.paths['/api/case-studies/search'].get.responses['200'].content['application/json'].schema, search.body)
  const geo = await api(app, '/api/case-studies/geo?bbox=-80,-2,-77,1')
  expect(geo.body.features).toHaveLength(2)
  check(doc.paths['/api/case-studies/geo'].get.responses['200'].content['application/geo+json'].schema, geo.body)
  const related = await api(app, `/api/case-studies/${made.id}/related`)
  expect(related.body.docs.length).toBeGreaterThan(0)
  check(doc.paths['/api/case-studies/{id}/related'].get.responses['200'].content['application/json'].schema, related.body)
  const bad = await api(app, '/api/case-studies/search?colour=red')
  check(doc.paths['/api/case-studies/search'].get.responses['400'].content['application/json'].schema, bad.body)
  const list = await api(app, '/api/case-studies?limit=1')
  check(doc.paths['/api/case-studies'].get.responses['200'].content['application/json'].schema, list.body)
})
