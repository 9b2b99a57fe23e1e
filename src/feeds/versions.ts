import { dbFor, sql } from '../lib/sql'

/**
 * Case studies and cities have drafts: Payload reads the admin list, `draft=true` and the workflow
 * endpoint from the versions tables (`_case_studies_v*`, `_cities_v*`, the row marked `latest`).
 * Documents written with SQL get their version here: a copy of the stored document (main row,
 * locales, relations, texts, arrays and their locales, hasMany selects), taken inside the writer's
 * transaction, so the latest version always equals the document. Which columns to copy comes from
 * the database's own catalogue, so a field added to the collection later is copied without
 * touching this file.
 */
type Db = Awaited<ReturnType<typeof dbFor>>
type Column = { name: string; type: string | null }
type Plan = Array<{ from: string; to: string; kind: 'main' | 'locales' | 'path' | 'select' | 'array' | 'array-locales'; columns: Column[]; array?: string }>

type Table = 'case_studies' | 'cities'
const cached = new Map<Table, Promise<Plan>>()
const like = (name: string) => name.replace(/_/g, '\\_')

async function plan(db: Db, table: Table): Promise<Plan> {
  const { rows } = await db.execute(sql`
    SELECT table_name AS t, column_name AS c, data_type AS d, udt_name AS u FROM information_schema.columns
    WHERE table_schema = current_schema() AND (table_name = ${table} OR table_name LIKE ${`${like(table)}\\_%`} OR table_name LIKE ${`\\_${like(table)}\\_v%`})`)
  const tables = new Map<string, Map<string, Column>>()
  for (const row of rows) {
    const columns = tables.get(String(row.t)) ?? new Map<string, Column>()
    columns.set(String(row.c), { name: String(row.c), type: row.d === 'USER-DEFINED' ? String(row.u) : null })
    tables.set(String(row.t), columns)
  }
  const steps: Plan = []
  for (const [from, columns] of tables) {
    if (from !== table && !from.startsWith(`${table}_`)) continue
    const suffix = from === table ? '' : from.slice(`${table}_`.length)
    const to = suffix === '' ? `_${table}_v` : ['locales', 'rels', 'texts'].includes(suffix) ? `_${table}_v_${suffix}` : `_${table}_v_version_${suffix}`
    const target = tables.get(to)
    if (!target) continue
    const kind: Plan[number]['kind'] =
      suffix === '' ? 'main'
      : suffix === 'locales' ? 'locales'
      : suffix === 'rels' || suffix === 'texts' ? 'path'
      : suffix.endsWith('_locales') ? 'array-locales'
      : columns.has('_order') ? 'array'
      : 'select'
    steps.push({ from, to, kind, columns: [...target.values()], array: kind === 'array-locales' ? suffix.slice(0, -'_locales'.length) : undefined })
    void columns
  }
  // arrays before their locales
  return steps.sort((a, b) => ['main', 'locales', 'path', 'select', 'array', 'array-locales'].indexOf(a.kind) - ['main', 'locales', 'path', 'select', 'array', 'array-locales'].indexOf(b.kind))
}

const cast = (expr: string, column: Column) => (column.type ? `(${expr})::text::"${column.type}"` : expr)
const q = (name: string) => `"${name}"`

export async function snapshotVersions(db: Db, caseIds: number[], table: Table = 'case_studies'): Promise<void> {
  if (!caseIds.length) return
  if (!cached.has(table)) cached.set(table, plan(db, table))
  const steps = await cached.get(table)!
  const ids = sql`${`{${caseIds.map(Number).join(',')}}`}::int[]`
  await db.execute(sql`UPDATE ${sql.raw(`_${table}_v`)} SET latest = false WHERE parent_id = ANY(${ids}) AND latest = true`)
  const main = steps.find((step) => step.kind === 'main')!
  const mainColumns = main.columns.filter((c) => c.name.startsWith('version_'))
  const { rows } = await db.execute(sql.raw(`
    INSERT INTO _${table}_v (parent_id, latest, created_at, updated_at, ${mainColumns.map((c) => q(c.name)).join(', ')})
    SELECT c.id, true, now(), now(), ${mainColumns.map((c) => cast(`c.${q(c.name.slice('version_'.length))}`, c)).join(', ')}
    FROM ${table} c WHERE c.id = ANY('{${caseIds.map(Number).join(',')}}'::int[])
    RETURNING id, parent_id`))
  const map = JSON.stringify(rows.map((row) => [Number(row.id), Number(row.parent_id)]))
  const m = `(SELECT (e->>0)::int AS vid, (e->>1)::int AS cid FROM jsonb_array_elements('${map}'::jsonb) e) m`
  for (const step of steps) {
    const own = (names: string[]) => step.columns.filter((c) => !names.includes(c.name))
    let statement: string
    if (step.kind === 'main') continue
    if (step.kind === 'locales') {
      const cols = own(['id', '_locale', '_parent_id'])
      statement = `INSERT INTO ${q(step.to)} (_locale, _parent_id, ${cols.map((c) => q(c.name)).join(', ')})
        SELECT s._locale, m.vid, ${cols.map((c) => cast(`s.${q(c.name.slice('version_'.length))}`, c)).join(', ')} FROM ${q(step.from)} s JOIN ${m} ON m.cid = s._parent_id`
    } else if (step.kind === 'path') {
      const cols = own(['id', 'parent_id', 'path'])
      statement = `INSERT INTO ${q(step.to)} (parent_id, path, ${cols.map((c) => q(c.name)).join(', ')})
        SELECT m.vid, 'version.' || s.path, ${cols.map((c) => cast(`s.${q(c.name)}`, c)).join(', ')} FROM ${q(step.from)} s JOIN ${m} ON m.cid = s.parent_id`
    } else if (step.kind === 'select') {
      const cols = own(['id', 'parent_id'])
      statement = `INSERT INTO ${q(step.to)} (parent_id, ${cols.map((c) => q(c.name)).join(', ')})
        SELECT m.vid, ${cols.map((c) => cast(`s.${q(c.name)}`, c)).join(', ')} FROM ${q(step.from)} s JOIN ${m} ON m.cid = s.parent_id`
    } else if (step.kind === 'array') {
      const cols = own(['id', '_parent_id', '_uuid'])
      statement = `INSERT INTO ${q(step.to)} (_parent_id, _uuid, ${cols.map((c) => q(c.name)).join(', ')})
        SELECT m.vid, s.id, ${cols.map((c) => cast(`s.${q(c.name)}`, c)).join(', ')} FROM ${q(step.from)} s JOIN ${m} ON m.cid = s._parent_id`
    } else {
      const cols = own(['id', '_parent_id', '_locale'])
      const array = `${table}_${step.array}`
      const versionArray = `_${table}_v_version_${step.array}`
      statement = `INSERT INTO ${q(step.to)} (_locale, _parent_id${cols.length ? ', ' : ''}${cols.map((c) => q(c.name)).join(', ')})
        SELECT s._locale, va.id${cols.length ? ', ' : ''}${cols.map((c) => cast(`s.${q(c.name)}`, c)).join(', ')}
        FROM ${q(step.from)} s JOIN ${q(array)} a ON a.id = s._parent_id JOIN ${m} ON m.cid = a._parent_id
        JOIN ${q(versionArray)} va ON va._parent_id = m.vid AND va._uuid = a.id`
    }
    await db.execute(sql.raw(statement))
  }
}
