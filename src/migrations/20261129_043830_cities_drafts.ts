import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { snapshotVersions } from '../feeds/versions'
import { refreshSearchSql } from '../lib/search'

/**
 * Cities get drafts (collections/Cities.ts): a partner feed's unknown city waits for an editor.
 * Every existing city is published and gets its first version (Payload lists drafts-enabled
 * collections from their versions). Search rows leave draft cities out, so this is the latest
 * migration changing what `refreshSearchSql` reads: it fills the search tables.
 */

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_cities_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__cities_v_version_country" AS ENUM('AF', 'AX', 'AL', 'DZ', 'AS', 'AD', 'AO', 'AI', 'AQ', 'AG', 'AR', 'AM', 'AW', 'AU', 'AT', 'AZ', 'BS', 'BH', 'BD', 'BB', 'BY', 'BE', 'BZ', 'BJ', 'BM', 'BT', 'BO', 'BQ', 'BA', 'BW', 'BV', 'BR', 'IO', 'BN', 'BG', 'BF', 'BI', 'KH', 'CM', 'CA', 'CV', 'KY', 'CF', 'TD', 'CL', 'CX', 'CC', 'CO', 'KM', 'CK', 'CR', 'CI', 'HR', 'CU', 'CW', 'CY', 'CZ', 'CD', 'DK', 'DJ', 'DM', 'DO', 'EC', 'EG', 'SV', 'GQ', 'ER', 'EE', 'SZ', 'ET', 'FK', 'FO', 'FJ', 'FI', 'FR', 'GF', 'PF', 'TF', 'GA', 'GE', 'DE', 'GH', 'GI', 'GR', 'GL', 'GD', 'GP', 'GU', 'GT', 'GG', 'GN', 'GW', 'GY', 'HT', 'HM', 'VA', 'HN', 'HK', 'HU', 'IS', 'IN', 'ID', 'IQ', 'IE', 'IR', 'IM', 'IL', 'IT', 'JM', 'JP', 'JE', 'JO', 'KZ', 'KE', 'KI', 'XK', 'KW', 'KG', 'LA', 'LV', 'LB', 'LS', 'LR', 'LY', 'LI', 'LT', 'LU', 'MO', 'MG', 'MW', 'MY', 'MV', 'ML', 'MT', 'MH', 'MQ', 'MR', 'MU', 'YT', 'MX', 'FM', 'MD', 'MC', 'MN', 'ME', 'MS', 'MA', 'MZ', 'MM', 'NA', 'NR', 'NP', 'NL', 'NC', 'NZ', 'NI', 'NE', 'NG', 'NU', 'NF', 'KP', 'MP', 'NO', 'OM', 'PK', 'PW', 'PA', 'PG', 'PY', 'CN', 'PE', 'PH', 'PN', 'PL', 'PT', 'PR', 'QA', 'CG', 'GM', 'RE', 'RO', 'RU', 'RW', 'BL', 'SH', 'KN', 'LC', 'MF', 'PM', 'VC', 'WS', 'SM', 'ST', 'SA', 'SN', 'RS', 'SC', 'SL', 'SG', 'SX', 'SK', 'SI', 'SB', 'SO', 'ZA', 'GS', 'KR', 'SS', 'ES', 'LK', 'PS', 'SD', 'SR', 'SJ', 'SE', 'CH', 'SY', 'TW', 'TJ', 'TH', 'MK', 'TL', 'TG', 'TK', 'TO', 'TT', 'TN', 'TR', 'TM', 'TC', 'TV', 'UG', 'UA', 'AE', 'GB', 'TZ', 'UM', 'US', 'UY', 'UZ', 'VU', 'VE', 'VN', 'VG', 'VI', 'WF', 'EH', 'YE', 'ZM', 'ZW');
  CREATE TYPE "public"."enum__cities_v_version_region" AS ENUM('m49-002', 'm49-005', 'm49-009', 'm49-011', 'm49-013', 'm49-014', 'm49-015', 'm49-017', 'm49-018', 'm49-019', 'm49-021', 'm49-029', 'm49-030', 'm49-034', 'm49-035', 'm49-039', 'm49-053', 'm49-054', 'm49-057', 'm49-061', 'm49-142', 'm49-143', 'm49-145', 'm49-150', 'm49-151', 'm49-154', 'm49-155', 'm49-202', 'm49-419');
  CREATE TYPE "public"."enum__cities_v_version_sub_region" AS ENUM('m49-002', 'm49-005', 'm49-009', 'm49-011', 'm49-013', 'm49-014', 'm49-015', 'm49-017', 'm49-018', 'm49-019', 'm49-021', 'm49-029', 'm49-030', 'm49-034', 'm49-035', 'm49-039', 'm49-053', 'm49-054', 'm49-057', 'm49-061', 'm49-142', 'm49-143', 'm49-145', 'm49-150', 'm49-151', 'm49-154', 'm49-155', 'm49-202', 'm49-419');
  CREATE TYPE "public"."enum__cities_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__cities_v_published_locale" AS ENUM('en', 'de', 'fr', 'es');
  CREATE TABLE "_cities_v_version_networks" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"partner_id" integer,
  	"since" numeric,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_cities_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_slug" varchar,
  	"version_country" "enum__cities_v_version_country",
  	"version_region" "enum__cities_v_version_region",
  	"version_sub_region" "enum__cities_v_version_sub_region",
  	"version_location_lat" numeric,
  	"version_location_lng" numeric,
  	"version_population_value" numeric,
  	"version_population_year" numeric,
  	"version_population_source" varchar,
  	"version_geonames_id" numeric,
  	"version_wikidata_id" varchar,
  	"version_name_key" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__cities_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__cities_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_cities_v_locales" (
  	"version_name" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "cities_networks" ALTER COLUMN "partner_id" DROP NOT NULL;
  ALTER TABLE "cities" ALTER COLUMN "country" DROP NOT NULL;
  ALTER TABLE "cities_locales" ALTER COLUMN "name" DROP NOT NULL;
  ALTER TABLE "cities" ADD COLUMN "_status" "enum_cities_status" DEFAULT 'draft';
  ALTER TABLE "_cities_v_version_networks" ADD CONSTRAINT "_cities_v_version_networks_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_cities_v_version_networks" ADD CONSTRAINT "_cities_v_version_networks_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_cities_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_cities_v" ADD CONSTRAINT "_cities_v_parent_id_cities_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."cities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_cities_v_locales" ADD CONSTRAINT "_cities_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_cities_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "_cities_v_version_networks_order_idx" ON "_cities_v_version_networks" USING btree ("_order");
  CREATE INDEX "_cities_v_version_networks_parent_id_idx" ON "_cities_v_version_networks" USING btree ("_parent_id");
  CREATE INDEX "_cities_v_version_networks_partner_idx" ON "_cities_v_version_networks" USING btree ("partner_id");
  CREATE INDEX "_cities_v_parent_idx" ON "_cities_v" USING btree ("parent_id");
  CREATE INDEX "_cities_v_version_version_slug_idx" ON "_cities_v" USING btree ("version_slug");
  CREATE INDEX "_cities_v_version_version_country_idx" ON "_cities_v" USING btree ("version_country");
  CREATE INDEX "_cities_v_version_version_region_idx" ON "_cities_v" USING btree ("version_region");
  CREATE INDEX "_cities_v_version_version_sub_region_idx" ON "_cities_v" USING btree ("version_sub_region");
  CREATE INDEX "_cities_v_version_location_version_location_lat_idx" ON "_cities_v" USING btree ("version_location_lat");
  CREATE INDEX "_cities_v_version_location_version_location_lng_idx" ON "_cities_v" USING btree ("version_location_lng");
  CREATE INDEX "_cities_v_version_version_geonames_id_idx" ON "_cities_v" USING btree ("version_geonames_id");
  CREATE INDEX "_cities_v_version_version_wikidata_id_idx" ON "_cities_v" USING btree ("version_wikidata_id");
  CREATE INDEX "_cities_v_version_version_name_key_idx" ON "_cities_v" USING btree ("version_name_key");
  CREATE INDEX "_cities_v_version_version_updated_at_idx" ON "_cities_v" USING btree ("version_updated_at");
  CREATE INDEX "_cities_v_version_version_created_at_idx" ON "_cities_v" USING btree ("version_created_at");
  CREATE INDEX "_cities_v_version_version__status_idx" ON "_cities_v" USING btree ("version__status");
  CREATE INDEX "_cities_v_created_at_idx" ON "_cities_v" USING btree ("created_at");
  CREATE INDEX "_cities_v_updated_at_idx" ON "_cities_v" USING btree ("updated_at");
  CREATE INDEX "_cities_v_snapshot_idx" ON "_cities_v" USING btree ("snapshot");
  CREATE INDEX "_cities_v_published_locale_idx" ON "_cities_v" USING btree ("published_locale");
  CREATE INDEX "_cities_v_latest_idx" ON "_cities_v" USING btree ("latest");
  CREATE INDEX "version_nameKey_version_country_idx" ON "_cities_v" USING btree ("version_name_key","version_country");
  CREATE UNIQUE INDEX "_cities_v_locales_locale_parent_id_unique" ON "_cities_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "cities__status_idx" ON "cities" USING btree ("_status");`)
  await db.execute(sql`UPDATE "cities" SET "_status" = 'published'`)
  const { rows } = await db.execute(sql`SELECT id FROM "cities" ORDER BY id`)
  await snapshotVersions(db as never, rows.map((row) => Number(row.id)), 'cities')
  await db.execute(refreshSearchSql(sql`TRUE`))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "_cities_v_version_networks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_cities_v" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_cities_v_locales" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "_cities_v_version_networks" CASCADE;
  DROP TABLE "_cities_v" CASCADE;
  DROP TABLE "_cities_v_locales" CASCADE;
  DROP INDEX "cities__status_idx";
  ALTER TABLE "cities_networks" ALTER COLUMN "partner_id" SET NOT NULL;
  ALTER TABLE "cities" ALTER COLUMN "country" SET NOT NULL;
  ALTER TABLE "cities_locales" ALTER COLUMN "name" SET NOT NULL;
  ALTER TABLE "cities" DROP COLUMN "_status";
  DROP TYPE "public"."enum_cities_status";
  DROP TYPE "public"."enum__cities_v_version_country";
  DROP TYPE "public"."enum__cities_v_version_region";
  DROP TYPE "public"."enum__cities_v_version_sub_region";
  DROP TYPE "public"."enum__cities_v_version_status";
  DROP TYPE "public"."enum__cities_v_published_locale";`)
}
