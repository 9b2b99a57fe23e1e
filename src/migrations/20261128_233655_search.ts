import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Full-text search of case studies (src/lib/search.ts): the unaccent extension, an IMMUTABLE
 * wrapper so it can be used in stored documents, and `case_study_search` with one weighted
 * tsvector per case, kept current by the case-studies afterChange hook; rows go with their case.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE EXTENSION IF NOT EXISTS unaccent;
   CREATE OR REPLACE FUNCTION use_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
     AS $fn$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $fn$;
   CREATE TABLE IF NOT EXISTS "case_study_search" (
     "case_study_id" integer PRIMARY KEY REFERENCES "case_studies"("id") ON DELETE CASCADE,
     "document" tsvector NOT NULL,
     "published" boolean NOT NULL DEFAULT false,
     "updated_at" timestamp(3) with time zone NOT NULL DEFAULT now()
   );
   CREATE INDEX IF NOT EXISTS "case_study_search_document_idx" ON "case_study_search" USING gin ("document");
   CREATE INDEX IF NOT EXISTS "case_study_search_published_idx" ON "case_study_search" ("published");`)
  // filled by the latest migration that changes this table (see refreshSearchSql)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE IF EXISTS "case_study_search";
   DROP FUNCTION IF EXISTS use_unaccent(text);`)
}
