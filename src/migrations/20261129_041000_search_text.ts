import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The search document moves to a narrow table of its own, `case_study_search_text` (id, flag,
 * vector), and `head` gets a GIN index (src/lib/search.ts): a text search visits the heap row of
 * every match, which in `case_study_search` is several hundred bytes wide. (Filled by the latest
 * migration that changes what refreshSearchSql reads or writes.)
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS "case_study_search_text" (
      "case_study_id" integer PRIMARY KEY REFERENCES "case_study_search"("case_study_id") ON DELETE CASCADE,
      "published" boolean NOT NULL,
      "document" tsvector NOT NULL
    );
    DROP INDEX IF EXISTS "case_study_search_document_idx";
    ALTER TABLE "case_study_search" DROP COLUMN IF EXISTS "document";
    CREATE INDEX IF NOT EXISTS "case_study_search_text_document_idx" ON "case_study_search_text" USING gin ("document");
    CREATE INDEX IF NOT EXISTS "case_study_search_head_idx" ON "case_study_search" USING gin ("head");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP INDEX IF EXISTS "case_study_search_head_idx";
    ALTER TABLE "case_study_search" ADD COLUMN IF NOT EXISTS "document" tsvector NOT NULL DEFAULT ''::tsvector;
    UPDATE "case_study_search" s SET "document" = t."document" FROM "case_study_search_text" t WHERE t."case_study_id" = s."case_study_id";
    CREATE INDEX IF NOT EXISTS "case_study_search_document_idx" ON "case_study_search" USING gin ("document");
    DROP TABLE IF EXISTS "case_study_search_text";`)
}
