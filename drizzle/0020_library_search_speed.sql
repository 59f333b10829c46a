DROP INDEX "library_search_tsv_idx";--> statement-breakpoint
DROP INDEX "library_search_trgm_idx";--> statement-breakpoint
-- Chinese and Arabic substrings are matched with LIKE on a lower-cased haystack (ILIKE folded
-- case character by character and cost twice as much), stored uncompressed (each match is
-- checked against the text: decompressing it cost a third of a search); other languages keep no
-- haystack; titles are lower-cased too (a match in the title ranks first). Rewritten while the trigram index is dropped. New rows are written this way by
-- library/search.ts. One GIN index per configuration; fastupdate off (library/schema.ts says why).
ALTER TABLE "library_search" ALTER COLUMN "haystack" SET STORAGE EXTERNAL;--> statement-breakpoint
UPDATE "library_search" SET "haystack" = CASE WHEN "config" = 'simple' THEN lower("haystack") ELSE '' END, "title" = lower("title");--> statement-breakpoint
CREATE INDEX "library_search_tsv_english_idx" ON "library_search" USING gin ("tsv") WITH (fastupdate=false) WHERE "library_search"."config" = 'english';--> statement-breakpoint
CREATE INDEX "library_search_tsv_french_idx" ON "library_search" USING gin ("tsv") WITH (fastupdate=false) WHERE "library_search"."config" = 'french';--> statement-breakpoint
CREATE INDEX "library_search_tsv_spanish_idx" ON "library_search" USING gin ("tsv") WITH (fastupdate=false) WHERE "library_search"."config" = 'spanish';--> statement-breakpoint
CREATE INDEX "library_search_tsv_russian_idx" ON "library_search" USING gin ("tsv") WITH (fastupdate=false) WHERE "library_search"."config" = 'russian';--> statement-breakpoint
CREATE INDEX "library_search_tsv_simple_idx" ON "library_search" USING gin ("tsv") WITH (fastupdate=false) WHERE "library_search"."config" = 'simple';--> statement-breakpoint
CREATE INDEX "library_search_trgm_idx" ON "library_search" USING gin ("haystack" gin_trgm_ops) WITH (fastupdate=false) WHERE "library_search"."config" = 'simple';