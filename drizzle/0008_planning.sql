CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pooling_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"distance_km" integer,
	"status" text DEFAULT 'offered' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pooling_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"network_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"rome" text NOT NULL,
	"commune_code" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"shift_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"rank" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"token_hash" text NOT NULL,
	"proposed_by" uuid,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"worker_id" uuid,
	"weekdays" integer[] NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"except_dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"skip_public_holidays" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shift_series_dates" CHECK ("shift_series"."end_date" >= "shift_series"."start_date")
);
--> statement-breakpoint
ALTER TABLE "shifts" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "shifts" ADD COLUMN "uncovered_worker_id" uuid;--> statement-breakpoint
ALTER TABLE "shifts" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pooling_offers" ADD CONSTRAINT "pooling_offers_request_id_pooling_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."pooling_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pooling_offers" ADD CONSTRAINT "pooling_offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pooling_offers" ADD CONSTRAINT "pooling_offers_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pooling_requests" ADD CONSTRAINT "pooling_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pooling_requests" ADD CONSTRAINT "pooling_requests_shift_id_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_proposals" ADD CONSTRAINT "shift_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_proposals" ADD CONSTRAINT "shift_proposals_shift_id_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_proposals" ADD CONSTRAINT "shift_proposals_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_series" ADD CONSTRAINT "shift_series_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_series" ADD CONSTRAINT "shift_series_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_series" ADD CONSTRAINT "shift_series_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_worker_id_index" ON "calendar_feeds" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "pooling_offers_request_id_index" ON "pooling_offers" USING btree ("request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pooling_offers_once" ON "pooling_offers" USING btree ("request_id","worker_id");--> statement-breakpoint
CREATE INDEX "pooling_requests_network_id_status_index" ON "pooling_requests" USING btree ("network_id","status");--> statement-breakpoint
CREATE INDEX "pooling_requests_organisation_id_shift_id_index" ON "pooling_requests" USING btree ("organisation_id","shift_id");--> statement-breakpoint
CREATE INDEX "shift_proposals_organisation_id_shift_id_index" ON "shift_proposals" USING btree ("organisation_id","shift_id");--> statement-breakpoint
CREATE INDEX "shift_proposals_worker_id_status_index" ON "shift_proposals" USING btree ("worker_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "shift_proposals_token_key" ON "shift_proposals" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "shift_series_organisation_id_mission_id_index" ON "shift_series" USING btree ("organisation_id","mission_id");--> statement-breakpoint
CREATE INDEX "shifts_client_worker_idx" ON "shifts" USING btree ("client_id","worker_id","start_at");