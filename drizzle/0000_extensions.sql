-- Extensions used by search (help finder, content): trigram similarity and accent folding.
-- PGlite loads them from @electric-sql/pglite/contrib; a PostgreSQL server needs its contrib package.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
