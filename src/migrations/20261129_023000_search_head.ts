import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { refreshSearchSql } from '../lib/search'

/**
 * `head`: the part of a case's search document that ranks (titles, summaries, names), apart from
 * the long bodies, so ranking thousands of matches does not read every body (src/lib/search.ts).
 * The latest migration changing the table's columns, so it fills the table.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "case_study_search" ADD COLUMN IF NOT EXISTS "head" tsvector NOT NULL DEFAULT ''::tsvector;`)
  await db.execute(refreshSearchSql(sql`TRUE`))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "case_study_search" DROP COLUMN IF EXISTS "head";`)
}
