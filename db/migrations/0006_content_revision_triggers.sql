-- Any change to what citizens read (topics, statutes, articles, lessons) moves content_revision in the same
-- transaction, so per-process content caches are dropped exactly when the change becomes visible, whoever made it
-- (the officer API, the law import, the seed, or SQL by hand). Statement-level: one bump per statement, not per row.
INSERT INTO "content_revision" ("id", "revision") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_content_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "content_revision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "topics_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "topics"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_revision"();
--> statement-breakpoint
CREATE TRIGGER "legal_documents_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "legal_documents"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_revision"();
--> statement-breakpoint
CREATE TRIGGER "articles_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "articles"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_revision"();
--> statement-breakpoint
CREATE TRIGGER "lessons_content_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "lessons"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_content_revision"();
