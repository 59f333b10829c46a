CREATE TABLE "jobs" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"credential" jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "events_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"audiences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"mode" text NOT NULL,
	"venue" text,
	"city" text,
	"country" text,
	"region" text,
	"online_url" text,
	"seats" integer NOT NULL,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"child_min_age" integer,
	"child_max_age" integer,
	"moderated" boolean DEFAULT false NOT NULL,
	"hold_hours" integer DEFAULT 48 NOT NULL,
	"reminders" jsonb DEFAULT '[1440,60]'::jsonb NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"safeguarding_contact" text,
	"materials" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "events_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"user_id" uuid,
	"adults" integer DEFAULT 1 NOT NULL,
	"child_ages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"places" integer NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"child_consent_at" timestamp with time zone,
	"token_hash" text NOT NULL,
	"email_confirmed_at" timestamp with time zone,
	"held_until" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"certificate_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "events_certificates" ADD CONSTRAINT "events_certificates_registration_id_events_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."events_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_certificates" ADD CONSTRAINT "events_certificates_event_id_events_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_events" ADD CONSTRAINT "events_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_registrations" ADD CONSTRAINT "events_registrations_event_id_events_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events_registrations" ADD CONSTRAINT "events_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "events_certificates_registration_idx" ON "events_certificates" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "events_events_status_starts_idx" ON "events_events" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "events_events_country_idx" ON "events_events" USING btree ("country");--> statement-breakpoint
CREATE INDEX "events_registrations_event_idx" ON "events_registrations" USING btree ("event_id","status","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "events_registrations_token_idx" ON "events_registrations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "events_registrations_user_idx" ON "events_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "events_registrations_email_idx" ON "events_registrations" USING btree (lower("email"));