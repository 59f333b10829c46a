CREATE TABLE "participation_class_codes" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"used_on" date
);
--> statement-breakpoint
CREATE TABLE "participation_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"previous_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"title" jsonb NOT NULL,
	"purpose" jsonb NOT NULL,
	"age_bands" text[] NOT NULL,
	"countries" text[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"questions" jsonb NOT NULL,
	"free_text" boolean DEFAULT false NOT NULL,
	"live_results" boolean DEFAULT false NOT NULL,
	"threshold" integer DEFAULT 10 NOT NULL,
	"retention_days" integer DEFAULT 365 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"campaign_slug" text,
	"campaign_intro" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"response" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"response_published_on" date,
	"review_note" text,
	"created_by" uuid,
	"submitted_by" uuid,
	"reviewed_by" uuid,
	"archived_tally" jsonb,
	"purged_on" date,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"age_band" text NOT NULL,
	"country" text NOT NULL,
	"region" text,
	"answers" jsonb NOT NULL,
	"submitted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"age_band" text NOT NULL,
	"country" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"quote" boolean DEFAULT false NOT NULL,
	"submitted_on" date NOT NULL,
	"moderated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "participation_class_codes" ADD CONSTRAINT "participation_class_codes_consultation_id_participation_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."participation_consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_consultations" ADD CONSTRAINT "participation_consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_consultations" ADD CONSTRAINT "participation_consultations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_consultations" ADD CONSTRAINT "participation_consultations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_responses" ADD CONSTRAINT "participation_responses_consultation_id_participation_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."participation_consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_texts" ADD CONSTRAINT "participation_texts_consultation_id_participation_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."participation_consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation_texts" ADD CONSTRAINT "participation_texts_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participation_class_codes_consultation_idx" ON "participation_class_codes" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_campaign_slug_idx" ON "participation_consultations" USING btree ("campaign_slug");--> statement-breakpoint
CREATE INDEX "participation_status_idx" ON "participation_consultations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "participation_responses_consultation_idx" ON "participation_responses" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "participation_texts_consultation_idx" ON "participation_texts" USING btree ("consultation_id","status");