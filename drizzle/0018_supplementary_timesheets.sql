DROP INDEX "timesheets_client_month_key";--> statement-breakpoint
DROP INDEX "invoices_client_month_key";--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "supplement" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "timesheets" ADD COLUMN "sequence" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "timesheets" ADD COLUMN "invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "timesheets" ADD CONSTRAINT "timesheets_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "timesheets_client_month_seq_key" ON "timesheets" USING btree ("organisation_id","client_id","month","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "timesheets_one_open_key" ON "timesheets" USING btree ("organisation_id","client_id","month") WHERE status <> 'validated' AND closed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_client_month_key" ON "invoices" USING btree ("organisation_id","month","client_id","supplement") WHERE kind = 'invoice';--> statement-breakpoint
ALTER TABLE "timesheets" ADD CONSTRAINT "timesheets_sequence" CHECK ("timesheets"."sequence" >= 1);--> statement-breakpoint
-- Timesheets invoiced before this migration point at their invoice, so that a later close never bills them again.
UPDATE "timesheets" t SET "invoice_id" = i."id"
  FROM "invoices" i
  WHERE t."closed_at" IS NOT NULL AND i."kind" = 'invoice' AND i."organisation_id" = t."organisation_id"
    AND i."month" = t."month" AND i."client_id" = t."client_id";
--> statement-breakpoint
-- A validated or invoiced timesheet is locked: its entries are never added, changed or removed (late shifts go
-- to a supplementary timesheet; an invoiced hour is corrected by a credit note).
CREATE OR REPLACE FUNCTION passerelle_timesheet_entries_locked() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND EXISTS (
    SELECT 1 FROM timesheets WHERE id = OLD.timesheet_id AND (status = 'validated' OR closed_at IS NOT NULL)
  ) THEN
    RAISE EXCEPTION 'timesheet_locked: the entries of a validated or invoiced timesheet cannot change'
      USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP <> 'DELETE' AND EXISTS (
    SELECT 1 FROM timesheets WHERE id = NEW.timesheet_id AND (status = 'validated' OR closed_at IS NOT NULL)
  ) THEN
    RAISE EXCEPTION 'timesheet_locked: the entries of a validated or invoiced timesheet cannot change'
      USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER timesheet_entries_locked BEFORE INSERT OR UPDATE OR DELETE ON timesheet_entries
  FOR EACH ROW EXECUTE FUNCTION passerelle_timesheet_entries_locked();
--> statement-breakpoint
-- A closed timesheet stays closed, a validated one stays validated, and its invoice, once set, never changes.
CREATE OR REPLACE FUNCTION passerelle_timesheets_frozen() RETURNS trigger AS $$
BEGIN
  IF OLD.closed_at IS NOT NULL AND (NEW.closed_at IS DISTINCT FROM OLD.closed_at OR NEW.status <> OLD.status) THEN
    RAISE EXCEPTION 'timesheet_locked: an invoiced timesheet cannot change' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.status = 'validated' AND NEW.status <> 'validated' THEN
    RAISE EXCEPTION 'timesheet_locked: a validated timesheet cannot be reopened' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.invoice_id IS NOT NULL AND NEW.invoice_id IS DISTINCT FROM OLD.invoice_id THEN
    RAISE EXCEPTION 'timesheet_locked: the invoice of a timesheet cannot change' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER timesheets_frozen BEFORE UPDATE ON timesheets
  FOR EACH ROW EXECUTE FUNCTION passerelle_timesheets_frozen();
