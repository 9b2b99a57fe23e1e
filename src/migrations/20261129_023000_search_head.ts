import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * `head`: the part of a case's search document that ranks (titles, summaries, names), apart from
 * the long bodies, so ranking thousands of matches does not read every body (src/lib/search.ts).
 * (Filled by the latest migration that changes this table's columns, see refreshSearchSql.)
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "case_study_search" ADD COLUMN IF NOT EXISTS "head" tsvector NOT NULL DEFAULT ''::tsvector;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "case_study_search" DROP COLUMN IF EXISTS "head";`)
}
