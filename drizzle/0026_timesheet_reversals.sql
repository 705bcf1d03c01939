-- Timesheets hold only what happened: an entry of a validated or invoiced timesheet whose shift was then
-- uncovered, cancelled, moved or given to someone else is never edited; it is cancelled by a reversal entry
-- (reverses_entry_id) in a correction timesheet, and the shift, if worked, gets a new entry (revision + 1).
ALTER TABLE "timesheet_entries" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "timesheet_entries" ADD COLUMN "reverses_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "timesheet_entries" ADD CONSTRAINT "timesheet_entries_reverses_entry_id_fk" FOREIGN KEY ("reverses_entry_id") REFERENCES "public"."timesheet_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
DROP INDEX IF EXISTS "timesheet_entries_shift_key";--> statement-breakpoint
-- One worked entry per shift and revision, and an entry reversed at most once: the same slot is never billed twice.
CREATE UNIQUE INDEX "timesheet_entries_shift_revision_key" ON "timesheet_entries" USING btree ("shift_id","revision") WHERE "reverses_entry_id" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "timesheet_entries_reverses_key" ON "timesheet_entries" USING btree ("reverses_entry_id");--> statement-breakpoint
CREATE INDEX "timesheet_entries_shift_idx" ON "timesheet_entries" USING btree ("shift_id");--> statement-breakpoint
ALTER TABLE "timesheet_entries" ADD CONSTRAINT "timesheet_entries_revision" CHECK ("timesheet_entries"."revision" >= 1);--> statement-breakpoint
ALTER TABLE "timesheets" ADD COLUMN "kind" text DEFAULT 'hours' NOT NULL;--> statement-breakpoint
ALTER TABLE "timesheets" ADD CONSTRAINT "timesheets_kind" CHECK ("timesheets"."kind" IN ('hours', 'correction'));--> statement-breakpoint
DROP INDEX "timesheets_one_open_key";--> statement-breakpoint
CREATE UNIQUE INDEX "timesheets_one_open_key" ON "timesheets" USING btree ("organisation_id","client_id","month") WHERE status <> 'validated' AND closed_at IS NULL AND kind = 'hours';--> statement-breakpoint
-- The workers a placement contract names are worker records (R5132-20), not free text.
ALTER TABLE "placement_contracts" ADD COLUMN "worker_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;
