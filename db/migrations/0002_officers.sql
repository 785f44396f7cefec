CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"officer_id" uuid,
	"officer_email" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"unit_id" integer,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "login_failures_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "officer_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" integer NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "officers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "service_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_aliases" ADD COLUMN "old_short_name_folded" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_sessions" ADD CONSTRAINT "officer_sessions_officer_id_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."officers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officers" ADD CONSTRAINT "officers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_officer_idx" ON "api_tokens" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "audit_log_unit_idx" ON "audit_log" USING btree ("unit_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_officer_idx" ON "audit_log" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "officer_sessions_officer_idx" ON "officer_sessions" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "officers_unit_idx" ON "officers" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_aliases_short_name_idx" ON "unit_aliases" USING btree ("old_short_name_folded");--> statement-breakpoint
-- Data: the short old names for communes seeded before this migration, and national ownership of seeded content.
UPDATE "unit_aliases" SET "old_short_name_folded" = regexp_replace("old_name_folded", '^(xa|phuong|thi tran|dac khu) ', '') WHERE "old_short_name_folded" = '';--> statement-breakpoint
UPDATE "legal_documents" SET "owner_unit_id" = (SELECT "id" FROM "units" WHERE "kind" = 'country' ORDER BY "id" LIMIT 1) WHERE "owner_unit_id" IS NULL;--> statement-breakpoint
UPDATE "lessons" SET "owner_unit_id" = (SELECT "id" FROM "units" WHERE "kind" = 'country' ORDER BY "id" LIMIT 1) WHERE "owner_unit_id" IS NULL;
