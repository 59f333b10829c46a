CREATE TABLE "learning_adaptations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country" text NOT NULL,
	"set_id" text NOT NULL,
	"kind" text NOT NULL,
	"section_id" text NOT NULL,
	"order" integer DEFAULT 100 NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" text NOT NULL,
	"credential" jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revocation_reason" text
);
--> statement-breakpoint
CREATE TABLE "learning_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" text NOT NULL,
	"country" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_lesson_id" text,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_issuer_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_lesson_views" (
	"enrolment_id" uuid NOT NULL,
	"lesson_id" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_lesson_views_enrolment_id_lesson_id_pk" PRIMARY KEY("enrolment_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "learning_quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"quiz" text NOT NULL,
	"answers" jsonb NOT NULL,
	"correct" integer NOT NULL,
	"total" integer NOT NULL,
	"score" real NOT NULL,
	"passed" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_statements" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid,
	"verb" text NOT NULL,
	"statement" jsonb NOT NULL,
	"stored" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_statements_id_unique" UNIQUE("id")
);
--> statement-breakpoint
ALTER TABLE "learning_adaptations" ADD CONSTRAINT "learning_adaptations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_certificates" ADD CONSTRAINT "learning_certificates_enrolment_id_learning_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."learning_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_certificates" ADD CONSTRAINT "learning_certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_enrolments" ADD CONSTRAINT "learning_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_lesson_views" ADD CONSTRAINT "learning_lesson_views_enrolment_id_learning_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."learning_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_quiz_attempts" ADD CONSTRAINT "learning_quiz_attempts_enrolment_id_learning_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."learning_enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_statements" ADD CONSTRAINT "learning_statements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "learning_adaptations_country_section_idx" ON "learning_adaptations" USING btree ("country","section_id");--> statement-breakpoint
CREATE INDEX "learning_adaptations_set_idx" ON "learning_adaptations" USING btree ("set_id","country");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_certificates_enrolment_idx" ON "learning_certificates" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "learning_certificates_user_idx" ON "learning_certificates" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_enrolments_user_course_idx" ON "learning_enrolments" USING btree ("user_id","course_id");--> statement-breakpoint
CREATE INDEX "learning_enrolments_course_started_idx" ON "learning_enrolments" USING btree ("course_id","started_at");--> statement-breakpoint
CREATE INDEX "learning_quiz_attempts_enrolment_idx" ON "learning_quiz_attempts" USING btree ("enrolment_id","quiz");--> statement-breakpoint
CREATE INDEX "learning_statements_stored_idx" ON "learning_statements" USING btree ("stored","seq");