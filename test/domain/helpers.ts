import { paragraphsToLexical } from '../../src/lib/lexical'
import { api, type TestApp } from '../support/harness'

/** Shared helpers of the domain-model suite: database counts, error bodies, reference ids. */

export type Response = Awaited<ReturnType<typeof api>>
export type FieldError = { path: string; message: string; label?: string }

/** Rows of a table, optionally filtered: the database state a refused request must not change. */
export async function rows(app: TestApp, table: string, where = 'TRUE', values: unknown[] = []): Promise<number> {
  const { rows: result } = await app.sql(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, values)
  return result[0].n as number
}

/** Row counts of several tables at once, to compare before and after a request. */
export async function snapshot(app: TestApp, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of tables) counts[table] = await rows(app, table)
  return counts
}

/** Field errors of a REST ValidationError body. */
export function fieldErrors(body: any): FieldError[] {
  return (body?.errors ?? []).flatMap((error: any) => error?.data?.errors ?? [])
}

/** Expects a 400 whose body names `path` and whose message for it matches `message`. */
export function expectFieldError(res: Response, path: string, message: RegExp): FieldError {
  expect({ status: res.status, paths: fieldErrors(res.body).map((e) => e.path) }).toEqual({ status: 400, paths: expect.arrayContaining([path]) })
  const error = fieldErrors(res.body).find((e) => e.path === path)!
  expect(error.message).toMatch(message)
  // the top-level message names the field too (by its label, else its path), for clients that show only that
  expect(res.body.errors[0].message).toMatch(/^The following fields? (is|are) invalid: /)
  expect(res.body.errors[0].message).toContain(error.label ?? path)
  return error
}

export const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)

/** Ids of seeded reference data, looked up over REST like a client would. */
export async function idOf(app: TestApp, collection: string, field: string, value: string | number): Promise<number> {
  const res = await api(app, `/api/${collection}?where[${field}][equals]=${encodeURIComponent(String(value))}&depth=0&limit=1`)
  if (res.status !== 200 || res.body.docs.length !== 1) throw new Error(`no ${collection} with ${field}=${value}: ${JSON.stringify(res.body)}`)
  return res.body.docs[0].id as number
}

export const sdgId = (app: TestApp, number: number) => idOf(app, 'sdgs', 'number', number)
export const targetId = (app: TestApp, code: string) => idOf(app, 'sdg-targets', 'code', code)
export const topicId = (app: TestApp, slug: string) => idOf(app, 'topics', 'slug', slug)
export const partnerId = (app: TestApp, slug: string) => idOf(app, 'partners', 'slug', slug)

/** POST helper returning the response; `token` undefined means anonymous. */
export const post = (app: TestApp, collection: string, json: unknown, token?: string, query = '') =>
  api(app, `/api/${collection}${query}`, { method: 'POST', json, token })
export const patch = (app: TestApp, collection: string, id: number | string, json: unknown, token?: string, query = '') =>
  api(app, `/api/${collection}/${id}${query}`, { method: 'PATCH', json, token })
export const del = (app: TestApp, collection: string, id: number | string, token?: string) =>
  api(app, `/api/${collection}/${id}`, { method: 'DELETE', token })

/** Creates a document and returns its id, failing loudly when the fixture itself is refused. */
export async function create(app: TestApp, collection: string, json: unknown, token: string, query = ''): Promise<number> {
  const res = await post(app, collection, json, token, query)
  if (res.status !== 201) throw new Error(`creating ${collection} failed (${res.status}): ${JSON.stringify(res.body?.errors ?? res.body)}`)
  return res.body.doc.id as number
}
