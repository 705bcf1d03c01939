CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ip" text NOT NULL,
	"email" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"organisation_id" uuid,
	"network_id" uuid,
	"client_id" uuid,
	"worker_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_one_tenant" CHECK (("memberships"."organisation_id" IS NOT NULL AND "memberships"."network_id" IS NULL AND "memberships"."role" <> 'network_coordinator')
       OR ("memberships"."network_id" IS NOT NULL AND "memberships"."organisation_id" IS NULL AND "memberships"."role" = 'network_coordinator')),
	CONSTRAINT "memberships_client_bound" CHECK (("memberships"."role" = 'client_user') = ("memberships"."client_id" IS NOT NULL)),
	CONSTRAINT "memberships_worker_bound" CHECK (("memberships"."role" = 'worker') = ("memberships"."worker_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "network_organisations" (
	"network_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_organisations_network_id_organisation_id_pk" PRIMARY KEY("network_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"region" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"siret" text,
	"address_line" text,
	"postal_code" text,
	"commune_code" text,
	"commune_name" text,
	"departement" text,
	"lat" double precision,
	"lon" double precision,
	"phone" text,
	"email" text,
	"website" text,
	"opening_hours" text,
	"presentation" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_siret_format" CHECK ("organisations"."siret" IS NULL OR "organisations"."siret" ~ '^[0-9]{14}$')
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid,
	"network_id" uuid,
	"user_id" uuid,
	"action" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" text,
	"details" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_excluded_workers" (
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_excluded_workers_client_id_worker_id_pk" PRIMARY KEY("client_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"siret" text,
	"address_line" text,
	"postal_code" text,
	"commune_code" text NOT NULL,
	"commune_name" text,
	"lat" double precision,
	"lon" double precision,
	"contact_name" text,
	"email" text,
	"phone" text,
	"billing_email" text,
	"payment_terms_days" integer DEFAULT 30 NOT NULL,
	"chorus_service_code" text,
	"chorus_commitment_number" text,
	"economic_dismissal_until" date,
	"counts_for_hours_cap_override" boolean,
	"for_profit" boolean,
	"notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_siret_format" CHECK ("clients"."siret" IS NULL OR "clients"."siret" ~ '^[0-9]{14}$')
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address_line" text,
	"postal_code" text,
	"commune_code" text NOT NULL,
	"commune_name" text,
	"lat" double precision,
	"lon" double precision,
	"access_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_sequences" (
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "number_sequences_organisation_id_kind_year_pk" PRIMARY KEY("organisation_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"declared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absences_dates" CHECK ("absences"."end_at" > "absences"."start_at")
);
--> statement-breakpoint
CREATE TABLE "missions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"placement_contract_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"rome" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"referent_user_id" uuid,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "missions_dates" CHECK ("missions"."end_date" >= "missions"."start_date")
);
--> statement-breakpoint
CREATE TABLE "shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"worker_id" uuid,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shifts_duration" CHECK ("shifts"."end_at" > "shifts"."start_at" AND "shifts"."end_at" - "shifts"."start_at" <= interval '12 hours'),
	CONSTRAINT "shifts_assigned_has_worker" CHECK (("shifts"."status" = 'assigned') = ("shifts"."worker_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "placement_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"site_id" uuid,
	"quote_id" uuid,
	"amends_id" uuid,
	"number" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"tasks" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"equivalent_pay_cents" integer,
	"protective_equipment" text,
	"equipment_supplied_by" text,
	"worker_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" text,
	"signed_ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_contracts_dates" CHECK ("placement_contracts"."end_date" >= "placement_contracts"."start_date")
);
--> statement-breakpoint
CREATE TABLE "quote_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"rome" text NOT NULL,
	"label" text NOT NULL,
	"minutes" integer NOT NULL,
	"hourly_rate_cents" integer NOT NULL,
	"total_cents" integer NOT NULL,
	"details" jsonb,
	CONSTRAINT "quote_lines_amounts" CHECK ("quote_lines"."minutes" > 0 AND "quote_lines"."hourly_rate_cents" > 0 AND "quote_lines"."total_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"need_id" uuid,
	"number" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"valid_until" date NOT NULL,
	"tender_reference" text,
	"total_cents" integer NOT NULL,
	"accept_token_hash" text,
	"accepted_at" timestamp with time zone,
	"accepted_by" text,
	"accepted_ip" text,
	"refused_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"rome" text,
	"client_kind" text,
	"hourly_rate_cents" integer NOT NULL,
	"night_surcharge_pct" integer DEFAULT 0 NOT NULL,
	"sunday_surcharge_pct" integer DEFAULT 0 NOT NULL,
	"holiday_surcharge_pct" integer DEFAULT 0 NOT NULL,
	"travel_fee_cents" integer DEFAULT 0 NOT NULL,
	"minimum_billed_minutes" integer DEFAULT 0 NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rates_positive" CHECK ("rates"."hourly_rate_cents" > 0 AND "rates"."hourly_rate_cents" <= 100000),
	CONSTRAINT "rates_surcharges" CHECK ("rates"."night_surcharge_pct" BETWEEN 0 AND 200 AND "rates"."sunday_surcharge_pct" BETWEEN 0 AND 200 AND "rates"."holiday_surcharge_pct" BETWEEN 0 AND 200)
);
--> statement-breakpoint
CREATE TABLE "employment_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"weekly_minutes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_contracts_dates" CHECK ("employment_contracts"."end_date" IS NULL OR "employment_contracts"."end_date" >= "employment_contracts"."start_date"),
	CONSTRAINT "employment_contracts_weekly" CHECK ("employment_contracts"."weekly_minutes" > 0 AND "employment_contracts"."weekly_minutes" <= 48 * 60)
);
--> statement-breakpoint
CREATE TABLE "passes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"number" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "passes_dates" CHECK ("passes"."end_date" >= "passes"."start_date"),
	CONSTRAINT "passes_number_format" CHECK ("passes"."number" ~ '^[0-9A-Z]{12}$')
);
--> statement-breakpoint
CREATE TABLE "worker_jobs" (
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"rome" text NOT NULL,
	"level" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "worker_jobs_worker_id_rome_pk" PRIMARY KEY("worker_id","rome"),
	CONSTRAINT "worker_jobs_level" CHECK ("worker_jobs"."level" BETWEEN 1 AND 3),
	CONSTRAINT "worker_jobs_rome" CHECK ("worker_jobs"."rome" ~ '^[A-N][0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"email" text,
	"phone" text,
	"address_line" text,
	"postal_code" text,
	"commune_code" text NOT NULL,
	"commune_name" text,
	"lat" double precision,
	"lon" double precision,
	"max_minutes_per_week" integer,
	"referent_user_id" uuid,
	"target_jobs" text[] DEFAULT '{}'::text[] NOT NULL,
	"hired_on" date,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_organisations" ADD CONSTRAINT "network_organisations_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_organisations" ADD CONSTRAINT "network_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_excluded_workers" ADD CONSTRAINT "client_excluded_workers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_excluded_workers" ADD CONSTRAINT "client_excluded_workers_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_sequences" ADD CONSTRAINT "number_sequences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_placement_contract_id_placement_contracts_id_fk" FOREIGN KEY ("placement_contract_id") REFERENCES "public"."placement_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missions" ADD CONSTRAINT "missions_referent_user_id_users_id_fk" FOREIGN KEY ("referent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_contracts" ADD CONSTRAINT "placement_contracts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_contracts" ADD CONSTRAINT "placement_contracts_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_contracts" ADD CONSTRAINT "placement_contracts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_contracts" ADD CONSTRAINT "placement_contracts_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quote_lines" ADD CONSTRAINT "quote_lines_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rates" ADD CONSTRAINT "rates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_contracts" ADD CONSTRAINT "employment_contracts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_contracts" ADD CONSTRAINT "employment_contracts_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_jobs" ADD CONSTRAINT "worker_jobs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_jobs" ADD CONSTRAINT "worker_jobs_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_referent_user_id_users_id_fk" FOREIGN KEY ("referent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_index" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_index" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "memberships_user_id_index" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_organisation_id_index" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "network_organisations_organisation_id_index" ON "network_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "networks_slug_key" ON "networks" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "audit_events_organisation_id_at_index" ON "audit_events" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_record_type_record_id_index" ON "audit_events" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "clients_organisation_id_name_index" ON "clients" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "sites_organisation_id_client_id_index" ON "sites" USING btree ("organisation_id","client_id");--> statement-breakpoint
CREATE INDEX "absences_organisation_id_worker_id_index" ON "absences" USING btree ("organisation_id","worker_id");--> statement-breakpoint
CREATE INDEX "missions_organisation_id_client_id_index" ON "missions" USING btree ("organisation_id","client_id");--> statement-breakpoint
CREATE INDEX "shifts_organisation_id_start_at_index" ON "shifts" USING btree ("organisation_id","start_at");--> statement-breakpoint
CREATE INDEX "shifts_worker_id_start_at_index" ON "shifts" USING btree ("worker_id","start_at");--> statement-breakpoint
CREATE INDEX "shifts_mission_id_index" ON "shifts" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "placement_contracts_organisation_id_client_id_index" ON "placement_contracts" USING btree ("organisation_id","client_id");--> statement-breakpoint
CREATE INDEX "quote_lines_quote_id_index" ON "quote_lines" USING btree ("quote_id");--> statement-breakpoint
CREATE INDEX "quotes_organisation_id_client_id_index" ON "quotes" USING btree ("organisation_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number_revision_key" ON "quotes" USING btree ("organisation_id","number","revision");--> statement-breakpoint
CREATE INDEX "rates_organisation_id_rome_index" ON "rates" USING btree ("organisation_id","rome");--> statement-breakpoint
CREATE INDEX "employment_contracts_organisation_id_worker_id_index" ON "employment_contracts" USING btree ("organisation_id","worker_id");--> statement-breakpoint
CREATE INDEX "passes_organisation_id_worker_id_index" ON "passes" USING btree ("organisation_id","worker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "passes_number_key" ON "passes" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE INDEX "workers_organisation_id_last_name_index" ON "workers" USING btree ("organisation_id","last_name");