import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'de', 'fr', 'es');
  CREATE TYPE "public"."enum_case_studies_actor_types" AS ENUM('city-government', 'supranational', 'ngo', 'academia', 'private-sector', 'community');
  CREATE TYPE "public"."enum_case_studies_funding_funder_types" AS ENUM('public-local', 'public-national', 'eu', 'international', 'private', 'philanthropy', 'community');
  CREATE TYPE "public"."enum_case_studies_awards_result" AS ENUM('winner', 'shortlisted', 'special-mention');
  CREATE TYPE "public"."enum_case_studies_gallery_licence" AS ENUM('CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'all-rights-reserved');
  CREATE TYPE "public"."enum_case_studies_project_area" AS ENUM('building', 'neighbourhood', 'city', 'metropolitan', 'regional', 'national', 'multinational');
  CREATE TYPE "public"."enum_case_studies_project_status" AS ENUM('planned', 'ongoing', 'completed', 'discontinued');
  CREATE TYPE "public"."enum_case_studies_provenance_source_type" AS ENUM('community', 'editorial', 'partner-feed', 'award');
  CREATE TYPE "public"."enum_case_studies_provenance_licence" AS ENUM('CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'all-rights-reserved');
  CREATE TYPE "public"."enum_case_studies_workflow_state" AS ENUM('draft', 'submitted', 'changes_requested', 'published', 'archived');
  CREATE TYPE "public"."enum_case_studies_original_language" AS ENUM('en', 'de', 'fr', 'es');
  CREATE TYPE "public"."enum_case_studies_translations_en" AS ENUM('original', 'missing', 'machine', 'reviewed');
  CREATE TYPE "public"."enum_case_studies_translations_de" AS ENUM('original', 'missing', 'machine', 'reviewed');
  CREATE TYPE "public"."enum_case_studies_translations_fr" AS ENUM('original', 'missing', 'machine', 'reviewed');
  CREATE TYPE "public"."enum_case_studies_translations_es" AS ENUM('original', 'missing', 'machine', 'reviewed');
  CREATE TYPE "public"."enum_case_studies_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__case_studies_v_version_actor_types" AS ENUM('city-government', 'supranational', 'ngo', 'academia', 'private-sector', 'community');
  CREATE TYPE "public"."enum__case_studies_v_version_funding_funder_types" AS ENUM('public-local', 'public-national', 'eu', 'international', 'private', 'philanthropy', 'community');
  CREATE TYPE "public"."enum__case_studies_v_version_awards_result" AS ENUM('winner', 'shortlisted', 'special-mention');
  CREATE TYPE "public"."enum__case_studies_v_version_gallery_licence" AS ENUM('CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'all-rights-reserved');
  CREATE TYPE "public"."enum__case_studies_v_version_project_area" AS ENUM('building', 'neighbourhood', 'city', 'metropolitan', 'regional', 'national', 'multinational');
  CREATE TYPE "public"."enum__case_studies_v_version_project_status" AS ENUM('planned', 'ongoing', 'completed', 'discontinued');
  CREATE TYPE "public"."enum__case_studies_v_version_provenance_source_type" AS ENUM('community', 'editorial', 'partner-feed', 'award');
  CREATE TYPE "public"."enum__case_studies_v_version_provenance_licence" AS ENUM('CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'all-rights-reserved');
  CREATE TYPE "public"."enum__case_studies_v_version_workflow_state" AS ENUM('draft', 'submitted', 'changes_requested', 'published', 'archived');
  CREATE TYPE "public"."enum__case_studies_v_version_original_language" AS ENUM('en', 'de', 'fr', 'es');
  CREATE TYPE "public"."enum__case_studies_v_version_translations_en" AS ENUM('original', 'missing', 'machine', 'reviewed');
  CREATE TYPE "public"."enum__case_studies_v_version_translations_de" AS ENUM('original', 'missing', 'machine', 'reviewed');
  CREATE TYPE "public"."enum__case_studies_v_version_translations_fr" AS ENUM('original', 'missing', 'machine', 'reviewed');
  CREATE TYPE "public"."enum__case_studies_v_version_translations_es" AS ENUM('original', 'missing', 'machine', 'reviewed');
  CREATE TYPE "public"."enum__case_studies_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__case_studies_v_published_locale" AS ENUM('en', 'de', 'fr', 'es');
  CREATE TYPE "public"."enum_articles_type" AS ENUM('news', 'interview', 'event', 'award-report');
  CREATE TYPE "public"."enum_articles_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_version_type" AS ENUM('news', 'interview', 'event', 'award-report');
  CREATE TYPE "public"."enum__articles_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__articles_v_published_locale" AS ENUM('en', 'de', 'fr', 'es');
  CREATE TYPE "public"."enum_citymakers_languages" AS ENUM('en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'ca', 'pl', 'cs', 'sk', 'hu', 'ro', 'bg', 'el', 'hr', 'sr', 'sl', 'sv', 'da', 'no', 'fi', 'et', 'lv', 'lt', 'uk', 'ru', 'tr', 'ar', 'he', 'fa', 'ur', 'hi', 'bn', 'ta', 'mr', 'ne', 'si', 'zh', 'ja', 'ko', 'th', 'vi', 'id', 'ms', 'tl', 'sw', 'am', 'ha', 'yo', 'ig', 'zu', 'xh', 'af', 'wo', 'so', 'qu');
  CREATE TYPE "public"."enum_citymakers_roles" AS ENUM('admin', 'editor', 'citymaker');
  CREATE TYPE "public"."enum_citymakers_account_type" AS ENUM('person', 'organisation');
  CREATE TYPE "public"."enum_citymakers_category" AS ENUM('politician', 'administrator', 'academic', 'practitioner', 'ngo', 'private-sector', 'other');
  CREATE TYPE "public"."enum_citymakers_profile_visibility" AS ENUM('public', 'community', 'hidden');
  CREATE TYPE "public"."enum_cities_country" AS ENUM('AF', 'AX', 'AL', 'DZ', 'AS', 'AD', 'AO', 'AI', 'AQ', 'AG', 'AR', 'AM', 'AW', 'AU', 'AT', 'AZ', 'BS', 'BH', 'BD', 'BB', 'BY', 'BE', 'BZ', 'BJ', 'BM', 'BT', 'BO', 'BQ', 'BA', 'BW', 'BV', 'BR', 'IO', 'BN', 'BG', 'BF', 'BI', 'KH', 'CM', 'CA', 'CV', 'KY', 'CF', 'TD', 'CL', 'CX', 'CC', 'CO', 'KM', 'CK', 'CR', 'CI', 'HR', 'CU', 'CW', 'CY', 'CZ', 'CD', 'DK', 'DJ', 'DM', 'DO', 'EC', 'EG', 'SV', 'GQ', 'ER', 'EE', 'SZ', 'ET', 'FK', 'FO', 'FJ', 'FI', 'FR', 'GF', 'PF', 'TF', 'GA', 'GE', 'DE', 'GH', 'GI', 'GR', 'GL', 'GD', 'GP', 'GU', 'GT', 'GG', 'GN', 'GW', 'GY', 'HT', 'HM', 'VA', 'HN', 'HK', 'HU', 'IS', 'IN', 'ID', 'IQ', 'IE', 'IR', 'IM', 'IL', 'IT', 'JM', 'JP', 'JE', 'JO', 'KZ', 'KE', 'KI', 'XK', 'KW', 'KG', 'LA', 'LV', 'LB', 'LS', 'LR', 'LY', 'LI', 'LT', 'LU', 'MO', 'MG', 'MW', 'MY', 'MV', 'ML', 'MT', 'MH', 'MQ', 'MR', 'MU', 'YT', 'MX', 'FM', 'MD', 'MC', 'MN', 'ME', 'MS', 'MA', 'MZ', 'MM', 'NA', 'NR', 'NP', 'NL', 'NC', 'NZ', 'NI', 'NE', 'NG', 'NU', 'NF', 'KP', 'MP', 'NO', 'OM', 'PK', 'PW', 'PA', 'PG', 'PY', 'CN', 'PE', 'PH', 'PN', 'PL', 'PT', 'PR', 'QA', 'CG', 'GM', 'RE', 'RO', 'RU', 'RW', 'BL', 'SH', 'KN', 'LC', 'MF', 'PM', 'VC', 'WS', 'SM', 'ST', 'SA', 'SN', 'RS', 'SC', 'SL', 'SG', 'SX', 'SK', 'SI', 'SB', 'SO', 'ZA', 'GS', 'KR', 'SS', 'ES', 'LK', 'PS', 'SD', 'SR', 'SJ', 'SE', 'CH', 'SY', 'TW', 'TJ', 'TH', 'MK', 'TL', 'TG', 'TK', 'TO', 'TT', 'TN', 'TR', 'TM', 'TC', 'TV', 'UG', 'UA', 'AE', 'GB', 'TZ', 'UM', 'US', 'UY', 'UZ', 'VU', 'VE', 'VN', 'VG', 'VI', 'WF', 'EH', 'YE', 'ZM', 'ZW');
  CREATE TYPE "public"."enum_cities_region" AS ENUM('m49-002', 'm49-005', 'm49-009', 'm49-011', 'm49-013', 'm49-014', 'm49-015', 'm49-017', 'm49-018', 'm49-019', 'm49-021', 'm49-029', 'm49-030', 'm49-034', 'm49-035', 'm49-039', 'm49-053', 'm49-054', 'm49-057', 'm49-061', 'm49-142', 'm49-143', 'm49-145', 'm49-150', 'm49-151', 'm49-154', 'm49-155', 'm49-202', 'm49-419');
  CREATE TYPE "public"."enum_cities_sub_region" AS ENUM('m49-002', 'm49-005', 'm49-009', 'm49-011', 'm49-013', 'm49-014', 'm49-015', 'm49-017', 'm49-018', 'm49-019', 'm49-021', 'm49-029', 'm49-030', 'm49-034', 'm49-035', 'm49-039', 'm49-053', 'm49-054', 'm49-057', 'm49-061', 'm49-142', 'm49-143', 'm49-145', 'm49-150', 'm49-151', 'm49-154', 'm49-155', 'm49-202', 'm49-419');
  CREATE TYPE "public"."enum_topics_scheme" AS ENUM('topic', 'instrument', 'target-group');
  CREATE TYPE "public"."enum_partners_type" AS ENUM('city-network', 'urban-award', 'un-body', 'research', 'knowledge-platform', 'city-government', 'development-agency');
  CREATE TYPE "public"."enum_partners_default_licence" AS ENUM('CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'all-rights-reserved');
  CREATE TYPE "public"."enum_partners_trust_level" AS ENUM('review-required', 'trusted');
  CREATE TYPE "public"."enum_partners_feed_format" AS ENUM('json', 'csv');
  CREATE TYPE "public"."enum_media_licence" AS ENUM('CC-BY-4.0', 'CC-BY-SA-4.0', 'CC-BY-NC-4.0', 'CC0-1.0', 'all-rights-reserved');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'sendEmail', 'mailSubmissionToEditors', 'mailDecisionToAuthor');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'sendEmail', 'mailSubmissionToEditors', 'mailDecisionToAuthor');
  CREATE TABLE "case_studies_actor_types" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_case_studies_actor_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "case_studies_contacts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"citymaker_id" integer,
  	"name" varchar,
  	"role" varchar,
  	"organisation" varchar
  );
  
  CREATE TABLE "case_studies_funding_funder_types" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_case_studies_funding_funder_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "case_studies_impact_metrics" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"sdg_indicator_id" integer,
  	"baseline" numeric,
  	"value" numeric,
  	"unit" varchar,
  	"year" numeric,
  	"source" varchar
  );
  
  CREATE TABLE "case_studies_impact_metrics_locales" (
  	"indicator" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "case_studies_awards" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"award_id" integer,
  	"result" "enum_case_studies_awards_result"
  );
  
  CREATE TABLE "case_studies_gallery" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"credit" varchar,
  	"licence" "enum_case_studies_gallery_licence"
  );
  
  CREATE TABLE "case_studies_gallery_locales" (
  	"caption" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "case_studies_videos" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"url" varchar
  );
  
  CREATE TABLE "case_studies_videos_locales" (
  	"title" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "case_studies_files" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"file_id" integer
  );
  
  CREATE TABLE "case_studies_files_locales" (
  	"title" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "case_studies_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"url" varchar
  );
  
  CREATE TABLE "case_studies_links_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "case_studies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"hero_image_id" integer,
  	"project_area" "enum_case_studies_project_area",
  	"location_lat" numeric,
  	"location_lng" numeric,
  	"project_status" "enum_case_studies_project_status",
  	"start_year" numeric,
  	"end_year" numeric,
  	"lead_organisation" varchar,
  	"funding_amount" numeric,
  	"funding_currency" varchar,
  	"funding_year" numeric,
  	"primary_sdg_id" integer,
  	"provenance_source_type" "enum_case_studies_provenance_source_type" DEFAULT 'community',
  	"provenance_source_partner_id" integer,
  	"provenance_external_id" varchar,
  	"provenance_source_url" varchar,
  	"provenance_licence" "enum_case_studies_provenance_licence",
  	"provenance_retrieved_at" timestamp(3) with time zone,
  	"provenance_content_hash" varchar,
  	"slug" varchar,
  	"workflow_state" "enum_case_studies_workflow_state" DEFAULT 'draft',
  	"author_id" integer,
  	"original_language" "enum_case_studies_original_language" DEFAULT 'en',
  	"translations_en" "enum_case_studies_translations_en" DEFAULT 'missing',
  	"translations_de" "enum_case_studies_translations_de" DEFAULT 'missing',
  	"translations_fr" "enum_case_studies_translations_fr" DEFAULT 'missing',
  	"translations_es" "enum_case_studies_translations_es" DEFAULT 'missing',
  	"completeness_score" numeric,
  	"featured" boolean DEFAULT false,
  	"demo" boolean DEFAULT false,
  	"last_reviewed_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_case_studies_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "case_studies_locales" (
  	"title" varchar,
  	"teaser" varchar,
  	"summary" varchar,
  	"sections_background" jsonb,
  	"sections_approach" jsonb,
  	"sections_participation" jsonb,
  	"sections_results" jsonb,
  	"sections_challenges" jsonb,
  	"sections_transferability" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "case_studies_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "case_studies_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"cities_id" integer,
  	"topics_id" integer,
  	"sdgs_id" integer,
  	"sdg_targets_id" integer,
  	"case_studies_id" integer
  );
  
  CREATE TABLE "_case_studies_v_version_actor_types" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__case_studies_v_version_actor_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_case_studies_v_version_contacts" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"citymaker_id" integer,
  	"name" varchar,
  	"role" varchar,
  	"organisation" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_case_studies_v_version_funding_funder_types" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__case_studies_v_version_funding_funder_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_case_studies_v_version_impact_metrics" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"sdg_indicator_id" integer,
  	"baseline" numeric,
  	"value" numeric,
  	"unit" varchar,
  	"year" numeric,
  	"source" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_case_studies_v_version_impact_metrics_locales" (
  	"indicator" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_case_studies_v_version_awards" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"award_id" integer,
  	"result" "enum__case_studies_v_version_awards_result",
  	"_uuid" varchar
  );
  
  CREATE TABLE "_case_studies_v_version_gallery" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"credit" varchar,
  	"licence" "enum__case_studies_v_version_gallery_licence",
  	"_uuid" varchar
  );
  
  CREATE TABLE "_case_studies_v_version_gallery_locales" (
  	"caption" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_case_studies_v_version_videos" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_case_studies_v_version_videos_locales" (
  	"title" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_case_studies_v_version_files" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"file_id" integer,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_case_studies_v_version_files_locales" (
  	"title" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_case_studies_v_version_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"url" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_case_studies_v_version_links_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_case_studies_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_hero_image_id" integer,
  	"version_project_area" "enum__case_studies_v_version_project_area",
  	"version_location_lat" numeric,
  	"version_location_lng" numeric,
  	"version_project_status" "enum__case_studies_v_version_project_status",
  	"version_start_year" numeric,
  	"version_end_year" numeric,
  	"version_lead_organisation" varchar,
  	"version_funding_amount" numeric,
  	"version_funding_currency" varchar,
  	"version_funding_year" numeric,
  	"version_primary_sdg_id" integer,
  	"version_provenance_source_type" "enum__case_studies_v_version_provenance_source_type" DEFAULT 'community',
  	"version_provenance_source_partner_id" integer,
  	"version_provenance_external_id" varchar,
  	"version_provenance_source_url" varchar,
  	"version_provenance_licence" "enum__case_studies_v_version_provenance_licence",
  	"version_provenance_retrieved_at" timestamp(3) with time zone,
  	"version_provenance_content_hash" varchar,
  	"version_slug" varchar,
  	"version_workflow_state" "enum__case_studies_v_version_workflow_state" DEFAULT 'draft',
  	"version_author_id" integer,
  	"version_original_language" "enum__case_studies_v_version_original_language" DEFAULT 'en',
  	"version_translations_en" "enum__case_studies_v_version_translations_en" DEFAULT 'missing',
  	"version_translations_de" "enum__case_studies_v_version_translations_de" DEFAULT 'missing',
  	"version_translations_fr" "enum__case_studies_v_version_translations_fr" DEFAULT 'missing',
  	"version_translations_es" "enum__case_studies_v_version_translations_es" DEFAULT 'missing',
  	"version_completeness_score" numeric,
  	"version_featured" boolean DEFAULT false,
  	"version_demo" boolean DEFAULT false,
  	"version_last_reviewed_at" timestamp(3) with time zone,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__case_studies_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__case_studies_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_case_studies_v_locales" (
  	"version_title" varchar,
  	"version_teaser" varchar,
  	"version_summary" varchar,
  	"version_sections_background" jsonb,
  	"version_sections_approach" jsonb,
  	"version_sections_participation" jsonb,
  	"version_sections_results" jsonb,
  	"version_sections_challenges" jsonb,
  	"version_sections_transferability" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_case_studies_v_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "_case_studies_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"cities_id" integer,
  	"topics_id" integer,
  	"sdgs_id" integer,
  	"sdg_targets_id" integer,
  	"case_studies_id" integer
  );
  
  CREATE TABLE "articles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"type" "enum_articles_type" DEFAULT 'news',
  	"slug" varchar,
  	"hero_image_id" integer,
  	"demo" boolean DEFAULT false,
  	"published_at" timestamp(3) with time zone,
  	"event_start" timestamp(3) with time zone,
  	"event_end" timestamp(3) with time zone,
  	"event_venue" varchar,
  	"event_online_url" varchar,
  	"event_registration_url" varchar,
  	"interviewee_citymaker_id" integer,
  	"interviewee_name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_articles_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "articles_locales" (
  	"title" varchar,
  	"teaser" varchar,
  	"body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "articles_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"citymakers_id" integer,
  	"case_studies_id" integer,
  	"cities_id" integer,
  	"topics_id" integer,
  	"sdgs_id" integer,
  	"partners_id" integer
  );
  
  CREATE TABLE "_articles_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_type" "enum__articles_v_version_type" DEFAULT 'news',
  	"version_slug" varchar,
  	"version_hero_image_id" integer,
  	"version_demo" boolean DEFAULT false,
  	"version_published_at" timestamp(3) with time zone,
  	"version_event_start" timestamp(3) with time zone,
  	"version_event_end" timestamp(3) with time zone,
  	"version_event_venue" varchar,
  	"version_event_online_url" varchar,
  	"version_event_registration_url" varchar,
  	"version_interviewee_citymaker_id" integer,
  	"version_interviewee_name" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__articles_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__articles_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_articles_v_locales" (
  	"version_title" varchar,
  	"version_teaser" varchar,
  	"version_body" jsonb,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_articles_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"citymakers_id" integer,
  	"case_studies_id" integer,
  	"cities_id" integer,
  	"topics_id" integer,
  	"sdgs_id" integer,
  	"partners_id" integer
  );
  
  CREATE TABLE "citymakers_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_citymakers_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "citymakers_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"url" varchar NOT NULL
  );
  
  CREATE TABLE "citymakers_links_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "citymakers_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_citymakers_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "citymakers_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "citymakers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"display_name" varchar NOT NULL,
  	"account_type" "enum_citymakers_account_type" DEFAULT 'person' NOT NULL,
  	"category" "enum_citymakers_category",
  	"organisation" varchar,
  	"position" varchar,
  	"city_id" integer,
  	"avatar_id" integer,
  	"profile_visibility" "enum_citymakers_profile_visibility" DEFAULT 'community' NOT NULL,
  	"allow_contact" boolean DEFAULT true,
  	"consents_terms_accepted_at" timestamp(3) with time zone,
  	"consents_privacy_accepted_at" timestamp(3) with time zone,
  	"consents_alerts_consented_at" timestamp(3) with time zone,
  	"demo" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"_verified" boolean,
  	"_verificationtoken" varchar,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "citymakers_locales" (
  	"bio" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "citymakers_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"topics_id" integer,
  	"sdgs_id" integer
  );
  
  CREATE TABLE "cities_networks" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"partner_id" integer NOT NULL,
  	"since" numeric
  );
  
  CREATE TABLE "cities" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"country" "enum_cities_country" NOT NULL,
  	"region" "enum_cities_region",
  	"sub_region" "enum_cities_sub_region",
  	"location_lat" numeric,
  	"location_lng" numeric,
  	"population_value" numeric,
  	"population_year" numeric,
  	"population_source" varchar,
  	"geonames_id" numeric,
  	"wikidata_id" varchar,
  	"name_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "cities_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "topics" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"scheme" "enum_topics_scheme" DEFAULT 'topic' NOT NULL,
  	"parent_id" integer,
  	"path" varchar,
  	"depth" numeric,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "topics_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "topics_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "topics_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"sdg_targets_id" integer
  );
  
  CREATE TABLE "partners" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar,
  	"type" "enum_partners_type" NOT NULL,
  	"logo_id" integer,
  	"website" varchar,
  	"founded" numeric,
  	"active_since" numeric,
  	"active_until" numeric,
  	"default_licence" "enum_partners_default_licence",
  	"contact_id" integer,
  	"trust_level" "enum_partners_trust_level" DEFAULT 'review-required' NOT NULL,
  	"feed_format" "enum_partners_feed_format",
  	"feed_url" varchar,
  	"feed_schedule" varchar,
  	"feed_last_run_at" timestamp(3) with time zone,
  	"feed_last_status" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "partners_locales" (
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "awards" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar,
  	"organiser_id" integer,
  	"edition" varchar,
  	"year" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "awards_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "awards_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar,
  	"locale" "_locales"
  );
  
  CREATE TABLE "sdgs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" numeric NOT NULL,
  	"code" varchar NOT NULL,
  	"colour" varchar NOT NULL,
  	"uri" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sdgs_locales" (
  	"short_title" varchar NOT NULL,
  	"title" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "sdg_targets" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"goal_id" integer NOT NULL,
  	"order" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sdg_targets_locales" (
  	"text" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "sdg_indicators" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"target_id" integer NOT NULL,
  	"order" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "sdg_indicators_locales" (
  	"text" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"credit" varchar,
  	"licence" "enum_media_licence",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_thumbnail_url" varchar,
  	"sizes_thumbnail_width" numeric,
  	"sizes_thumbnail_height" numeric,
  	"sizes_thumbnail_mime_type" varchar,
  	"sizes_thumbnail_filesize" numeric,
  	"sizes_thumbnail_filename" varchar,
  	"sizes_card_url" varchar,
  	"sizes_card_width" numeric,
  	"sizes_card_height" numeric,
  	"sizes_card_mime_type" varchar,
  	"sizes_card_filesize" numeric,
  	"sizes_card_filename" varchar,
  	"sizes_hero_url" varchar,
  	"sizes_hero_width" numeric,
  	"sizes_hero_height" numeric,
  	"sizes_hero_mime_type" varchar,
  	"sizes_hero_filesize" numeric,
  	"sizes_hero_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar NOT NULL,
  	"caption" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "workflow_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"case_study_id" integer NOT NULL,
  	"case_author_id" integer,
  	"from" varchar NOT NULL,
  	"to" varchar NOT NULL,
  	"actor_id" integer,
  	"actor_label" varchar,
  	"comment" varchar,
  	"summary" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"case_studies_id" integer,
  	"articles_id" integer,
  	"citymakers_id" integer,
  	"cities_id" integer,
  	"topics_id" integer,
  	"partners_id" integer,
  	"awards_id" integer,
  	"sdgs_id" integer,
  	"sdg_targets_id" integer,
  	"sdg_indicators_id" integer,
  	"media_id" integer,
  	"workflow_events_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"citymakers_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "case_studies_actor_types" ADD CONSTRAINT "case_studies_actor_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_contacts" ADD CONSTRAINT "case_studies_contacts_citymaker_id_citymakers_id_fk" FOREIGN KEY ("citymaker_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "case_studies_contacts" ADD CONSTRAINT "case_studies_contacts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_funding_funder_types" ADD CONSTRAINT "case_studies_funding_funder_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_impact_metrics" ADD CONSTRAINT "case_studies_impact_metrics_sdg_indicator_id_sdg_indicators_id_fk" FOREIGN KEY ("sdg_indicator_id") REFERENCES "public"."sdg_indicators"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "case_studies_impact_metrics" ADD CONSTRAINT "case_studies_impact_metrics_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_impact_metrics_locales" ADD CONSTRAINT "case_studies_impact_metrics_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies_impact_metrics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_awards" ADD CONSTRAINT "case_studies_awards_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "case_studies_awards" ADD CONSTRAINT "case_studies_awards_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_gallery" ADD CONSTRAINT "case_studies_gallery_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "case_studies_gallery" ADD CONSTRAINT "case_studies_gallery_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_gallery_locales" ADD CONSTRAINT "case_studies_gallery_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies_gallery"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_videos" ADD CONSTRAINT "case_studies_videos_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_videos_locales" ADD CONSTRAINT "case_studies_videos_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies_videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_files" ADD CONSTRAINT "case_studies_files_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "case_studies_files" ADD CONSTRAINT "case_studies_files_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_files_locales" ADD CONSTRAINT "case_studies_files_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_links" ADD CONSTRAINT "case_studies_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_links_locales" ADD CONSTRAINT "case_studies_links_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_primary_sdg_id_sdgs_id_fk" FOREIGN KEY ("primary_sdg_id") REFERENCES "public"."sdgs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_provenance_source_partner_id_partners_id_fk" FOREIGN KEY ("provenance_source_partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_author_id_citymakers_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "case_studies_locales" ADD CONSTRAINT "case_studies_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_texts" ADD CONSTRAINT "case_studies_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_rels" ADD CONSTRAINT "case_studies_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_rels" ADD CONSTRAINT "case_studies_rels_cities_fk" FOREIGN KEY ("cities_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_rels" ADD CONSTRAINT "case_studies_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_rels" ADD CONSTRAINT "case_studies_rels_sdgs_fk" FOREIGN KEY ("sdgs_id") REFERENCES "public"."sdgs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_rels" ADD CONSTRAINT "case_studies_rels_sdg_targets_fk" FOREIGN KEY ("sdg_targets_id") REFERENCES "public"."sdg_targets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "case_studies_rels" ADD CONSTRAINT "case_studies_rels_case_studies_fk" FOREIGN KEY ("case_studies_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_actor_types" ADD CONSTRAINT "_case_studies_v_version_actor_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_contacts" ADD CONSTRAINT "_case_studies_v_version_contacts_citymaker_id_citymakers_id_fk" FOREIGN KEY ("citymaker_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_contacts" ADD CONSTRAINT "_case_studies_v_version_contacts_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_funding_funder_types" ADD CONSTRAINT "_case_studies_v_version_funding_funder_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_impact_metrics" ADD CONSTRAINT "_case_studies_v_version_impact_metrics_sdg_indicator_id_sdg_indicators_id_fk" FOREIGN KEY ("sdg_indicator_id") REFERENCES "public"."sdg_indicators"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_impact_metrics" ADD CONSTRAINT "_case_studies_v_version_impact_metrics_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_impact_metrics_locales" ADD CONSTRAINT "_case_studies_v_version_impact_metrics_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v_version_impact_metrics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_awards" ADD CONSTRAINT "_case_studies_v_version_awards_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_awards" ADD CONSTRAINT "_case_studies_v_version_awards_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_gallery" ADD CONSTRAINT "_case_studies_v_version_gallery_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_gallery" ADD CONSTRAINT "_case_studies_v_version_gallery_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_gallery_locales" ADD CONSTRAINT "_case_studies_v_version_gallery_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v_version_gallery"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_videos" ADD CONSTRAINT "_case_studies_v_version_videos_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_videos_locales" ADD CONSTRAINT "_case_studies_v_version_videos_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v_version_videos"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_files" ADD CONSTRAINT "_case_studies_v_version_files_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_files" ADD CONSTRAINT "_case_studies_v_version_files_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_files_locales" ADD CONSTRAINT "_case_studies_v_version_files_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v_version_files"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_links" ADD CONSTRAINT "_case_studies_v_version_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_version_links_locales" ADD CONSTRAINT "_case_studies_v_version_links_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v_version_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v" ADD CONSTRAINT "_case_studies_v_parent_id_case_studies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."case_studies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v" ADD CONSTRAINT "_case_studies_v_version_hero_image_id_media_id_fk" FOREIGN KEY ("version_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v" ADD CONSTRAINT "_case_studies_v_version_primary_sdg_id_sdgs_id_fk" FOREIGN KEY ("version_primary_sdg_id") REFERENCES "public"."sdgs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v" ADD CONSTRAINT "_case_studies_v_version_provenance_source_partner_id_partners_id_fk" FOREIGN KEY ("version_provenance_source_partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v" ADD CONSTRAINT "_case_studies_v_version_author_id_citymakers_id_fk" FOREIGN KEY ("version_author_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_case_studies_v_locales" ADD CONSTRAINT "_case_studies_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_texts" ADD CONSTRAINT "_case_studies_v_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_rels" ADD CONSTRAINT "_case_studies_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_rels" ADD CONSTRAINT "_case_studies_v_rels_cities_fk" FOREIGN KEY ("cities_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_rels" ADD CONSTRAINT "_case_studies_v_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_rels" ADD CONSTRAINT "_case_studies_v_rels_sdgs_fk" FOREIGN KEY ("sdgs_id") REFERENCES "public"."sdgs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_rels" ADD CONSTRAINT "_case_studies_v_rels_sdg_targets_fk" FOREIGN KEY ("sdg_targets_id") REFERENCES "public"."sdg_targets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_case_studies_v_rels" ADD CONSTRAINT "_case_studies_v_rels_case_studies_fk" FOREIGN KEY ("case_studies_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_hero_image_id_media_id_fk" FOREIGN KEY ("hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_interviewee_citymaker_id_citymakers_id_fk" FOREIGN KEY ("interviewee_citymaker_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles_locales" ADD CONSTRAINT "articles_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_citymakers_fk" FOREIGN KEY ("citymakers_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_case_studies_fk" FOREIGN KEY ("case_studies_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_cities_fk" FOREIGN KEY ("cities_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_sdgs_fk" FOREIGN KEY ("sdgs_id") REFERENCES "public"."sdgs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "articles_rels" ADD CONSTRAINT "articles_rels_partners_fk" FOREIGN KEY ("partners_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_parent_id_articles_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_hero_image_id_media_id_fk" FOREIGN KEY ("version_hero_image_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_interviewee_citymaker_id_citymakers_id_fk" FOREIGN KEY ("version_interviewee_citymaker_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v_locales" ADD CONSTRAINT "_articles_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_citymakers_fk" FOREIGN KEY ("citymakers_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_case_studies_fk" FOREIGN KEY ("case_studies_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_cities_fk" FOREIGN KEY ("cities_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_sdgs_fk" FOREIGN KEY ("sdgs_id") REFERENCES "public"."sdgs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_rels" ADD CONSTRAINT "_articles_v_rels_partners_fk" FOREIGN KEY ("partners_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_languages" ADD CONSTRAINT "citymakers_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_links" ADD CONSTRAINT "citymakers_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_links_locales" ADD CONSTRAINT "citymakers_links_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."citymakers_links"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_roles" ADD CONSTRAINT "citymakers_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_sessions" ADD CONSTRAINT "citymakers_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers" ADD CONSTRAINT "citymakers_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "citymakers" ADD CONSTRAINT "citymakers_avatar_id_media_id_fk" FOREIGN KEY ("avatar_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "citymakers_locales" ADD CONSTRAINT "citymakers_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_rels" ADD CONSTRAINT "citymakers_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_rels" ADD CONSTRAINT "citymakers_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "citymakers_rels" ADD CONSTRAINT "citymakers_rels_sdgs_fk" FOREIGN KEY ("sdgs_id") REFERENCES "public"."sdgs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cities_networks" ADD CONSTRAINT "cities_networks_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "cities_networks" ADD CONSTRAINT "cities_networks_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "cities_locales" ADD CONSTRAINT "cities_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "topics" ADD CONSTRAINT "topics_parent_id_topics_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "topics_locales" ADD CONSTRAINT "topics_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "topics_texts" ADD CONSTRAINT "topics_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "topics_rels" ADD CONSTRAINT "topics_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "topics_rels" ADD CONSTRAINT "topics_rels_sdg_targets_fk" FOREIGN KEY ("sdg_targets_id") REFERENCES "public"."sdg_targets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "partners" ADD CONSTRAINT "partners_logo_id_media_id_fk" FOREIGN KEY ("logo_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "partners" ADD CONSTRAINT "partners_contact_id_citymakers_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "partners_locales" ADD CONSTRAINT "partners_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "awards" ADD CONSTRAINT "awards_organiser_id_partners_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."partners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "awards_locales" ADD CONSTRAINT "awards_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "awards_texts" ADD CONSTRAINT "awards_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sdgs_locales" ADD CONSTRAINT "sdgs_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sdgs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sdg_targets" ADD CONSTRAINT "sdg_targets_goal_id_sdgs_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."sdgs"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sdg_targets_locales" ADD CONSTRAINT "sdg_targets_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sdg_targets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "sdg_indicators" ADD CONSTRAINT "sdg_indicators_target_id_sdg_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."sdg_targets"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "sdg_indicators_locales" ADD CONSTRAINT "sdg_indicators_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."sdg_indicators"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_case_author_id_citymakers_id_fk" FOREIGN KEY ("case_author_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_actor_id_citymakers_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."citymakers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_case_studies_fk" FOREIGN KEY ("case_studies_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_articles_fk" FOREIGN KEY ("articles_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_citymakers_fk" FOREIGN KEY ("citymakers_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_cities_fk" FOREIGN KEY ("cities_id") REFERENCES "public"."cities"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_topics_fk" FOREIGN KEY ("topics_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_partners_fk" FOREIGN KEY ("partners_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_awards_fk" FOREIGN KEY ("awards_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sdgs_fk" FOREIGN KEY ("sdgs_id") REFERENCES "public"."sdgs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sdg_targets_fk" FOREIGN KEY ("sdg_targets_id") REFERENCES "public"."sdg_targets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_sdg_indicators_fk" FOREIGN KEY ("sdg_indicators_id") REFERENCES "public"."sdg_indicators"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_events_fk" FOREIGN KEY ("workflow_events_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_citymakers_fk" FOREIGN KEY ("citymakers_id") REFERENCES "public"."citymakers"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "case_studies_actor_types_order_idx" ON "case_studies_actor_types" USING btree ("order");
  CREATE INDEX "case_studies_actor_types_parent_idx" ON "case_studies_actor_types" USING btree ("parent_id");
  CREATE INDEX "case_studies_contacts_order_idx" ON "case_studies_contacts" USING btree ("_order");
  CREATE INDEX "case_studies_contacts_parent_id_idx" ON "case_studies_contacts" USING btree ("_parent_id");
  CREATE INDEX "case_studies_contacts_citymaker_idx" ON "case_studies_contacts" USING btree ("citymaker_id");
  CREATE INDEX "case_studies_funding_funder_types_order_idx" ON "case_studies_funding_funder_types" USING btree ("order");
  CREATE INDEX "case_studies_funding_funder_types_parent_idx" ON "case_studies_funding_funder_types" USING btree ("parent_id");
  CREATE INDEX "case_studies_impact_metrics_order_idx" ON "case_studies_impact_metrics" USING btree ("_order");
  CREATE INDEX "case_studies_impact_metrics_parent_id_idx" ON "case_studies_impact_metrics" USING btree ("_parent_id");
  CREATE INDEX "case_studies_impact_metrics_sdg_indicator_idx" ON "case_studies_impact_metrics" USING btree ("sdg_indicator_id");
  CREATE UNIQUE INDEX "case_studies_impact_metrics_locales_locale_parent_id_unique" ON "case_studies_impact_metrics_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "case_studies_awards_order_idx" ON "case_studies_awards" USING btree ("_order");
  CREATE INDEX "case_studies_awards_parent_id_idx" ON "case_studies_awards" USING btree ("_parent_id");
  CREATE INDEX "case_studies_awards_award_idx" ON "case_studies_awards" USING btree ("award_id");
  CREATE INDEX "case_studies_gallery_order_idx" ON "case_studies_gallery" USING btree ("_order");
  CREATE INDEX "case_studies_gallery_parent_id_idx" ON "case_studies_gallery" USING btree ("_parent_id");
  CREATE INDEX "case_studies_gallery_image_idx" ON "case_studies_gallery" USING btree ("image_id");
  CREATE UNIQUE INDEX "case_studies_gallery_locales_locale_parent_id_unique" ON "case_studies_gallery_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "case_studies_videos_order_idx" ON "case_studies_videos" USING btree ("_order");
  CREATE INDEX "case_studies_videos_parent_id_idx" ON "case_studies_videos" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "case_studies_videos_locales_locale_parent_id_unique" ON "case_studies_videos_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "case_studies_files_order_idx" ON "case_studies_files" USING btree ("_order");
  CREATE INDEX "case_studies_files_parent_id_idx" ON "case_studies_files" USING btree ("_parent_id");
  CREATE INDEX "case_studies_files_file_idx" ON "case_studies_files" USING btree ("file_id");
  CREATE UNIQUE INDEX "case_studies_files_locales_locale_parent_id_unique" ON "case_studies_files_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "case_studies_links_order_idx" ON "case_studies_links" USING btree ("_order");
  CREATE INDEX "case_studies_links_parent_id_idx" ON "case_studies_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "case_studies_links_locales_locale_parent_id_unique" ON "case_studies_links_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "case_studies_hero_image_idx" ON "case_studies" USING btree ("hero_image_id");
  CREATE INDEX "case_studies_project_area_idx" ON "case_studies" USING btree ("project_area");
  CREATE INDEX "case_studies_location_location_lat_idx" ON "case_studies" USING btree ("location_lat");
  CREATE INDEX "case_studies_location_location_lng_idx" ON "case_studies" USING btree ("location_lng");
  CREATE INDEX "case_studies_project_status_idx" ON "case_studies" USING btree ("project_status");
  CREATE INDEX "case_studies_start_year_idx" ON "case_studies" USING btree ("start_year");
  CREATE INDEX "case_studies_end_year_idx" ON "case_studies" USING btree ("end_year");
  CREATE INDEX "case_studies_primary_sdg_idx" ON "case_studies" USING btree ("primary_sdg_id");
  CREATE INDEX "case_studies_provenance_provenance_source_type_idx" ON "case_studies" USING btree ("provenance_source_type");
  CREATE INDEX "case_studies_provenance_provenance_source_partner_idx" ON "case_studies" USING btree ("provenance_source_partner_id");
  CREATE INDEX "case_studies_provenance_provenance_external_id_idx" ON "case_studies" USING btree ("provenance_external_id");
  CREATE UNIQUE INDEX "case_studies_slug_idx" ON "case_studies" USING btree ("slug");
  CREATE INDEX "case_studies_workflow_state_idx" ON "case_studies" USING btree ("workflow_state");
  CREATE INDEX "case_studies_author_idx" ON "case_studies" USING btree ("author_id");
  CREATE INDEX "case_studies_original_language_idx" ON "case_studies" USING btree ("original_language");
  CREATE INDEX "case_studies_completeness_completeness_score_idx" ON "case_studies" USING btree ("completeness_score");
  CREATE INDEX "case_studies_featured_idx" ON "case_studies" USING btree ("featured");
  CREATE INDEX "case_studies_demo_idx" ON "case_studies" USING btree ("demo");
  CREATE INDEX "case_studies_updated_at_idx" ON "case_studies" USING btree ("updated_at");
  CREATE INDEX "case_studies_created_at_idx" ON "case_studies" USING btree ("created_at");
  CREATE INDEX "case_studies__status_idx" ON "case_studies" USING btree ("_status");
  CREATE UNIQUE INDEX "provenance_sourcePartner_provenance_externalId_idx" ON "case_studies" USING btree ("provenance_source_partner_id","provenance_external_id");
  CREATE UNIQUE INDEX "case_studies_locales_locale_parent_id_unique" ON "case_studies_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "case_studies_texts_order_parent" ON "case_studies_texts" USING btree ("order","parent_id");
  CREATE INDEX "case_studies_rels_order_idx" ON "case_studies_rels" USING btree ("order");
  CREATE INDEX "case_studies_rels_parent_idx" ON "case_studies_rels" USING btree ("parent_id");
  CREATE INDEX "case_studies_rels_path_idx" ON "case_studies_rels" USING btree ("path");
  CREATE INDEX "case_studies_rels_cities_id_idx" ON "case_studies_rels" USING btree ("cities_id");
  CREATE INDEX "case_studies_rels_topics_id_idx" ON "case_studies_rels" USING btree ("topics_id");
  CREATE INDEX "case_studies_rels_sdgs_id_idx" ON "case_studies_rels" USING btree ("sdgs_id");
  CREATE INDEX "case_studies_rels_sdg_targets_id_idx" ON "case_studies_rels" USING btree ("sdg_targets_id");
  CREATE INDEX "case_studies_rels_case_studies_id_idx" ON "case_studies_rels" USING btree ("case_studies_id");
  CREATE INDEX "_case_studies_v_version_actor_types_order_idx" ON "_case_studies_v_version_actor_types" USING btree ("order");
  CREATE INDEX "_case_studies_v_version_actor_types_parent_idx" ON "_case_studies_v_version_actor_types" USING btree ("parent_id");
  CREATE INDEX "_case_studies_v_version_contacts_order_idx" ON "_case_studies_v_version_contacts" USING btree ("_order");
  CREATE INDEX "_case_studies_v_version_contacts_parent_id_idx" ON "_case_studies_v_version_contacts" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_version_contacts_citymaker_idx" ON "_case_studies_v_version_contacts" USING btree ("citymaker_id");
  CREATE INDEX "_case_studies_v_version_funding_funder_types_order_idx" ON "_case_studies_v_version_funding_funder_types" USING btree ("order");
  CREATE INDEX "_case_studies_v_version_funding_funder_types_parent_idx" ON "_case_studies_v_version_funding_funder_types" USING btree ("parent_id");
  CREATE INDEX "_case_studies_v_version_impact_metrics_order_idx" ON "_case_studies_v_version_impact_metrics" USING btree ("_order");
  CREATE INDEX "_case_studies_v_version_impact_metrics_parent_id_idx" ON "_case_studies_v_version_impact_metrics" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_version_impact_metrics_sdg_indicator_idx" ON "_case_studies_v_version_impact_metrics" USING btree ("sdg_indicator_id");
  CREATE UNIQUE INDEX "_case_studies_v_version_impact_metrics_locales_locale_parent" ON "_case_studies_v_version_impact_metrics_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_case_studies_v_version_awards_order_idx" ON "_case_studies_v_version_awards" USING btree ("_order");
  CREATE INDEX "_case_studies_v_version_awards_parent_id_idx" ON "_case_studies_v_version_awards" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_version_awards_award_idx" ON "_case_studies_v_version_awards" USING btree ("award_id");
  CREATE INDEX "_case_studies_v_version_gallery_order_idx" ON "_case_studies_v_version_gallery" USING btree ("_order");
  CREATE INDEX "_case_studies_v_version_gallery_parent_id_idx" ON "_case_studies_v_version_gallery" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_version_gallery_image_idx" ON "_case_studies_v_version_gallery" USING btree ("image_id");
  CREATE UNIQUE INDEX "_case_studies_v_version_gallery_locales_locale_parent_id_uni" ON "_case_studies_v_version_gallery_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_case_studies_v_version_videos_order_idx" ON "_case_studies_v_version_videos" USING btree ("_order");
  CREATE INDEX "_case_studies_v_version_videos_parent_id_idx" ON "_case_studies_v_version_videos" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_case_studies_v_version_videos_locales_locale_parent_id_uniq" ON "_case_studies_v_version_videos_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_case_studies_v_version_files_order_idx" ON "_case_studies_v_version_files" USING btree ("_order");
  CREATE INDEX "_case_studies_v_version_files_parent_id_idx" ON "_case_studies_v_version_files" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_version_files_file_idx" ON "_case_studies_v_version_files" USING btree ("file_id");
  CREATE UNIQUE INDEX "_case_studies_v_version_files_locales_locale_parent_id_uniqu" ON "_case_studies_v_version_files_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_case_studies_v_version_links_order_idx" ON "_case_studies_v_version_links" USING btree ("_order");
  CREATE INDEX "_case_studies_v_version_links_parent_id_idx" ON "_case_studies_v_version_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_case_studies_v_version_links_locales_locale_parent_id_uniqu" ON "_case_studies_v_version_links_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_case_studies_v_parent_idx" ON "_case_studies_v" USING btree ("parent_id");
  CREATE INDEX "_case_studies_v_version_version_hero_image_idx" ON "_case_studies_v" USING btree ("version_hero_image_id");
  CREATE INDEX "_case_studies_v_version_version_project_area_idx" ON "_case_studies_v" USING btree ("version_project_area");
  CREATE INDEX "_case_studies_v_version_location_version_location_lat_idx" ON "_case_studies_v" USING btree ("version_location_lat");
  CREATE INDEX "_case_studies_v_version_location_version_location_lng_idx" ON "_case_studies_v" USING btree ("version_location_lng");
  CREATE INDEX "_case_studies_v_version_version_project_status_idx" ON "_case_studies_v" USING btree ("version_project_status");
  CREATE INDEX "_case_studies_v_version_version_start_year_idx" ON "_case_studies_v" USING btree ("version_start_year");
  CREATE INDEX "_case_studies_v_version_version_end_year_idx" ON "_case_studies_v" USING btree ("version_end_year");
  CREATE INDEX "_case_studies_v_version_version_primary_sdg_idx" ON "_case_studies_v" USING btree ("version_primary_sdg_id");
  CREATE INDEX "_case_studies_v_version_provenance_version_provenance_so_idx" ON "_case_studies_v" USING btree ("version_provenance_source_type");
  CREATE INDEX "_case_studies_v_version_provenance_version_provenance__1_idx" ON "_case_studies_v" USING btree ("version_provenance_source_partner_id");
  CREATE INDEX "_case_studies_v_version_provenance_version_provenance_ex_idx" ON "_case_studies_v" USING btree ("version_provenance_external_id");
  CREATE INDEX "_case_studies_v_version_version_slug_idx" ON "_case_studies_v" USING btree ("version_slug");
  CREATE INDEX "_case_studies_v_version_version_workflow_state_idx" ON "_case_studies_v" USING btree ("version_workflow_state");
  CREATE INDEX "_case_studies_v_version_version_author_idx" ON "_case_studies_v" USING btree ("version_author_id");
  CREATE INDEX "_case_studies_v_version_version_original_language_idx" ON "_case_studies_v" USING btree ("version_original_language");
  CREATE INDEX "_case_studies_v_version_completeness_version_completenes_idx" ON "_case_studies_v" USING btree ("version_completeness_score");
  CREATE INDEX "_case_studies_v_version_version_featured_idx" ON "_case_studies_v" USING btree ("version_featured");
  CREATE INDEX "_case_studies_v_version_version_demo_idx" ON "_case_studies_v" USING btree ("version_demo");
  CREATE INDEX "_case_studies_v_version_version_updated_at_idx" ON "_case_studies_v" USING btree ("version_updated_at");
  CREATE INDEX "_case_studies_v_version_version_created_at_idx" ON "_case_studies_v" USING btree ("version_created_at");
  CREATE INDEX "_case_studies_v_version_version__status_idx" ON "_case_studies_v" USING btree ("version__status");
  CREATE INDEX "_case_studies_v_created_at_idx" ON "_case_studies_v" USING btree ("created_at");
  CREATE INDEX "_case_studies_v_updated_at_idx" ON "_case_studies_v" USING btree ("updated_at");
  CREATE INDEX "_case_studies_v_snapshot_idx" ON "_case_studies_v" USING btree ("snapshot");
  CREATE INDEX "_case_studies_v_published_locale_idx" ON "_case_studies_v" USING btree ("published_locale");
  CREATE INDEX "_case_studies_v_latest_idx" ON "_case_studies_v" USING btree ("latest");
  CREATE INDEX "version_provenance_sourcePartner_version_provenance_exte_idx" ON "_case_studies_v" USING btree ("version_provenance_source_partner_id","version_provenance_external_id");
  CREATE UNIQUE INDEX "_case_studies_v_locales_locale_parent_id_unique" ON "_case_studies_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_case_studies_v_texts_order_parent" ON "_case_studies_v_texts" USING btree ("order","parent_id");
  CREATE INDEX "_case_studies_v_rels_order_idx" ON "_case_studies_v_rels" USING btree ("order");
  CREATE INDEX "_case_studies_v_rels_parent_idx" ON "_case_studies_v_rels" USING btree ("parent_id");
  CREATE INDEX "_case_studies_v_rels_path_idx" ON "_case_studies_v_rels" USING btree ("path");
  CREATE INDEX "_case_studies_v_rels_cities_id_idx" ON "_case_studies_v_rels" USING btree ("cities_id");
  CREATE INDEX "_case_studies_v_rels_topics_id_idx" ON "_case_studies_v_rels" USING btree ("topics_id");
  CREATE INDEX "_case_studies_v_rels_sdgs_id_idx" ON "_case_studies_v_rels" USING btree ("sdgs_id");
  CREATE INDEX "_case_studies_v_rels_sdg_targets_id_idx" ON "_case_studies_v_rels" USING btree ("sdg_targets_id");
  CREATE INDEX "_case_studies_v_rels_case_studies_id_idx" ON "_case_studies_v_rels" USING btree ("case_studies_id");
  CREATE INDEX "articles_type_idx" ON "articles" USING btree ("type");
  CREATE UNIQUE INDEX "articles_slug_idx" ON "articles" USING btree ("slug");
  CREATE INDEX "articles_hero_image_idx" ON "articles" USING btree ("hero_image_id");
  CREATE INDEX "articles_demo_idx" ON "articles" USING btree ("demo");
  CREATE INDEX "articles_published_at_idx" ON "articles" USING btree ("published_at");
  CREATE INDEX "articles_interviewee_interviewee_citymaker_idx" ON "articles" USING btree ("interviewee_citymaker_id");
  CREATE INDEX "articles_updated_at_idx" ON "articles" USING btree ("updated_at");
  CREATE INDEX "articles_created_at_idx" ON "articles" USING btree ("created_at");
  CREATE INDEX "articles__status_idx" ON "articles" USING btree ("_status");
  CREATE UNIQUE INDEX "articles_locales_locale_parent_id_unique" ON "articles_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "articles_rels_order_idx" ON "articles_rels" USING btree ("order");
  CREATE INDEX "articles_rels_parent_idx" ON "articles_rels" USING btree ("parent_id");
  CREATE INDEX "articles_rels_path_idx" ON "articles_rels" USING btree ("path");
  CREATE INDEX "articles_rels_citymakers_id_idx" ON "articles_rels" USING btree ("citymakers_id");
  CREATE INDEX "articles_rels_case_studies_id_idx" ON "articles_rels" USING btree ("case_studies_id");
  CREATE INDEX "articles_rels_cities_id_idx" ON "articles_rels" USING btree ("cities_id");
  CREATE INDEX "articles_rels_topics_id_idx" ON "articles_rels" USING btree ("topics_id");
  CREATE INDEX "articles_rels_sdgs_id_idx" ON "articles_rels" USING btree ("sdgs_id");
  CREATE INDEX "articles_rels_partners_id_idx" ON "articles_rels" USING btree ("partners_id");
  CREATE INDEX "_articles_v_parent_idx" ON "_articles_v" USING btree ("parent_id");
  CREATE INDEX "_articles_v_version_version_type_idx" ON "_articles_v" USING btree ("version_type");
  CREATE INDEX "_articles_v_version_version_slug_idx" ON "_articles_v" USING btree ("version_slug");
  CREATE INDEX "_articles_v_version_version_hero_image_idx" ON "_articles_v" USING btree ("version_hero_image_id");
  CREATE INDEX "_articles_v_version_version_demo_idx" ON "_articles_v" USING btree ("version_demo");
  CREATE INDEX "_articles_v_version_version_published_at_idx" ON "_articles_v" USING btree ("version_published_at");
  CREATE INDEX "_articles_v_version_interviewee_version_interviewee_city_idx" ON "_articles_v" USING btree ("version_interviewee_citymaker_id");
  CREATE INDEX "_articles_v_version_version_updated_at_idx" ON "_articles_v" USING btree ("version_updated_at");
  CREATE INDEX "_articles_v_version_version_created_at_idx" ON "_articles_v" USING btree ("version_created_at");
  CREATE INDEX "_articles_v_version_version__status_idx" ON "_articles_v" USING btree ("version__status");
  CREATE INDEX "_articles_v_created_at_idx" ON "_articles_v" USING btree ("created_at");
  CREATE INDEX "_articles_v_updated_at_idx" ON "_articles_v" USING btree ("updated_at");
  CREATE INDEX "_articles_v_snapshot_idx" ON "_articles_v" USING btree ("snapshot");
  CREATE INDEX "_articles_v_published_locale_idx" ON "_articles_v" USING btree ("published_locale");
  CREATE INDEX "_articles_v_latest_idx" ON "_articles_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_articles_v_locales_locale_parent_id_unique" ON "_articles_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_articles_v_rels_order_idx" ON "_articles_v_rels" USING btree ("order");
  CREATE INDEX "_articles_v_rels_parent_idx" ON "_articles_v_rels" USING btree ("parent_id");
  CREATE INDEX "_articles_v_rels_path_idx" ON "_articles_v_rels" USING btree ("path");
  CREATE INDEX "_articles_v_rels_citymakers_id_idx" ON "_articles_v_rels" USING btree ("citymakers_id");
  CREATE INDEX "_articles_v_rels_case_studies_id_idx" ON "_articles_v_rels" USING btree ("case_studies_id");
  CREATE INDEX "_articles_v_rels_cities_id_idx" ON "_articles_v_rels" USING btree ("cities_id");
  CREATE INDEX "_articles_v_rels_topics_id_idx" ON "_articles_v_rels" USING btree ("topics_id");
  CREATE INDEX "_articles_v_rels_sdgs_id_idx" ON "_articles_v_rels" USING btree ("sdgs_id");
  CREATE INDEX "_articles_v_rels_partners_id_idx" ON "_articles_v_rels" USING btree ("partners_id");
  CREATE INDEX "citymakers_languages_order_idx" ON "citymakers_languages" USING btree ("order");
  CREATE INDEX "citymakers_languages_parent_idx" ON "citymakers_languages" USING btree ("parent_id");
  CREATE INDEX "citymakers_links_order_idx" ON "citymakers_links" USING btree ("_order");
  CREATE INDEX "citymakers_links_parent_id_idx" ON "citymakers_links" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "citymakers_links_locales_locale_parent_id_unique" ON "citymakers_links_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "citymakers_roles_order_idx" ON "citymakers_roles" USING btree ("order");
  CREATE INDEX "citymakers_roles_parent_idx" ON "citymakers_roles" USING btree ("parent_id");
  CREATE INDEX "citymakers_sessions_order_idx" ON "citymakers_sessions" USING btree ("_order");
  CREATE INDEX "citymakers_sessions_parent_id_idx" ON "citymakers_sessions" USING btree ("_parent_id");
  CREATE INDEX "citymakers_category_idx" ON "citymakers" USING btree ("category");
  CREATE INDEX "citymakers_city_idx" ON "citymakers" USING btree ("city_id");
  CREATE INDEX "citymakers_avatar_idx" ON "citymakers" USING btree ("avatar_id");
  CREATE INDEX "citymakers_profile_visibility_idx" ON "citymakers" USING btree ("profile_visibility");
  CREATE INDEX "citymakers_updated_at_idx" ON "citymakers" USING btree ("updated_at");
  CREATE INDEX "citymakers_created_at_idx" ON "citymakers" USING btree ("created_at");
  CREATE UNIQUE INDEX "citymakers_email_idx" ON "citymakers" USING btree ("email");
  CREATE UNIQUE INDEX "citymakers_locales_locale_parent_id_unique" ON "citymakers_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "citymakers_rels_order_idx" ON "citymakers_rels" USING btree ("order");
  CREATE INDEX "citymakers_rels_parent_idx" ON "citymakers_rels" USING btree ("parent_id");
  CREATE INDEX "citymakers_rels_path_idx" ON "citymakers_rels" USING btree ("path");
  CREATE INDEX "citymakers_rels_topics_id_idx" ON "citymakers_rels" USING btree ("topics_id");
  CREATE INDEX "citymakers_rels_sdgs_id_idx" ON "citymakers_rels" USING btree ("sdgs_id");
  CREATE INDEX "cities_networks_order_idx" ON "cities_networks" USING btree ("_order");
  CREATE INDEX "cities_networks_parent_id_idx" ON "cities_networks" USING btree ("_parent_id");
  CREATE INDEX "cities_networks_partner_idx" ON "cities_networks" USING btree ("partner_id");
  CREATE UNIQUE INDEX "cities_slug_idx" ON "cities" USING btree ("slug");
  CREATE INDEX "cities_country_idx" ON "cities" USING btree ("country");
  CREATE INDEX "cities_region_idx" ON "cities" USING btree ("region");
  CREATE INDEX "cities_sub_region_idx" ON "cities" USING btree ("sub_region");
  CREATE INDEX "cities_location_location_lat_idx" ON "cities" USING btree ("location_lat");
  CREATE INDEX "cities_location_location_lng_idx" ON "cities" USING btree ("location_lng");
  CREATE UNIQUE INDEX "cities_geonames_id_idx" ON "cities" USING btree ("geonames_id");
  CREATE UNIQUE INDEX "cities_wikidata_id_idx" ON "cities" USING btree ("wikidata_id");
  CREATE INDEX "cities_name_key_idx" ON "cities" USING btree ("name_key");
  CREATE INDEX "cities_updated_at_idx" ON "cities" USING btree ("updated_at");
  CREATE INDEX "cities_created_at_idx" ON "cities" USING btree ("created_at");
  CREATE UNIQUE INDEX "nameKey_country_idx" ON "cities" USING btree ("name_key","country");
  CREATE UNIQUE INDEX "cities_locales_locale_parent_id_unique" ON "cities_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "topics_slug_idx" ON "topics" USING btree ("slug");
  CREATE INDEX "topics_scheme_idx" ON "topics" USING btree ("scheme");
  CREATE INDEX "topics_parent_idx" ON "topics" USING btree ("parent_id");
  CREATE INDEX "topics_path_idx" ON "topics" USING btree ("path");
  CREATE INDEX "topics_order_idx" ON "topics" USING btree ("order");
  CREATE INDEX "topics_updated_at_idx" ON "topics" USING btree ("updated_at");
  CREATE INDEX "topics_created_at_idx" ON "topics" USING btree ("created_at");
  CREATE UNIQUE INDEX "topics_locales_locale_parent_id_unique" ON "topics_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "topics_texts_order_parent" ON "topics_texts" USING btree ("order","parent_id");
  CREATE INDEX "topics_rels_order_idx" ON "topics_rels" USING btree ("order");
  CREATE INDEX "topics_rels_parent_idx" ON "topics_rels" USING btree ("parent_id");
  CREATE INDEX "topics_rels_path_idx" ON "topics_rels" USING btree ("path");
  CREATE INDEX "topics_rels_sdg_targets_id_idx" ON "topics_rels" USING btree ("sdg_targets_id");
  CREATE UNIQUE INDEX "partners_slug_idx" ON "partners" USING btree ("slug");
  CREATE INDEX "partners_type_idx" ON "partners" USING btree ("type");
  CREATE INDEX "partners_logo_idx" ON "partners" USING btree ("logo_id");
  CREATE INDEX "partners_active_since_idx" ON "partners" USING btree ("active_since");
  CREATE INDEX "partners_active_until_idx" ON "partners" USING btree ("active_until");
  CREATE INDEX "partners_contact_idx" ON "partners" USING btree ("contact_id");
  CREATE INDEX "partners_updated_at_idx" ON "partners" USING btree ("updated_at");
  CREATE INDEX "partners_created_at_idx" ON "partners" USING btree ("created_at");
  CREATE UNIQUE INDEX "partners_locales_locale_parent_id_unique" ON "partners_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "awards_slug_idx" ON "awards" USING btree ("slug");
  CREATE INDEX "awards_organiser_idx" ON "awards" USING btree ("organiser_id");
  CREATE INDEX "awards_year_idx" ON "awards" USING btree ("year");
  CREATE INDEX "awards_updated_at_idx" ON "awards" USING btree ("updated_at");
  CREATE INDEX "awards_created_at_idx" ON "awards" USING btree ("created_at");
  CREATE UNIQUE INDEX "awards_locales_locale_parent_id_unique" ON "awards_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "awards_texts_order_parent" ON "awards_texts" USING btree ("order","parent_id");
  CREATE INDEX "awards_texts_locale_parent" ON "awards_texts" USING btree ("locale","parent_id");
  CREATE UNIQUE INDEX "sdgs_number_idx" ON "sdgs" USING btree ("number");
  CREATE UNIQUE INDEX "sdgs_code_idx" ON "sdgs" USING btree ("code");
  CREATE INDEX "sdgs_updated_at_idx" ON "sdgs" USING btree ("updated_at");
  CREATE INDEX "sdgs_created_at_idx" ON "sdgs" USING btree ("created_at");
  CREATE UNIQUE INDEX "sdgs_locales_locale_parent_id_unique" ON "sdgs_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "sdg_targets_code_idx" ON "sdg_targets" USING btree ("code");
  CREATE INDEX "sdg_targets_goal_idx" ON "sdg_targets" USING btree ("goal_id");
  CREATE INDEX "sdg_targets_order_idx" ON "sdg_targets" USING btree ("order");
  CREATE INDEX "sdg_targets_updated_at_idx" ON "sdg_targets" USING btree ("updated_at");
  CREATE INDEX "sdg_targets_created_at_idx" ON "sdg_targets" USING btree ("created_at");
  CREATE UNIQUE INDEX "sdg_targets_locales_locale_parent_id_unique" ON "sdg_targets_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "sdg_indicators_code_idx" ON "sdg_indicators" USING btree ("code");
  CREATE INDEX "sdg_indicators_target_idx" ON "sdg_indicators" USING btree ("target_id");
  CREATE INDEX "sdg_indicators_order_idx" ON "sdg_indicators" USING btree ("order");
  CREATE INDEX "sdg_indicators_updated_at_idx" ON "sdg_indicators" USING btree ("updated_at");
  CREATE INDEX "sdg_indicators_created_at_idx" ON "sdg_indicators" USING btree ("created_at");
  CREATE UNIQUE INDEX "sdg_indicators_locales_locale_parent_id_unique" ON "sdg_indicators_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_thumbnail_sizes_thumbnail_filename_idx" ON "media" USING btree ("sizes_thumbnail_filename");
  CREATE INDEX "media_sizes_card_sizes_card_filename_idx" ON "media" USING btree ("sizes_card_filename");
  CREATE INDEX "media_sizes_hero_sizes_hero_filename_idx" ON "media" USING btree ("sizes_hero_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "workflow_events_case_study_idx" ON "workflow_events" USING btree ("case_study_id");
  CREATE INDEX "workflow_events_case_author_idx" ON "workflow_events" USING btree ("case_author_id");
  CREATE INDEX "workflow_events_to_idx" ON "workflow_events" USING btree ("to");
  CREATE INDEX "workflow_events_actor_idx" ON "workflow_events" USING btree ("actor_id");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_case_studies_id_idx" ON "payload_locked_documents_rels" USING btree ("case_studies_id");
  CREATE INDEX "payload_locked_documents_rels_articles_id_idx" ON "payload_locked_documents_rels" USING btree ("articles_id");
  CREATE INDEX "payload_locked_documents_rels_citymakers_id_idx" ON "payload_locked_documents_rels" USING btree ("citymakers_id");
  CREATE INDEX "payload_locked_documents_rels_cities_id_idx" ON "payload_locked_documents_rels" USING btree ("cities_id");
  CREATE INDEX "payload_locked_documents_rels_topics_id_idx" ON "payload_locked_documents_rels" USING btree ("topics_id");
  CREATE INDEX "payload_locked_documents_rels_partners_id_idx" ON "payload_locked_documents_rels" USING btree ("partners_id");
  CREATE INDEX "payload_locked_documents_rels_awards_id_idx" ON "payload_locked_documents_rels" USING btree ("awards_id");
  CREATE INDEX "payload_locked_documents_rels_sdgs_id_idx" ON "payload_locked_documents_rels" USING btree ("sdgs_id");
  CREATE INDEX "payload_locked_documents_rels_sdg_targets_id_idx" ON "payload_locked_documents_rels" USING btree ("sdg_targets_id");
  CREATE INDEX "payload_locked_documents_rels_sdg_indicators_id_idx" ON "payload_locked_documents_rels" USING btree ("sdg_indicators_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_workflow_events_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_events_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_citymakers_id_idx" ON "payload_preferences_rels" USING btree ("citymakers_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "case_studies_actor_types" CASCADE;
  DROP TABLE "case_studies_contacts" CASCADE;
  DROP TABLE "case_studies_funding_funder_types" CASCADE;
  DROP TABLE "case_studies_impact_metrics" CASCADE;
  DROP TABLE "case_studies_impact_metrics_locales" CASCADE;
  DROP TABLE "case_studies_awards" CASCADE;
  DROP TABLE "case_studies_gallery" CASCADE;
  DROP TABLE "case_studies_gallery_locales" CASCADE;
  DROP TABLE "case_studies_videos" CASCADE;
  DROP TABLE "case_studies_videos_locales" CASCADE;
  DROP TABLE "case_studies_files" CASCADE;
  DROP TABLE "case_studies_files_locales" CASCADE;
  DROP TABLE "case_studies_links" CASCADE;
  DROP TABLE "case_studies_links_locales" CASCADE;
  DROP TABLE "case_studies" CASCADE;
  DROP TABLE "case_studies_locales" CASCADE;
  DROP TABLE "case_studies_texts" CASCADE;
  DROP TABLE "case_studies_rels" CASCADE;
  DROP TABLE "_case_studies_v_version_actor_types" CASCADE;
  DROP TABLE "_case_studies_v_version_contacts" CASCADE;
  DROP TABLE "_case_studies_v_version_funding_funder_types" CASCADE;
  DROP TABLE "_case_studies_v_version_impact_metrics" CASCADE;
  DROP TABLE "_case_studies_v_version_impact_metrics_locales" CASCADE;
  DROP TABLE "_case_studies_v_version_awards" CASCADE;
  DROP TABLE "_case_studies_v_version_gallery" CASCADE;
  DROP TABLE "_case_studies_v_version_gallery_locales" CASCADE;
  DROP TABLE "_case_studies_v_version_videos" CASCADE;
  DROP TABLE "_case_studies_v_version_videos_locales" CASCADE;
  DROP TABLE "_case_studies_v_version_files" CASCADE;
  DROP TABLE "_case_studies_v_version_files_locales" CASCADE;
  DROP TABLE "_case_studies_v_version_links" CASCADE;
  DROP TABLE "_case_studies_v_version_links_locales" CASCADE;
  DROP TABLE "_case_studies_v" CASCADE;
  DROP TABLE "_case_studies_v_locales" CASCADE;
  DROP TABLE "_case_studies_v_texts" CASCADE;
  DROP TABLE "_case_studies_v_rels" CASCADE;
  DROP TABLE "articles" CASCADE;
  DROP TABLE "articles_locales" CASCADE;
  DROP TABLE "articles_rels" CASCADE;
  DROP TABLE "_articles_v" CASCADE;
  DROP TABLE "_articles_v_locales" CASCADE;
  DROP TABLE "_articles_v_rels" CASCADE;
  DROP TABLE "citymakers_languages" CASCADE;
  DROP TABLE "citymakers_links" CASCADE;
  DROP TABLE "citymakers_links_locales" CASCADE;
  DROP TABLE "citymakers_roles" CASCADE;
  DROP TABLE "citymakers_sessions" CASCADE;
  DROP TABLE "citymakers" CASCADE;
  DROP TABLE "citymakers_locales" CASCADE;
  DROP TABLE "citymakers_rels" CASCADE;
  DROP TABLE "cities_networks" CASCADE;
  DROP TABLE "cities" CASCADE;
  DROP TABLE "cities_locales" CASCADE;
  DROP TABLE "topics" CASCADE;
  DROP TABLE "topics_locales" CASCADE;
  DROP TABLE "topics_texts" CASCADE;
  DROP TABLE "topics_rels" CASCADE;
  DROP TABLE "partners" CASCADE;
  DROP TABLE "partners_locales" CASCADE;
  DROP TABLE "awards" CASCADE;
  DROP TABLE "awards_locales" CASCADE;
  DROP TABLE "awards_texts" CASCADE;
  DROP TABLE "sdgs" CASCADE;
  DROP TABLE "sdgs_locales" CASCADE;
  DROP TABLE "sdg_targets" CASCADE;
  DROP TABLE "sdg_targets_locales" CASCADE;
  DROP TABLE "sdg_indicators" CASCADE;
  DROP TABLE "sdg_indicators_locales" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "workflow_events" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_case_studies_actor_types";
  DROP TYPE "public"."enum_case_studies_funding_funder_types";
  DROP TYPE "public"."enum_case_studies_awards_result";
  DROP TYPE "public"."enum_case_studies_gallery_licence";
  DROP TYPE "public"."enum_case_studies_project_area";
  DROP TYPE "public"."enum_case_studies_project_status";
  DROP TYPE "public"."enum_case_studies_provenance_source_type";
  DROP TYPE "public"."enum_case_studies_provenance_licence";
  DROP TYPE "public"."enum_case_studies_workflow_state";
  DROP TYPE "public"."enum_case_studies_original_language";
  DROP TYPE "public"."enum_case_studies_translations_en";
  DROP TYPE "public"."enum_case_studies_translations_de";
  DROP TYPE "public"."enum_case_studies_translations_fr";
  DROP TYPE "public"."enum_case_studies_translations_es";
  DROP TYPE "public"."enum_case_studies_status";
  DROP TYPE "public"."enum__case_studies_v_version_actor_types";
  DROP TYPE "public"."enum__case_studies_v_version_funding_funder_types";
  DROP TYPE "public"."enum__case_studies_v_version_awards_result";
  DROP TYPE "public"."enum__case_studies_v_version_gallery_licence";
  DROP TYPE "public"."enum__case_studies_v_version_project_area";
  DROP TYPE "public"."enum__case_studies_v_version_project_status";
  DROP TYPE "public"."enum__case_studies_v_version_provenance_source_type";
  DROP TYPE "public"."enum__case_studies_v_version_provenance_licence";
  DROP TYPE "public"."enum__case_studies_v_version_workflow_state";
  DROP TYPE "public"."enum__case_studies_v_version_original_language";
  DROP TYPE "public"."enum__case_studies_v_version_translations_en";
  DROP TYPE "public"."enum__case_studies_v_version_translations_de";
  DROP TYPE "public"."enum__case_studies_v_version_translations_fr";
  DROP TYPE "public"."enum__case_studies_v_version_translations_es";
  DROP TYPE "public"."enum__case_studies_v_version_status";
  DROP TYPE "public"."enum__case_studies_v_published_locale";
  DROP TYPE "public"."enum_articles_type";
  DROP TYPE "public"."enum_articles_status";
  DROP TYPE "public"."enum__articles_v_version_type";
  DROP TYPE "public"."enum__articles_v_version_status";
  DROP TYPE "public"."enum__articles_v_published_locale";
  DROP TYPE "public"."enum_citymakers_languages";
  DROP TYPE "public"."enum_citymakers_roles";
  DROP TYPE "public"."enum_citymakers_account_type";
  DROP TYPE "public"."enum_citymakers_category";
  DROP TYPE "public"."enum_citymakers_profile_visibility";
  DROP TYPE "public"."enum_cities_country";
  DROP TYPE "public"."enum_cities_region";
  DROP TYPE "public"."enum_cities_sub_region";
  DROP TYPE "public"."enum_topics_scheme";
  DROP TYPE "public"."enum_partners_type";
  DROP TYPE "public"."enum_partners_default_licence";
  DROP TYPE "public"."enum_partners_trust_level";
  DROP TYPE "public"."enum_partners_feed_format";
  DROP TYPE "public"."enum_media_licence";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
