import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_imports_status" AS ENUM('running', 'completed', 'failed');
  CREATE TYPE "public"."enum_imports_format" AS ENUM('json', 'csv');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'mailImportToEditors';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'mailImportToEditors';
  CREATE TABLE "imports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"partner_id" integer NOT NULL,
  	"status" "enum_imports_status" DEFAULT 'running' NOT NULL,
  	"dry_run" boolean DEFAULT false,
  	"retire_missing" boolean DEFAULT false,
  	"format" "enum_imports_format",
  	"source" varchar,
  	"started_by" varchar,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"processed" numeric DEFAULT 0,
  	"counts_received" numeric DEFAULT 0,
  	"counts_created" numeric DEFAULT 0,
  	"counts_updated" numeric DEFAULT 0,
  	"counts_unchanged" numeric DEFAULT 0,
  	"counts_invalid" numeric DEFAULT 0,
  	"counts_duplicates" numeric DEFAULT 0,
  	"counts_conflicts" numeric DEFAULT 0,
  	"counts_retired" numeric DEFAULT 0,
  	"counts_cities_created" numeric DEFAULT 0,
  	"message" varchar,
  	"errors" jsonb,
  	"conflicts" jsonb,
  	"created_cities" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "partner_accounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"partner_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar
  );
  
  ALTER TABLE "case_studies" ADD COLUMN "provenance_first_imported_at" timestamp(3) with time zone;
  ALTER TABLE "case_studies" ADD COLUMN "provenance_last_imported_at" timestamp(3) with time zone;
  ALTER TABLE "case_studies" ADD COLUMN "provenance_last_import_id" integer;
  ALTER TABLE "case_studies" ADD COLUMN "provenance_edited_at" timestamp(3) with time zone;
  ALTER TABLE "_case_studies_v" ADD COLUMN "version_provenance_first_imported_at" timestamp(3) with time zone;
  ALTER TABLE "_case_studies_v" ADD COLUMN "version_provenance_last_imported_at" timestamp(3) with time zone;
  ALTER TABLE "_case_studies_v" ADD COLUMN "version_provenance_last_import_id" integer;
  ALTER TABLE "_case_studies_v" ADD COLUMN "version_provenance_edited_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "imports_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "partner_accounts_id" integer;
  ALTER TABLE "payload_preferences_rels" ADD COLUMN "partner_accounts_id" integer;
  ALTER TABLE "imports" ADD CONSTRAINT "imports_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "partner_accounts" ADD CONSTRAINT "partner_accounts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "imports_partner_idx" ON "imports" USING btree ("partner_id");
  CREATE INDEX "imports_status_idx" ON "imports" USING btree ("status");
  CREATE INDEX "imports_started_at_idx" ON "imports" USING btree ("started_at");
  CREATE INDEX "imports_updated_at_idx" ON "imports" USING btree ("updated_at");
  CREATE INDEX "imports_created_at_idx" ON "imports" USING btree ("created_at");
  CREATE INDEX "partner_accounts_partner_idx" ON "partner_accounts" USING btree ("partner_id");
  CREATE INDEX "partner_accounts_updated_at_idx" ON "partner_accounts" USING btree ("updated_at");
  CREATE INDEX "partner_accounts_created_at_idx" ON "partner_accounts" USING btree ("created_at");
  ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_provenance_last_import_id_imports_id_fk" FOREIGN KEY ("provenance_last_import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v" ADD CONSTRAINT "_case_studies_v_version_provenance_last_import_id_imports_id_fk" FOREIGN KEY ("version_provenance_last_import_id") REFERENCES "public"."imports"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_imports_fk" FOREIGN KEY ("imports_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_partner_accounts_fk" FOREIGN KEY ("partner_accounts_id") REFERENCES "public"."partner_accounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_partner_accounts_fk" FOREIGN KEY ("partner_accounts_id") REFERENCES "public"."partner_accounts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "case_studies_provenance_provenance_last_import_idx" ON "case_studies" USING btree ("provenance_last_import_id");
  CREATE INDEX "_case_studies_v_version_provenance_version_provenance_la_idx" ON "_case_studies_v" USING btree ("version_provenance_last_import_id");
  CREATE INDEX "payload_locked_documents_rels_imports_id_idx" ON "payload_locked_documents_rels" USING btree ("imports_id");
  CREATE INDEX "payload_locked_documents_rels_partner_accounts_id_idx" ON "payload_locked_documents_rels" USING btree ("partner_accounts_id");
  CREATE INDEX "payload_preferences_rels_partner_accounts_id_idx" ON "payload_preferences_rels" USING btree ("partner_accounts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "imports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "partner_accounts" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "imports" CASCADE;
  DROP TABLE "partner_accounts" CASCADE;
  ALTER TABLE "case_studies" DROP CONSTRAINT "case_studies_provenance_last_import_id_imports_id_fk";
  
  ALTER TABLE "_case_studies_v" DROP CONSTRAINT "_case_studies_v_version_provenance_last_import_id_imports_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_imports_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_partner_accounts_fk";
  
  ALTER TABLE "payload_preferences_rels" DROP CONSTRAINT "payload_preferences_rels_partner_accounts_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'mailSubmissionToEditors', 'mailDecisionToAuthor', 'mailActivation', 'mailAccountExists', 'mailContactMessage', 'purgeContactMessages', 'matchAlerts', 'sendAlertBatch', 'weeklyDigest');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'mailSubmissionToEditors', 'mailDecisionToAuthor', 'mailActivation', 'mailAccountExists', 'mailContactMessage', 'purgeContactMessages', 'matchAlerts', 'sendAlertBatch', 'weeklyDigest');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "case_studies_provenance_provenance_last_import_idx";
  DROP INDEX "_case_studies_v_version_provenance_version_provenance_la_idx";
  DROP INDEX "payload_locked_documents_rels_imports_id_idx";
  DROP INDEX "payload_locked_documents_rels_partner_accounts_id_idx";
  DROP INDEX "payload_preferences_rels_partner_accounts_id_idx";
  ALTER TABLE "case_studies" DROP COLUMN "provenance_first_imported_at";
  ALTER TABLE "case_studies" DROP COLUMN "provenance_last_imported_at";
  ALTER TABLE "case_studies" DROP COLUMN "provenance_last_import_id";
  ALTER TABLE "case_studies" DROP COLUMN "provenance_edited_at";
  ALTER TABLE "_case_studies_v" DROP COLUMN "version_provenance_first_imported_at";
  ALTER TABLE "_case_studies_v" DROP COLUMN "version_provenance_last_imported_at";
  ALTER TABLE "_case_studies_v" DROP COLUMN "version_provenance_last_import_id";
  ALTER TABLE "_case_studies_v" DROP COLUMN "version_provenance_edited_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "imports_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "partner_accounts_id";
  ALTER TABLE "payload_preferences_rels" DROP COLUMN "partner_accounts_id";
  DROP TYPE "public"."enum_imports_status";
  DROP TYPE "public"."enum_imports_format";`)
}
