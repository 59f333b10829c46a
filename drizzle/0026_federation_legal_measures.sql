CREATE TABLE "federation_legal_measures" (
	"member_id" uuid NOT NULL,
	"country" text NOT NULL,
	"period" integer NOT NULL,
	"framework_version" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"question_id" text NOT NULL,
	"answer" text NOT NULL,
	"citation" text,
	"adopted_on" text,
	"url" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"sequence" integer NOT NULL,
	"snapshot_at" timestamp with time zone NOT NULL,
	"pulled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "federation_legal_measures" ADD CONSTRAINT "federation_legal_measures_member_id_federation_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."federation_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "federation_legal_measures_key_idx" ON "federation_legal_measures" USING btree ("country","period","framework_version","question_id");--> statement-breakpoint
CREATE INDEX "federation_legal_measures_member_idx" ON "federation_legal_measures" USING btree ("member_id");