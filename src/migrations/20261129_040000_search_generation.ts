import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * `case_study_search_generation`: one counter that moves, at commit, in every transaction that
 * changes `case_study_search`, so each process's in-memory facet index (src/lib/search-index.ts)
 * knows when its copy is old. The trigger is deferred to commit: the counter's row is then the last
 * lock a transaction takes and holds only while it commits, so writers cannot deadlock on it, and a
 * transaction bumps it once however many rows it changed.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS "case_study_search_generation" (
      "id" boolean PRIMARY KEY DEFAULT true CHECK ("id"),
      "generation" bigint NOT NULL DEFAULT 1,
      "last_xid" xid8
    );
    INSERT INTO "case_study_search_generation" DEFAULT VALUES ON CONFLICT DO NOTHING;
    CREATE OR REPLACE FUNCTION "bump_case_study_search_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE "case_study_search_generation" SET "generation" = "generation" + 1, "last_xid" = pg_current_xact_id()
      WHERE "last_xid" IS DISTINCT FROM pg_current_xact_id();
      RETURN NULL;
    END $$;
    DROP TRIGGER IF EXISTS "case_study_search_generation" ON "case_study_search";
    CREATE CONSTRAINT TRIGGER "case_study_search_generation" AFTER INSERT OR UPDATE OR DELETE ON "case_study_search"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_case_study_search_generation"();`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
    DROP TRIGGER IF EXISTS "case_study_search_generation" ON "case_study_search";
    DROP FUNCTION IF EXISTS "bump_case_study_search_generation"();
    DROP TABLE IF EXISTS "case_study_search_generation";`)
}
