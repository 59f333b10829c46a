CREATE TABLE "progress_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"indicator_id" text NOT NULL,
	"value" jsonb,
	"not_applicable" boolean DEFAULT false NOT NULL,
	"confidentiality" text DEFAULT 'public' NOT NULL,
	"comment" text,
	"citation" text,
	"adopted_on" text,
	"law_url" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"reject_reason" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "progress_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" text NOT NULL,
	"period" integer NOT NULL,
	"framework_version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_context_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"stat_id" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text,
	"confidentiality" text DEFAULT 'public' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"url" text,
	"filename" text,
	"media_type" text,
	"size" integer,
	"bytes" "bytea",
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "progress_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_roadmap_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"indicator_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"due_on" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"prompt_dismissed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_scores" (
	"assessment_id" uuid NOT NULL,
	"framework_version" integer NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"period" integer NOT NULL,
	"overall" double precision,
	"tier" integer,
	"pillars" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "progress_answers" ADD CONSTRAINT "progress_answers_assessment_id_progress_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."progress_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_answers" ADD CONSTRAINT "progress_answers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_answers" ADD CONSTRAINT "progress_answers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_context_values" ADD CONSTRAINT "progress_context_values_assessment_id_progress_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."progress_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_evidence" ADD CONSTRAINT "progress_evidence_answer_id_progress_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."progress_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_evidence" ADD CONSTRAINT "progress_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_framework_versions" ADD CONSTRAINT "progress_framework_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_messages" ADD CONSTRAINT "progress_messages_answer_id_progress_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."progress_answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_messages" ADD CONSTRAINT "progress_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_scores" ADD CONSTRAINT "progress_scores_assessment_id_progress_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."progress_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "progress_answers_question_idx" ON "progress_answers" USING btree ("assessment_id","question_id");--> statement-breakpoint
CREATE INDEX "progress_answers_status_idx" ON "progress_answers" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_assessments_country_period_idx" ON "progress_assessments" USING btree ("country","period");--> statement-breakpoint
CREATE INDEX "progress_assessments_period_idx" ON "progress_assessments" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_context_values_stat_idx" ON "progress_context_values" USING btree ("assessment_id","stat_id");--> statement-breakpoint
CREATE INDEX "progress_evidence_answer_idx" ON "progress_evidence" USING btree ("answer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_framework_versions_version_idx" ON "progress_framework_versions" USING btree ("version");--> statement-breakpoint
CREATE INDEX "progress_messages_answer_idx" ON "progress_messages" USING btree ("answer_id","created_at");--> statement-breakpoint
CREATE INDEX "progress_roadmap_country_idx" ON "progress_roadmap_actions" USING btree ("country");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_scores_pk" ON "progress_scores" USING btree ("assessment_id","framework_version");--> statement-breakpoint
CREATE INDEX "progress_scores_version_period_idx" ON "progress_scores" USING btree ("framework_version","period","region");