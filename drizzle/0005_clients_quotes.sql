CREATE TABLE "client_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "billing_address" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "economic_dismissal_on" date;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "placement_contracts" ADD COLUMN "rome_codes" text[];--> statement-breakpoint
ALTER TABLE "placement_contracts" ADD COLUMN "amendment_reason" text;--> statement-breakpoint
ALTER TABLE "placement_contracts" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "refused_by" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "refused_ip" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "refusal_reason" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "site_id" uuid;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "tasks" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "protective_equipment" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "equipment_supplied_by" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "equivalent_pay_cents" integer;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "quotes" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "client_contacts" ADD CONSTRAINT "client_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_contacts" ADD CONSTRAINT "client_contacts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_contacts_organisation_id_client_id_index" ON "client_contacts" USING btree ("organisation_id","client_id");--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_accept_token_hash_key" ON "quotes" USING btree ("accept_token_hash");--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_total" CHECK ("quotes"."total_cents" >= 0);--> statement-breakpoint
ALTER TABLE "rates" ADD CONSTRAINT "rates_fees" CHECK ("rates"."travel_fee_cents" BETWEEN 0 AND 100000 AND "rates"."minimum_billed_minutes" BETWEEN 0 AND 720 AND ("rates"."effective_to" IS NULL OR "rates"."effective_to" >= "rates"."effective_from"));