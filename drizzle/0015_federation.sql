CREATE TABLE "federation_keys" (
	"fingerprint" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"private_key" text NOT NULL,
	"valid_from" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	"endorsement" text,
	"endorsed_by" text
);
--> statement-breakpoint
CREATE TABLE "federation_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"origin" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"fingerprint" text NOT NULL,
	"keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"countries" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"feeds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_pull_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "federation_pulls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"feed" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text NOT NULL,
	"code" text,
	"detail" text,
	"sequence" integer,
	"ms" integer
);
--> statement-breakpoint
CREATE TABLE "federation_scores" (
	"member_id" uuid NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"period" integer NOT NULL,
	"framework_version" integer NOT NULL,
	"overall" double precision,
	"tier" integer,
	"pillars" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"sequence" integer NOT NULL,
	"snapshot_at" timestamp with time zone NOT NULL,
	"pulled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "federation_services" (
	"member_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"countries" text[] NOT NULL,
	"record" jsonb NOT NULL,
	"sequence" integer NOT NULL,
	"snapshot_at" timestamp with time zone NOT NULL,
	"pulled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "federation_services_member_id_id_pk" PRIMARY KEY("member_id","id")
);
--> statement-breakpoint
CREATE TABLE "federation_snapshots" (
	"feed" text NOT NULL,
	"sequence" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content_hash" text NOT NULL,
	"manifest" jsonb NOT NULL,
	"files" jsonb NOT NULL,
	CONSTRAINT "federation_snapshots_feed_sequence_pk" PRIMARY KEY("feed","sequence")
);
--> statement-breakpoint
ALTER TABLE "federation_pulls" ADD CONSTRAINT "federation_pulls_member_id_federation_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."federation_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "federation_scores" ADD CONSTRAINT "federation_scores_member_id_federation_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."federation_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "federation_services" ADD CONSTRAINT "federation_services_member_id_federation_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."federation_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "federation_members_origin_idx" ON "federation_members" USING btree ("origin");--> statement-breakpoint
CREATE INDEX "federation_pulls_member_idx" ON "federation_pulls" USING btree ("member_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "federation_scores_key_idx" ON "federation_scores" USING btree ("country","period","framework_version");--> statement-breakpoint
CREATE INDEX "federation_scores_member_idx" ON "federation_scores" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "federation_services_countries_idx" ON "federation_services" USING gin ("countries");