CREATE TABLE "approved_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_id" integer,
	"source_question_id" uuid,
	"status" text DEFAULT 'published' NOT NULL,
	"approved_by_officer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_synonyms" (
	"id" serial PRIMARY KEY NOT NULL,
	"phrase" text NOT NULL,
	"means" text NOT NULL,
	"created_by_officer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_synonyms_phrase_means_key" UNIQUE("phrase","means")
);
--> statement-breakpoint
ALTER TABLE "approved_answers" ADD CONSTRAINT "approved_answers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approved_answers" ADD CONSTRAINT "approved_answers_approved_by_officer_id_officers_id_fk" FOREIGN KEY ("approved_by_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_synonyms" ADD CONSTRAINT "search_synonyms_created_by_officer_id_officers_id_fk" FOREIGN KEY ("created_by_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approved_answers_status_idx" ON "approved_answers" USING btree ("status");
--> statement-breakpoint
-- Approved answers and synonyms are what search answers from: a change moves content_revision like any content.
CREATE TRIGGER "approved_answers_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "approved_answers"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_revision"();
--> statement-breakpoint
CREATE TRIGGER "search_synonyms_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "search_synonyms"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_revision"();
