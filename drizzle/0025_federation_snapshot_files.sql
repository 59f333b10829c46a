CREATE TABLE "federation_snapshot_files" (
	"feed" text NOT NULL,
	"sequence" integer NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "federation_snapshot_files_feed_sequence_name_pk" PRIMARY KEY("feed","sequence","name")
);
--> statement-breakpoint
-- snapshots made before: their files move to rows of their own, unchanged (the manifests hash them)
INSERT INTO "federation_snapshot_files" ("feed", "sequence", "name", "body") SELECT s."feed", s."sequence", f.key, f.value FROM "federation_snapshots" s, jsonb_each_text(s."files") f;--> statement-breakpoint
ALTER TABLE "federation_snapshots" DROP COLUMN "files";