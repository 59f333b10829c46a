CREATE TABLE "network_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"author" text NOT NULL,
	"reviewer_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"contact_name" text,
	"sector" text,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"about" text DEFAULT '' NOT NULL,
	"about_lang" text DEFAULT 'en' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"public_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"token_hash" text NOT NULL,
	"email_confirmed_at" timestamp with time zone,
	"decline_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_messages" ADD CONSTRAINT "network_messages_application_id_network_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."network_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_messages" ADD CONSTRAINT "network_messages_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_applications" ADD CONSTRAINT "network_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_messages_application_idx" ON "network_messages" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "network_applications_status_idx" ON "network_applications" USING btree ("status","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "network_applications_token_idx" ON "network_applications" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "network_applications_email_idx" ON "network_applications" USING btree (lower("email"));