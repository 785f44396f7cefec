CREATE TABLE "answer_ratings" (
	"response_id" uuid PRIMARY KEY NOT NULL,
	"approved_answer_id" integer,
	"question_id" uuid,
	"article_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_routes" (
	"id" serial PRIMARY KEY NOT NULL,
	"from_unit_id" integer NOT NULL,
	"topic_id" integer NOT NULL,
	"to_unit_id" integer NOT NULL,
	"created_by_officer_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_routes_from_topic_key" UNIQUE("from_unit_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"text" text NOT NULL,
	"articles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unit_id" integer NOT NULL,
	"topic_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"claimed_by_officer_id" uuid,
	"answered_at" timestamp with time zone,
	"answered_by_officer_id" uuid,
	"answer_text" text,
	"answer_citations" jsonb,
	"closed_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"promoted_answer_id" integer
);
--> statement-breakpoint
ALTER TABLE "answer_ratings" ADD CONSTRAINT "answer_ratings_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_ratings" ADD CONSTRAINT "answer_ratings_approved_answer_id_approved_answers_id_fk" FOREIGN KEY ("approved_answer_id") REFERENCES "public"."approved_answers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_ratings" ADD CONSTRAINT "answer_ratings_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_routes" ADD CONSTRAINT "question_routes_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_routes" ADD CONSTRAINT "question_routes_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_routes" ADD CONSTRAINT "question_routes_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_routes" ADD CONSTRAINT "question_routes_created_by_officer_id_officers_id_fk" FOREIGN KEY ("created_by_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_claimed_by_officer_id_officers_id_fk" FOREIGN KEY ("claimed_by_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_answered_by_officer_id_officers_id_fk" FOREIGN KEY ("answered_by_officer_id") REFERENCES "public"."officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_promoted_answer_id_approved_answers_id_fk" FOREIGN KEY ("promoted_answer_id") REFERENCES "public"."approved_answers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answer_ratings_approved_idx" ON "answer_ratings" USING btree ("approved_answer_id");--> statement-breakpoint
CREATE INDEX "answer_ratings_question_idx" ON "answer_ratings" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "questions_unit_status_idx" ON "questions" USING btree ("unit_id","status","created_at");--> statement-breakpoint
CREATE INDEX "questions_contact_idx" ON "questions" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "questions_due_idx" ON "questions" USING btree ("due_at") WHERE status in ('open', 'claimed') and overdue_at is null;