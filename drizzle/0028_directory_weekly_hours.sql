ALTER TABLE "directory_services" ADD COLUMN "week_zone" text;--> statement-breakpoint
ALTER TABLE "directory_services" ADD COLUMN "week_minutes" "int4multirange" DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "directory_services" ADD COLUMN "week_exception_dates" text[] DEFAULT '{}'::text[] NOT NULL;