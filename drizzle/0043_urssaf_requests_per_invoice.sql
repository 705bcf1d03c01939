-- Issue 18: one URSSAF payment request per invoice (a supplementary invoice of a month is its own request), a
-- refused or invalid request sent again as a new request with its history kept, and a client who leaves the
-- avance immédiate.
DROP INDEX IF EXISTS "urssaf_payment_requests_month_key";
--> statement-breakpoint
DROP INDEX IF EXISTS "urssaf_payment_requests_invoice_key";
--> statement-breakpoint
ALTER TABLE "urssaf_payment_requests" ADD COLUMN "resent_from_id" uuid REFERENCES "urssaf_payment_requests"("id");
--> statement-breakpoint
CREATE UNIQUE INDEX "urssaf_payment_requests_live_invoice_key" ON "urssaf_payment_requests" USING btree ("invoice_id") WHERE "state" IN ('to_send', 'sent', 'paid');
--> statement-breakpoint
CREATE INDEX "urssaf_payment_requests_client_month_index" ON "urssaf_payment_requests" USING btree ("organisation_id","client_id","month");
--> statement-breakpoint
CREATE UNIQUE INDEX "urssaf_payment_requests_resent_from_key" ON "urssaf_payment_requests" USING btree ("resent_from_id") WHERE "resent_from_id" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "urssaf_registrations" ADD COLUMN "left_on" date;
--> statement-breakpoint
ALTER TABLE "urssaf_registrations" DROP CONSTRAINT "urssaf_registrations_status";
--> statement-breakpoint
ALTER TABLE "urssaf_registrations" ADD CONSTRAINT "urssaf_registrations_status" CHECK ("urssaf_registrations"."status" IN ('not_registered', 'registered', 'rejected', 'left'));
--> statement-breakpoint
ALTER TABLE "urssaf_registrations" DROP CONSTRAINT "urssaf_registrations_registered";
--> statement-breakpoint
ALTER TABLE "urssaf_registrations" ADD CONSTRAINT "urssaf_registrations_registered" CHECK (("urssaf_registrations"."status" IN ('registered', 'left')) = ("urssaf_registrations"."urssaf_client_id" IS NOT NULL));
--> statement-breakpoint
ALTER TABLE "urssaf_registrations" ADD CONSTRAINT "urssaf_registrations_left" CHECK (("urssaf_registrations"."status" = 'left') = ("urssaf_registrations"."left_on" IS NOT NULL));
