CREATE TABLE "worker_unavailabilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worker_unavailabilities_dates" CHECK ("worker_unavailabilities"."end_at" > "worker_unavailabilities"."start_at")
);
--> statement-breakpoint
ALTER TABLE "workers" ADD COLUMN "weekly_availability" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "workers" ADD COLUMN "cap_derogation_from" date;--> statement-breakpoint
ALTER TABLE "workers" ADD COLUMN "cap_derogation_to" date;--> statement-breakpoint
ALTER TABLE "worker_unavailabilities" ADD CONSTRAINT "worker_unavailabilities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_unavailabilities" ADD CONSTRAINT "worker_unavailabilities_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_unavailabilities_worker_id_start_at_index" ON "worker_unavailabilities" USING btree ("worker_id","start_at");