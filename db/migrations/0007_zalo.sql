CREATE TABLE "zalo_oa_tokens" (
	"app_id" text PRIMARY KEY NOT NULL,
	"access_token" text,
	"access_expires_at" timestamp with time zone,
	"refresh_token" text NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"refresh_lease_until" timestamp with time zone,
	"refreshed_at" timestamp with time zone,
	"refresh_failed_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "zalo_personal_sessions" (
	"account" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"own_id" text,
	"display_name" text,
	"credentials" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"state_changed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "awaiting_contact_since" timestamp with time zone;