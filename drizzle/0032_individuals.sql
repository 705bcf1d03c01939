-- Individuals (services à la personne): URSSAF avance immédiate, prepaid CESU titles, SEPA mandates (issue 18).
CREATE TABLE "urssaf_registrations" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"consent_on" date,
	"civilite" text,
	"birth_name" text,
	"usage_name" text,
	"first_names" text,
	"birth_date" date,
	"birth_country_code" text DEFAULT '99100' NOT NULL,
	"birth_department" text,
	"birth_commune_code" text,
	"birth_commune_name" text,
	"mobile_phone" text,
	"email" text,
	"iban" text,
	"bic" text,
	"account_holder" text,
	"status" text DEFAULT 'not_registered' NOT NULL,
	"urssaf_client_id" text,
	"registered_at" timestamp with time zone,
	"error_code" text,
	"error_message" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "urssaf_registrations_status" CHECK ("urssaf_registrations"."status" IN ('not_registered', 'registered', 'rejected')),
	CONSTRAINT "urssaf_registrations_civilite" CHECK ("urssaf_registrations"."civilite" IS NULL OR "urssaf_registrations"."civilite" IN ('1', '2')),
	CONSTRAINT "urssaf_registrations_registered" CHECK (("urssaf_registrations"."status" = 'registered') = ("urssaf_registrations"."urssaf_client_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "urssaf_registrations" ADD CONSTRAINT "urssaf_registrations_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "urssaf_registrations" ADD CONSTRAINT "urssaf_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "urssaf_registrations_organisation_id_index" ON "urssaf_registrations" USING btree ("organisation_id");
--> statement-breakpoint
CREATE TABLE "urssaf_payment_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"month" text NOT NULL,
	"total_cents" integer NOT NULL,
	"urssaf_share_cents" integer NOT NULL,
	"client_share_cents" integer NOT NULL,
	"state" text DEFAULT 'to_send' NOT NULL,
	"urssaf_id" text,
	"urssaf_status" text,
	"reject_code" text,
	"reject_comment" text,
	"error_code" text,
	"error_message" text,
	"transfer_cents" integer,
	"transfer_on" date,
	"sent_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "urssaf_payment_requests_state" CHECK ("urssaf_payment_requests"."state" IN ('to_send', 'sent', 'refused', 'error', 'paid', 'cancelled')),
	CONSTRAINT "urssaf_payment_requests_shares" CHECK ("urssaf_payment_requests"."urssaf_share_cents" >= 0 AND "urssaf_payment_requests"."client_share_cents" >= 0 AND "urssaf_payment_requests"."urssaf_share_cents" + "urssaf_payment_requests"."client_share_cents" = "urssaf_payment_requests"."total_cents")
);
--> statement-breakpoint
ALTER TABLE "urssaf_payment_requests" ADD CONSTRAINT "urssaf_payment_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "urssaf_payment_requests" ADD CONSTRAINT "urssaf_payment_requests_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "urssaf_payment_requests" ADD CONSTRAINT "urssaf_payment_requests_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "urssaf_payment_requests_month_key" ON "urssaf_payment_requests" USING btree ("organisation_id","client_id","month");
--> statement-breakpoint
CREATE UNIQUE INDEX "urssaf_payment_requests_invoice_key" ON "urssaf_payment_requests" USING btree ("invoice_id");
--> statement-breakpoint
CREATE TABLE "cesu_titles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"numbers" text NOT NULL,
	"face_value_cents" integer NOT NULL,
	"count" integer NOT NULL,
	"received_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cesu_titles_amounts" CHECK ("cesu_titles"."face_value_cents" > 0 AND "cesu_titles"."count" > 0)
);
--> statement-breakpoint
ALTER TABLE "cesu_titles" ADD CONSTRAINT "cesu_titles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cesu_titles" ADD CONSTRAINT "cesu_titles_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cesu_titles" ADD CONSTRAINT "cesu_titles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "cesu_titles_organisation_id_client_id_index" ON "cesu_titles" USING btree ("organisation_id","client_id");
--> statement-breakpoint
CREATE TABLE "cesu_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"cesu_title_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"allocated_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cesu_allocations_positive" CHECK ("cesu_allocations"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "cesu_allocations" ADD CONSTRAINT "cesu_allocations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cesu_allocations" ADD CONSTRAINT "cesu_allocations_cesu_title_id_cesu_titles_id_fk" FOREIGN KEY ("cesu_title_id") REFERENCES "public"."cesu_titles"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cesu_allocations" ADD CONSTRAINT "cesu_allocations_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "cesu_allocations" ADD CONSTRAINT "cesu_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "cesu_allocations_cesu_title_id_index" ON "cesu_allocations" USING btree ("cesu_title_id");
--> statement-breakpoint
CREATE INDEX "cesu_allocations_invoice_id_index" ON "cesu_allocations" USING btree ("invoice_id");
--> statement-breakpoint
CREATE TABLE "sepa_mandates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"rum" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text NOT NULL,
	"account_holder" text NOT NULL,
	"signed_on" date NOT NULL,
	"revoked_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sepa_mandates_rum_format" CHECK ("sepa_mandates"."rum" ~ '^[A-Za-z0-9+?/:().,'' -]{1,35}$'),
	CONSTRAINT "sepa_mandates_bic_format" CHECK ("sepa_mandates"."bic" ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$')
);
--> statement-breakpoint
ALTER TABLE "sepa_mandates" ADD CONSTRAINT "sepa_mandates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sepa_mandates" ADD CONSTRAINT "sepa_mandates_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "sepa_mandates" ADD CONSTRAINT "sepa_mandates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "sepa_mandates_rum_key" ON "sepa_mandates" USING btree ("organisation_id","rum");
--> statement-breakpoint
CREATE UNIQUE INDEX "sepa_mandates_active_key" ON "sepa_mandates" USING btree ("organisation_id","client_id") WHERE "sepa_mandates"."revoked_on" IS NULL;
