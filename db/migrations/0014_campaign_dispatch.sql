CREATE TABLE "campaign_send_slots" (
	"channel" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "campaign_deliveries_sending_idx" ON "campaign_deliveries" USING btree ("outbox_message_id") WHERE state = 'sending';