-- Sensitive data (health and justice barrier details, interview notes, eligibility criteria and their evidence,
-- the worker data export) is readable only by members granted this right, by name (RGPD art. 9 and 32).
ALTER TABLE "memberships" ADD COLUMN IF NOT EXISTS "sensitive_access" boolean NOT NULL DEFAULT false;
--> statement-breakpoint
-- Support officers hold the right by default: their job is the follow-up of each person.
UPDATE "memberships" SET "sensitive_access" = true WHERE "role" = 'support_officer';
--> statement-breakpoint
-- Only the staff of an AI can hold it: never a client, a worker or a network coordinator.
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_sensitive_access_staff"
  CHECK (NOT "sensitive_access" OR "role" IN ('org_admin', 'placement_officer', 'support_officer', 'accountant'));
