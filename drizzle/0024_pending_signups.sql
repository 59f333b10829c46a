CREATE TABLE "identity_pending_signups" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "identity_pending_signups_email_idx" ON "identity_pending_signups" USING btree ("email");--> statement-breakpoint
CREATE INDEX "identity_pending_signups_expires_idx" ON "identity_pending_signups" USING btree ("expires_at");