CREATE TABLE "directory_channel_hours" (
	"channel_id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"timezone" text NOT NULL,
	"open_minutes" "int4multirange" NOT NULL,
	"exception_dates" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_channel_hours" ADD CONSTRAINT "directory_channel_hours_channel_id_directory_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."directory_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_channel_hours" ADD CONSTRAINT "directory_channel_hours_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_channel_hours_service_idx" ON "directory_channel_hours" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_channel_hours_exceptions_idx" ON "directory_channel_hours" USING gin ("exception_dates") WITH (fastupdate=false);