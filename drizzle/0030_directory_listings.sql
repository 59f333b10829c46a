CREATE TABLE "directory_listings" (
	"service_id" uuid NOT NULL,
	"country" text NOT NULL,
	"rank" smallint NOT NULL,
	"sort_name" text NOT NULL,
	"filter_keys" text[] NOT NULL,
	"age_min" integer,
	"age_max" integer,
	"search_text" text NOT NULL,
	"week_zone" text,
	"week_minutes" "int4multirange" NOT NULL,
	"week_undecided" text[] NOT NULL,
	CONSTRAINT "directory_listings_service_id_country_pk" PRIMARY KEY("service_id","country")
);
--> statement-breakpoint
ALTER TABLE "directory_listings" ADD CONSTRAINT "directory_listings_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_listings_order_idx" ON "directory_listings" USING btree ("country","rank","sort_name","service_id");--> statement-breakpoint
CREATE INDEX "directory_listings_filter_keys_idx" ON "directory_listings" USING gin ("filter_keys") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "directory_listings_week_undecided_idx" ON "directory_listings" USING gin ("week_undecided") WITH (fastupdate=false);--> statement-breakpoint
-- directory_listings is derived: these triggers rewrite a service's rows whenever the service or one
-- of its channels changes (statement-level, so a bulk insert of 1,000 services costs one pass).
CREATE FUNCTION "directory_listings_refresh"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
	DELETE FROM "directory_listings" WHERE "service_id" = ANY(ids);
	INSERT INTO "directory_listings" ("service_id", "country", "rank", "sort_name", "filter_keys", "age_min", "age_max", "search_text", "week_zone", "week_minutes", "week_undecided")
	SELECT s."id", c."country",
		(CASE WHEN s."status" <> 'active' THEN 8 ELSE 0 END) + (CASE WHEN 'ZZ' = ANY(s."countries") THEN 4 ELSE 0 END)
			+ (CASE WHEN s."verified_at" IS NULL THEN 2 ELSE 0 END) + (CASE WHEN s."name" ->> 'en' IS NULL THEN 1 ELSE 0 END),
		coalesce(s."name" ->> 'en', ''),
		ARRAY(SELECT c."country" || ' t:' || x FROM unnest(s."topics") x) || ARRAY(SELECT c."country" || ' a:' || x FROM unnest(s."actions") x)
			|| ARRAY(SELECT c."country" || ' l:' || x FROM unnest(s."languages") x)
			|| ARRAY(SELECT DISTINCT c."country" || ' c:' || ch."type" FROM "directory_channels" ch WHERE ch."service_id" = s."id"),
		s."age_min", s."age_max",
		s."search_text", s."week_zone", s."week_minutes",
		CASE WHEN s."week_zone" IS NULL THEN ARRAY[c."country" || ' *'] ELSE ARRAY(SELECT c."country" || ' ' || d FROM unnest(s."week_exception_dates") d) END
	FROM "directory_services" s
	CROSS JOIN LATERAL (SELECT DISTINCT unnest(CASE WHEN 'ZZ' = ANY(s."countries") THEN ARRAY['ZZ'] ELSE s."countries" END) AS "country") c
	WHERE s."id" = ANY(ids) AND s."status" <> 'defunct';
$$;
--> statement-breakpoint
-- A bulk writer that refreshes the listings itself, once per transaction, sets
-- cop.directory_listings = 'deferred' for that transaction (bench/generate-directory.ts does).
CREATE FUNCTION "directory_listings_from_services"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('cop.directory_listings', true) = 'deferred' THEN RETURN NULL; END IF;
	PERFORM "directory_listings_refresh"(ARRAY(SELECT "id" FROM changed));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "directory_listings_from_channels"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('cop.directory_listings', true) = 'deferred' THEN RETURN NULL; END IF;
	PERFORM "directory_listings_refresh"(ARRAY(SELECT DISTINCT "service_id" FROM changed));
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "directory_listings_service_insert" AFTER INSERT ON "directory_services" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "directory_listings_from_services"();
--> statement-breakpoint
CREATE TRIGGER "directory_listings_service_update" AFTER UPDATE ON "directory_services" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "directory_listings_from_services"();
--> statement-breakpoint
CREATE TRIGGER "directory_listings_channel_insert" AFTER INSERT ON "directory_channels" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "directory_listings_from_channels"();
--> statement-breakpoint
CREATE TRIGGER "directory_listings_channel_update" AFTER UPDATE ON "directory_channels" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "directory_listings_from_channels"();
--> statement-breakpoint
CREATE TRIGGER "directory_listings_channel_delete" AFTER DELETE ON "directory_channels" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "directory_listings_from_channels"();
--> statement-breakpoint
-- rows for the services already there
SELECT "directory_listings_refresh"(ARRAY(SELECT "id" FROM "directory_services"));
--> statement-breakpoint
ANALYZE "directory_listings";
