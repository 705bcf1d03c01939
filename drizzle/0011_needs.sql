CREATE TABLE "need_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"rome" text NOT NULL,
	"headcount" integer NOT NULL,
	"minutes_per_week" integer,
	"start_date" date NOT NULL,
	"end_date" date,
	"schedule" text,
	"nights" boolean DEFAULT false NOT NULL,
	"weekends" boolean DEFAULT false NOT NULL,
	CONSTRAINT "need_jobs_rome" CHECK ("need_jobs"."rome" ~ '^[A-N][0-9]{4}$'),
	CONSTRAINT "need_jobs_headcount" CHECK ("need_jobs"."headcount" BETWEEN 1 AND 500),
	CONSTRAINT "need_jobs_minutes" CHECK ("need_jobs"."minutes_per_week" IS NULL OR "need_jobs"."minutes_per_week" BETWEEN 1 AND 48 * 60),
	CONSTRAINT "need_jobs_dates" CHECK ("need_jobs"."end_date" IS NULL OR "need_jobs"."end_date" >= "need_jobs"."start_date")
);
--> statement-breakpoint
CREATE TABLE "need_routes" (
	"need_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"distance_km" double precision,
	"status" text DEFAULT 'routed' NOT NULL,
	"routed_by" uuid,
	"routed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"viewed_at" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"decline_reason" text,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "need_routes_need_id_organisation_id_pk" PRIMARY KEY("need_id","organisation_id"),
	CONSTRAINT "need_routes_decline_reason" CHECK ("need_routes"."status" <> 'declined' OR "need_routes"."decline_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "need_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ip_hash" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"network_id" uuid,
	"status" text NOT NULL,
	"urgency" text NOT NULL,
	"establishment_name" text NOT NULL,
	"establishment_kind" text NOT NULL,
	"siret" text,
	"address_line" text,
	"postal_code" text,
	"commune_code" text NOT NULL,
	"commune_name" text NOT NULL,
	"departement" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"description" text DEFAULT '' NOT NULL,
	"care_pathway" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"follow_token_hash" text NOT NULL,
	"preferred_organisation_id" uuid,
	"routed_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"claimed_by_organisation_id" uuid,
	"claimed_by_user_id" uuid,
	"claimed_at" timestamp with time zone,
	"diagnostic" jsonb,
	"diagnostic_at" timestamp with time zone,
	"diagnostic_by" uuid,
	"client_id" uuid,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "needs_siret_format" CHECK ("needs"."siret" IS NULL OR "needs"."siret" ~ '^[0-9]{14}$'),
	CONSTRAINT "needs_claimed_has_owner" CHECK (("needs"."status" IN ('unrouted', 'routed')) = ("needs"."claimed_by_organisation_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "need_jobs" ADD CONSTRAINT "need_jobs_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_routes" ADD CONSTRAINT "need_routes_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_routes" ADD CONSTRAINT "need_routes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_claimed_by_organisation_id_organisations_id_fk" FOREIGN KEY ("claimed_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_jobs_need_id_index" ON "need_jobs" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "need_routes_organisation_id_status_index" ON "need_routes" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "need_routes_one_claim" ON "need_routes" USING btree ("need_id") WHERE "need_routes"."status" = 'claimed';--> statement-breakpoint
CREATE INDEX "need_submissions_ip_hash_at_index" ON "need_submissions" USING btree ("ip_hash","at");--> statement-breakpoint
CREATE UNIQUE INDEX "needs_reference_key" ON "needs" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "needs_follow_token_key" ON "needs" USING btree ("follow_token_hash");--> statement-breakpoint
CREATE INDEX "needs_network_id_created_at_index" ON "needs" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "needs_status_deadline_at_index" ON "needs" USING btree ("status","deadline_at");--> statement-breakpoint
CREATE INDEX "needs_claimed_by_organisation_id_index" ON "needs" USING btree ("claimed_by_organisation_id");