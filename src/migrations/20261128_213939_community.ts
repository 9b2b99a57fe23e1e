import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_citymakers_alerts_countries" AS ENUM('AF', 'AX', 'AL', 'DZ', 'AS', 'AD', 'AO', 'AI', 'AQ', 'AG', 'AR', 'AM', 'AW', 'AU', 'AT', 'AZ', 'BS', 'BH', 'BD', 'BB', 'BY', 'BE', 'BZ', 'BJ', 'BM', 'BT', 'BO', 'BQ', 'BA', 'BW', 'BV', 'BR', 'IO', 'BN', 'BG', 'BF', 'BI', 'KH', 'CM', 'CA', 'CV', 'KY', 'CF', 'TD', 'CL', 'CX', 'CC', 'CO', 'KM', 'CK', 'CR', 'CI', 'HR', 'CU', 'CW', 'CY', 'CZ', 'CD', 'DK', 'DJ', 'DM', 'DO', 'EC', 'EG', 'SV', 'GQ', 'ER', 'EE', 'SZ', 'ET', 'FK', 'FO', 'FJ', 'FI', 'FR', 'GF', 'PF', 'TF', 'GA', 'GE', 'DE', 'GH', 'GI', 'GR', 'GL', 'GD', 'GP', 'GU', 'GT', 'GG', 'GN', 'GW', 'GY', 'HT', 'HM', 'VA', 'HN', 'HK', 'HU', 'IS', 'IN', 'ID', 'IQ', 'IE', 'IR', 'IM', 'IL', 'IT', 'JM', 'JP', 'JE', 'JO', 'KZ', 'KE', 'KI', 'XK', 'KW', 'KG', 'LA', 'LV', 'LB', 'LS', 'LR', 'LY', 'LI', 'LT', 'LU', 'MO', 'MG', 'MW', 'MY', 'MV', 'ML', 'MT', 'MH', 'MQ', 'MR', 'MU', 'YT', 'MX', 'FM', 'MD', 'MC', 'MN', 'ME', 'MS', 'MA', 'MZ', 'MM', 'NA', 'NR', 'NP', 'NL', 'NC', 'NZ', 'NI', 'NE', 'NG', 'NU', 'NF', 'KP', 'MP', 'NO', 'OM', 'PK', 'PW', 'PA', 'PG', 'PY', 'CN', 'PE', 'PH', 'PN', 'PL', 'PT', 'PR', 'QA', 'CG', 'GM', 'RE', 'RO', 'RU', 'RW', 'BL', 'SH', 'KN', 'LC', 'MF', 'PM', 'VC', 'WS', 'SM', 'ST', 'SA', 'SN', 'RS', 'SC', 'SL', 'SG', 'SX', 'SK', 'SI', 'SB', 'SO', 'ZA', 'GS', 'KR', 'SS', 'ES', 'LK', 'PS', 'SD', 'SR', 'SJ', 'SE', 'CH', 'SY', 'TW', 'TJ', 'TH', 'MK', 'TL', 'TG', 'TK', 'TO', 'TT', 'TN', 'TR', 'TM', 'TC', 'TV', 'UG', 'UA', 'AE', 'GB', 'TZ', 'UM', 'US', 'UY', 'UZ', 'VU', 'VE', 'VN', 'VG', 'VI', 'WF', 'EH', 'YE', 'ZM', 'ZW');
  CREATE TYPE "public"."enum_citymakers_alerts_regions" AS ENUM('m49-002', 'm49-005', 'm49-009', 'm49-011', 'm49-013', 'm49-014', 'm49-015', 'm49-017', 'm49-018', 'm49-019', 'm49-021', 'm49-029', 'm49-030', 'm49-034', 'm49-035', 'm49-039', 'm49-053', 'm49-054', 'm49-057', 'm49-061', 'm49-142', 'm49-143', 'm49-145', 'm49-150', 'm49-151', 'm49-154', 'm49-155', 'm49-202', 'm49-419');
  CREATE TYPE "public"."enum_citymakers_alerts_frequency" AS ENUM('off', 'immediate', 'weekly');
  CREATE TYPE "public"."enum_contact_messages_status" AS ENUM('queued', 'sent');
  CREATE TYPE "public"."enum_alert_deliveries_frequency" AS ENUM('immediate', 'weekly');
  CREATE TYPE "public"."enum_alert_deliveries_status" AS ENUM('pending', 'sent', 'skipped');
  CREATE TABLE "citymakers_alerts_countries" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_citymakers_alerts_countries",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "citymakers_alerts_regions" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_citymakers_alerts_regions",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "contact_messages" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"sender_id" integer,
  	"recipient_id" integer,
  	"subject" varchar NOT NULL,
  	"message" varchar NOT NULL,
  	"status" "enum_contact_messages_status" DEFAULT 'queued' NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "alert_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"citymaker_id" integer NOT NULL,
  	"case_study_id" integer NOT NULL,
  	"frequency" "enum_alert_deliveries_frequency" NOT NULL,
  	"status" "enum_alert_deliveries_status" DEFAULT 'pending' NOT NULL,
  	"sent_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "case_studies" ADD COLUMN "author_left" boolean DEFAULT false;
  ALTER TABLE "_case_studies_v" ADD COLUMN "version_author_left" boolean DEFAULT false;
  ALTER TABLE "citymakers" ADD COLUMN "alerts_frequency" "enum_citymakers_alerts_frequency" DEFAULT 'off' NOT NULL;
  ALTER TABLE "citymakers_rels" ADD COLUMN "cities_id" integer;
  ALTER TABLE "citymakers_rels" ADD COLUMN "partners_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "contact_messages_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "alert_deliveries_id" integer;
  ALTER TABLE "citymakers_alerts_countries" ADD CONSTRAINT "citymakers_alerts_countries_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_alerts_regions" ADD CONSTRAINT "citymakers_alerts_regions_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "contact_messages" ADD CONSTRAINT "contact_messages_sender_id_citymakers_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "contact_messages" ADD CONSTRAINT "contact_messages_recipient_id_citymakers_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_citymaker_id_citymakers_id_fk" FOREIGN KEY ("citymaker_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "citymakers_alerts_countries_order_idx" ON "citymakers_alerts_countries" USING btree ("order");
  CREATE INDEX "citymakers_alerts_countries_parent_idx" ON "citymakers_alerts_countries" USING btree ("parent_id");
  CREATE INDEX "citymakers_alerts_countries_value_idx" ON "citymakers_alerts_countries" USING btree ("value");
  CREATE INDEX "citymakers_alerts_regions_order_idx" ON "citymakers_alerts_regions" USING btree ("order");
  CREATE INDEX "citymakers_alerts_regions_parent_idx" ON "citymakers_alerts_regions" USING btree ("parent_id");
  CREATE INDEX "citymakers_alerts_regions_value_idx" ON "citymakers_alerts_regions" USING btree ("value");
  CREATE INDEX "contact_messages_sender_idx" ON "contact_messages" USING btree ("sender_id");
  CREATE INDEX "contact_messages_recipient_idx" ON "contact_messages" USING btree ("recipient_id");
  CREATE INDEX "contact_messages_updated_at_idx" ON "contact_messages" USING btree ("updated_at");
  CREATE INDEX "contact_messages_created_at_idx" ON "contact_messages" USING btree ("created_at");
  CREATE INDEX "sender_createdAt_idx" ON "contact_messages" USING btree ("sender_id","created_at");
  CREATE INDEX "alert_deliveries_citymaker_idx" ON "alert_deliveries" USING btree ("citymaker_id");
  CREATE INDEX "alert_deliveries_case_study_idx" ON "alert_deliveries" USING btree ("case_study_id");
  CREATE INDEX "alert_deliveries_updated_at_idx" ON "alert_deliveries" USING btree ("updated_at");
  CREATE INDEX "alert_deliveries_created_at_idx" ON "alert_deliveries" USING btree ("created_at");
  CREATE UNIQUE INDEX "citymaker_caseStudy_idx" ON "alert_deliveries" USING btree ("citymaker_id","case_study_id");
  CREATE INDEX "status_frequency_idx" ON "alert_deliveries" USING btree ("status","frequency");
  ALTER TABLE "citymakers_rels" ADD CONSTRAINT "citymakers_rels_cities_fk" FOREIGN KEY ("cities_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_rels" ADD CONSTRAINT "citymakers_rels_partners_fk" FOREIGN KEY ("partners_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_contact_messages_fk" FOREIGN KEY ("contact_messages_id") REFERENCES "public"."contact_messages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_alert_deliveries_fk" FOREIGN KEY ("alert_deliveries_id") REFERENCES "public"."alert_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "citymakers_alerts_alerts_frequency_idx" ON "citymakers" USING btree ("alerts_frequency");
  CREATE INDEX "citymakers_rels_cities_id_idx" ON "citymakers_rels" USING btree ("cities_id");
  CREATE INDEX "citymakers_rels_partners_id_idx" ON "citymakers_rels" USING btree ("partners_id");
  CREATE INDEX "payload_locked_documents_rels_contact_messages_id_idx" ON "payload_locked_documents_rels" USING btree ("contact_messages_id");
  CREATE INDEX "payload_locked_documents_rels_alert_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("alert_deliveries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "citymakers_alerts_countries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "citymakers_alerts_regions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "contact_messages" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "alert_deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "citymakers_alerts_countries" CASCADE;
  DROP TABLE "citymakers_alerts_regions" CASCADE;
  DROP TABLE "contact_messages" CASCADE;
  DROP TABLE "alert_deliveries" CASCADE;
  ALTER TABLE "citymakers_rels" DROP CONSTRAINT "citymakers_rels_cities_fk";
  
  ALTER TABLE "citymakers_rels" DROP CONSTRAINT "citymakers_rels_partners_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_contact_messages_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_alert_deliveries_fk";
  
  DROP INDEX "citymakers_alerts_alerts_frequency_idx";
  DROP INDEX "citymakers_rels_cities_id_idx";
  DROP INDEX "citymakers_rels_partners_id_idx";
  DROP INDEX "payload_locked_documents_rels_contact_messages_id_idx";
  DROP INDEX "payload_locked_documents_rels_alert_deliveries_id_idx";
  ALTER TABLE "case_studies" DROP COLUMN "author_left";
  ALTER TABLE "_case_studies_v" DROP COLUMN "version_author_left";
  ALTER TABLE "citymakers" DROP COLUMN "alerts_frequency";
  ALTER TABLE "citymakers_rels" DROP COLUMN "cities_id";
  ALTER TABLE "citymakers_rels" DROP COLUMN "partners_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "contact_messages_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "alert_deliveries_id";
  DROP TYPE "public"."enum_citymakers_alerts_countries";
  DROP TYPE "public"."enum_citymakers_alerts_regions";
  DROP TYPE "public"."enum_citymakers_alerts_frequency";
  DROP TYPE "public"."enum_contact_messages_status";
  DROP TYPE "public"."enum_alert_deliveries_frequency";
  DROP TYPE "public"."enum_alert_deliveries_status";`)
}
