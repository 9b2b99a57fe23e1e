import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Payload indexes a collection's locale rows by (_locale, _parent_id) only, so "all locales of
 * case N" (the search document, the texts of a result page) scanned the whole table: building the
 * search rows of 100,000 cases was quadratic. An index on _parent_id makes it one lookup per case.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE INDEX IF NOT EXISTS "case_studies_locales_parent_id_idx" ON "case_studies_locales" USING btree ("_parent_id");
  CREATE INDEX IF NOT EXISTS "_case_studies_v_locales_parent_id_idx" ON "_case_studies_v_locales" USING btree ("_parent_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "case_studies_locales_parent_id_idx";
  DROP INDEX IF EXISTS "_case_studies_v_locales_parent_id_idx";`)
}
