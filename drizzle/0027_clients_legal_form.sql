-- Who counts for the 480 h cap follows the employer's legal nature (Code du travail L5132-9, L2211-1), not the
-- client's sector: clients record their legal form (INSEE catégorie juridique, level 2 or 3, or
-- 'private_individual'). Existing clients have none until an officer completes it (unknown counts, the safe
-- side), except private individuals, whom their kind already identifies as natural persons.
ALTER TABLE "clients" ADD COLUMN "legal_form" text;
--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_legal_form_format" CHECK ("clients"."legal_form" IS NULL OR "clients"."legal_form" ~ '^([0-9]{2}|[0-9]{4}|private_individual)$');
--> statement-breakpoint
UPDATE "clients" SET "legal_form" = 'private_individual' WHERE "kind" = 'individual';
--> statement-breakpoint
-- The SQL twin of countsForHoursCap (src/server/modules/clients/rules/hours-cap-scope.ts): change both together.
-- Unknown counts; private individuals, private non-profits (92 associations, 93 foundations, 82 mutuelles), the
-- State (71), local authorities (72) and administrative public bodies (73, 74) do not; EPIC (41) and OPH (7371)
-- and every other private-law employer do.
CREATE OR REPLACE FUNCTION hours_cap_counts_legal_form(f text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN f IS NULL THEN true
    WHEN f = 'private_individual' THEN false
    WHEN f LIKE '41%' OR f LIKE '7371%' THEN true
    WHEN left(f, 2) IN ('92', '93', '82', '71', '72', '73', '74') THEN false
    ELSE true
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hours_cap_counts(c clients) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT hours_cap_counts_legal_form(c.legal_form)
$$;
--> statement-breakpoint
SELECT refresh_hours_cap_windows(ARRAY(SELECT id FROM workers));
