-- A series can be cancelled from a date (the shifts after it are cancelled, the pattern stays for the record).
ALTER TABLE "shift_series" ADD COLUMN IF NOT EXISTS "cancelled_from" date;
--> statement-breakpoint
-- How each proposal reached the person: 'email', 'sms' (later), or 'none' (nobody was told).
ALTER TABLE "shift_proposals" ADD COLUMN IF NOT EXISTS "channel" text NOT NULL DEFAULT 'email';
--> statement-breakpoint
UPDATE "shift_proposals" p SET "channel" = 'none'
  FROM "workers" w
  WHERE w."id" = p."worker_id" AND (w."email" IS NULL OR btrim(w."email") = '');
--> statement-breakpoint
ALTER TABLE "shift_proposals" ADD CONSTRAINT "shift_proposals_channel" CHECK ("channel" IN ('email', 'sms', 'none'));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "shift_series_mission_idx" ON "shift_series" ("mission_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "shifts_series_idx" ON "shifts" ("series_id") WHERE "series_id" IS NOT NULL;
