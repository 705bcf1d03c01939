-- Issue 15 (law): PASS IAE prolongations await the prescriber's decision, suspension reasons of les-emplois
-- without overlaps, CDDI extension decision, payment means for tax certificates, ASP exit reason, VAT mention.
ALTER TABLE pass_extensions ADD COLUMN status text NOT NULL DEFAULT 'granted';
--> statement-breakpoint
ALTER TABLE pass_extensions ADD COLUMN decided_on date;
--> statement-breakpoint
ALTER TABLE pass_extensions ADD COLUMN decided_by text;
--> statement-breakpoint
ALTER TABLE pass_extensions ADD COLUMN decision_note text;
--> statement-breakpoint
-- Extensions recorded before decisions existed already moved the end: they stay granted, decided on their request.
UPDATE pass_extensions SET decided_on = requested_on WHERE decided_on IS NULL;
--> statement-breakpoint
ALTER TABLE pass_extensions ADD CONSTRAINT pass_extensions_status CHECK (status IN ('pending', 'granted', 'refused'));
--> statement-breakpoint
CREATE UNIQUE INDEX pass_extensions_one_pending ON pass_extensions (pass_id) WHERE status = 'pending';
--> statement-breakpoint
ALTER TABLE pass_suspensions ADD COLUMN explanation text;
--> statement-breakpoint
-- The reason was free text: it is kept word for word in the explanation; the code says it predates the list.
UPDATE pass_suspensions SET explanation = reason, reason = 'unspecified';
--> statement-breakpoint
ALTER TABLE pass_suspensions ADD CONSTRAINT pass_suspensions_reason CHECK (reason IN ('contract_suspended', 'contract_broken', 'finished_contract', 'approval_between_cta_members', 'sickness', 'maternity', 'incarceration', 'trial_outside_iae', 'detoxification', 'force_majeure', 'unspecified'));
--> statement-breakpoint
-- Two suspensions of a PASS never overlap (les-emplois exclude_overlapping_suspensions); btree_gist is not
-- available on every database we run on, so a trigger stands behind the code's check.
CREATE OR REPLACE FUNCTION pass_suspensions_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM pass_suspensions s
    WHERE s.pass_id = NEW.pass_id AND s.id <> NEW.id AND s.start_date <= NEW.end_date AND NEW.start_date <= s.end_date
  ) THEN
    RAISE EXCEPTION 'pass_suspensions overlap' USING ERRCODE = '23P01';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER pass_suspensions_no_overlap BEFORE INSERT OR UPDATE ON pass_suspensions
  FOR EACH ROW EXECUTE FUNCTION pass_suspensions_no_overlap();
--> statement-breakpoint
ALTER TABLE employment_contracts ADD COLUMN extension_decision_on date;
--> statement-breakpoint
-- "cesu" meant a CESU title handed by the client: a prepaid CESU, which tax certificates deduct.
UPDATE payments SET method = 'cesu_prepaid' WHERE method = 'cesu';
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_method CHECK (method IN ('virement', 'cheque', 'prelevement', 'especes', 'carte', 'cesu_prepaid', 'avance_immediate', 'apa_pch'));
--> statement-breakpoint
ALTER TABLE worker_exits ADD COLUMN asp_reason text;
--> statement-breakpoint
-- The old mention named the wrong case of the exemption (AIs are exempt under 261-7-1° bis).
UPDATE organisations SET settings = jsonb_set(settings, '{vatMention}', '"Exonération de TVA – art. 261-7-1° bis du CGI"')
  WHERE settings->>'vatMention' = 'TVA non applicable – art. 261-7-1°-b du CGI';
--> statement-breakpoint
-- The engagement number belongs to the order: each placement contract takes the one its client carried.
ALTER TABLE placement_contracts ADD COLUMN commitment_number text;
--> statement-breakpoint
UPDATE placement_contracts p SET commitment_number = c.chorus_commitment_number
  FROM clients c WHERE c.id = p.client_id AND c.chorus_commitment_number IS NOT NULL;
