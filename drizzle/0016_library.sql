CREATE TABLE "library_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"type" text NOT NULL,
	"year" integer NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"organisations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"external_url" text,
	"submitter_country" text,
	"submitter_organisation" text,
	"meeting_session" integer,
	"meeting_date" date,
	"contribution_status" text,
	"edition" integer DEFAULT 1 NOT NULL,
	"corrected_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "library_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"language" text NOT NULL,
	"edition" integer DEFAULT 1 NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"text" text,
	"pages" integer,
	"replaced_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"edition" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_search" (
	"document_id" uuid NOT NULL,
	"language" text NOT NULL,
	"config" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"haystack" text DEFAULT '' NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"head" "tsvector" NOT NULL,
	CONSTRAINT "library_search_document_id_language_pk" PRIMARY KEY("document_id","language")
);
--> statement-breakpoint
ALTER TABLE "library_documents" ADD CONSTRAINT "library_documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_files" ADD CONSTRAINT "library_files_document_id_library_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."library_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_files" ADD CONSTRAINT "library_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_revisions" ADD CONSTRAINT "library_revisions_document_id_library_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."library_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_revisions" ADD CONSTRAINT "library_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_search" ADD CONSTRAINT "library_search_document_id_library_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."library_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_documents_status_year_idx" ON "library_documents" USING btree ("status","year");--> statement-breakpoint
CREATE INDEX "library_documents_type_idx" ON "library_documents" USING btree ("type");--> statement-breakpoint
CREATE INDEX "library_documents_meeting_idx" ON "library_documents" USING btree ("meeting_session");--> statement-breakpoint
CREATE INDEX "library_files_document_idx" ON "library_files" USING btree ("document_id","edition");--> statement-breakpoint
CREATE INDEX "library_revisions_document_idx" ON "library_revisions" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "library_search_tsv_idx" ON "library_search" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "library_search_trgm_idx" ON "library_search" USING gin ("haystack" gin_trgm_ops) WHERE "library_search"."config" = 'simple';