import { sql } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

type Executor = { execute: (query: ReturnType<typeof sql>) => Promise<{ rows: Array<Record<string, unknown>>; rowCount?: number | null }> }

/** The id of the request's open transaction, if it has one. */
export async function transactionOf(req?: Partial<PayloadRequest>): Promise<string | number | undefined> {
  return req?.transactionID ? ((await req.transactionID) ?? undefined) : undefined
}

/** The drizzle handle of the request's transaction (or the pool's when there is none). */
export async function dbFor(payload: Payload, req?: Partial<PayloadRequest>): Promise<Executor> {
  const adapter = payload.db as unknown as { sessions?: Record<string, { db: Executor }>; drizzle: Executor }
  const id = await transactionOf(req)
  return (id !== undefined && adapter.sessions?.[String(id)]?.db) || adapter.drizzle
}

export const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`)

export { sql }
export type SQL = ReturnType<typeof sql>

/**
 * One bound array parameter: `{1,2}::int[]` or `{"a","b"}::text[]`. Text values lose quotes and
 * backslashes, so a value can never end the literal.
 */
export const sqlArray = (values: Array<string | number>, type: 'int' | 'text'): SQL =>
  sql`${`{${values.map((v) => (type === 'int' ? String(Number(v)) : `"${String(v).replace(/["\\]/g, '')}"`)).join(',')}}`}::${sql.raw(type)}[]`
