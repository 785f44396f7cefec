CREATE TABLE "document_amendments" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"amending_number" text NOT NULL,
	"amending_name" text NOT NULL,
	"amending_document_id" integer,
	"effective_from" date,
	"articles_changed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"articles_complete" boolean DEFAULT false NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_amendments_document_number_key" UNIQUE("document_id","amending_number")
);
--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "issuing_body" text;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "year" integer;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "effective_from" date;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "ends_on" date;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "replaced_by_document_id" integer;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "replaced_by_number" text;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "replaced_by_name" text;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "facts_confidence" text;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "facts_note" text;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD COLUMN "facts_sources" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "document_amendments" ADD CONSTRAINT "document_amendments_document_id_legal_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."legal_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_amendments" ADD CONSTRAINT "document_amendments_amending_document_id_legal_documents_id_fk" FOREIGN KEY ("amending_document_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_documents" ADD CONSTRAINT "legal_documents_replaced_by_document_id_legal_documents_id_fk" FOREIGN KEY ("replaced_by_document_id") REFERENCES "public"."legal_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "legal_documents_number_idx" ON "legal_documents" USING btree ("official_number");--> statement-breakpoint
-- custom SQL
-- Amendments change what citizens read (notices on articles, search ranking): they move content_revision too.
CREATE TRIGGER "document_amendments_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "document_amendments"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_revision"();
