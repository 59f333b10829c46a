CREATE TABLE "federation_events" (
	"member_id" uuid NOT NULL,
	"id" text NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"status" text NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"audiences" jsonb NOT NULL,
	"languages" jsonb NOT NULL,
	"topics" jsonb NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"record" jsonb NOT NULL,
	"sequence" integer NOT NULL,
	"snapshot_at" timestamp with time zone NOT NULL,
	"pulled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "federation_events_member_id_id_pk" PRIMARY KEY("member_id","id")
);
--> statement-breakpoint
ALTER TABLE "federation_events" ADD CONSTRAINT "federation_events_member_id_federation_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."federation_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "federation_events_ends_idx" ON "federation_events" USING btree ("ends_at");--> statement-breakpoint
CREATE INDEX "federation_events_country_idx" ON "federation_events" USING btree ("country");