import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * The first-publication date of a case, and the search table grown for speed and languages
 * (src/lib/search.ts): accent-folding text search configurations per language (unaccent, then
 * the language's Snowball stemmer), and the filter and facet values of each case as columns and
 * arrays, so that a search reads one table instead of joining Payload's relation tables per facet.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "case_studies" ADD COLUMN "published_at" timestamp(3) with time zone;
  ALTER TABLE "_case_studies_v" ADD COLUMN "version_published_at" timestamp(3) with time zone;
  CREATE INDEX "case_studies_published_at_idx" ON "case_studies" USING btree ("published_at");
  CREATE INDEX "_case_studies_v_version_version_published_at_idx" ON "_case_studies_v" USING btree ("version_published_at");`)
  await db.execute(sql`
  UPDATE "case_studies" c SET "published_at" = coalesce(
    (SELECT min(e.created_at) FROM "workflow_events" e WHERE e.case_study_id = c.id AND e."to" = 'published'), c.updated_at)
  WHERE c.workflow_state = 'published' AND c.published_at IS NULL;`)
  await db.execute(sql`
  DROP AGGREGATE IF EXISTS use_tsvector_agg(tsvector);
  CREATE AGGREGATE use_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');`)
  for (const [name, stemmer] of [['use_simple', 'simple'], ['use_en', 'english_stem'], ['use_de', 'german_stem'], ['use_fr', 'french_stem'], ['use_es', 'spanish_stem']]) {
    await db.execute(sql.raw(`
    DROP TEXT SEARCH CONFIGURATION IF EXISTS ${name};
    CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = simple);
    ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, ${stemmer};`))
  }
  await db.execute(sql`
  ALTER TABLE "case_study_search"
    ADD COLUMN "title" text,
    ADD COLUMN "language" text,
    ADD COLUMN "status" text,
    ADD COLUMN "start_year" integer,
    ADD COLUMN "end_year" integer,
    ADD COLUMN "published_at" timestamp(3) with time zone,
    ADD COLUMN "city_ids" integer[] NOT NULL DEFAULT '{}',
    ADD COLUMN "countries" text[] NOT NULL DEFAULT '{}',
    ADD COLUMN "regions" text[] NOT NULL DEFAULT '{}',
    ADD COLUMN "topic_ids" integer[] NOT NULL DEFAULT '{}',
    ADD COLUMN "sdgs" integer[] NOT NULL DEFAULT '{}',
    ADD COLUMN "targets" text[] NOT NULL DEFAULT '{}',
    ADD COLUMN "partner_id" integer,
    ADD COLUMN "award_ids" integer[] NOT NULL DEFAULT '{}',
    ADD COLUMN "lat" double precision,
    ADD COLUMN "lng" double precision;
  CREATE INDEX "case_study_search_city_ids_idx" ON "case_study_search" USING gin ("city_ids");
  CREATE INDEX "case_study_search_topic_ids_idx" ON "case_study_search" USING gin ("topic_ids");
  CREATE INDEX "case_study_search_sdgs_idx" ON "case_study_search" USING gin ("sdgs");
  CREATE INDEX "case_study_search_countries_idx" ON "case_study_search" USING gin ("countries");
  CREATE INDEX "case_study_search_published_at_idx" ON "case_study_search" ("published_at" DESC, "case_study_id" DESC) WHERE "published";
  CREATE INDEX "case_study_search_lat_lng_idx" ON "case_study_search" ("lat", "lng") WHERE "published";`)
  // filled by the latest migration that changes this table's columns (see refreshSearchSql)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "case_study_search" DROP COLUMN "title", DROP COLUMN "language", DROP COLUMN "status", DROP COLUMN "start_year",
    DROP COLUMN "end_year", DROP COLUMN "published_at", DROP COLUMN "city_ids", DROP COLUMN "countries", DROP COLUMN "regions",
    DROP COLUMN "topic_ids", DROP COLUMN "sdgs", DROP COLUMN "targets", DROP COLUMN "partner_id", DROP COLUMN "award_ids",
    DROP COLUMN "lat", DROP COLUMN "lng";
  DROP TEXT SEARCH CONFIGURATION IF EXISTS use_simple;
  DROP TEXT SEARCH CONFIGURATION IF EXISTS use_en;
  DROP TEXT SEARCH CONFIGURATION IF EXISTS use_de;
  DROP TEXT SEARCH CONFIGURATION IF EXISTS use_fr;
  DROP TEXT SEARCH CONFIGURATION IF EXISTS use_es;
  DROP AGGREGATE IF EXISTS use_tsvector_agg(tsvector);`)
  await db.execute(sql`
   DROP INDEX "case_studies_published_at_idx";
  DROP INDEX "_case_studies_v_version_version_published_at_idx";
  ALTER TABLE "case_studies" DROP COLUMN "published_at";
  ALTER TABLE "_case_studies_v" DROP COLUMN "version_published_at";`)
}
