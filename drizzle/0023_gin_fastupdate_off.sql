-- fastupdate off on the help finder's GIN indexes (directory/schema.ts says why): a search no longer scans
-- the pending list of rows written since the last vacuum. The indexes are rebuilt once here.
DROP INDEX "directory_services_countries_idx";--> statement-breakpoint
DROP INDEX "directory_services_topics_idx";--> statement-breakpoint
DROP INDEX "directory_services_search_idx";--> statement-breakpoint
DROP INDEX "federation_services_countries_idx";--> statement-breakpoint
CREATE INDEX "directory_services_countries_idx" ON "directory_services" USING gin ("countries") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "directory_services_topics_idx" ON "directory_services" USING gin ("topics") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "directory_services_search_idx" ON "directory_services" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "federation_services_countries_idx" ON "federation_services" USING gin ("countries") WITH (fastupdate=false);