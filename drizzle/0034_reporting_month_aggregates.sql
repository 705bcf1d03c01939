CREATE TABLE "reporting_months" (
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"month" text NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_months_pkey" PRIMARY KEY ("organisation_id", "month"),
	CONSTRAINT "reporting_months_month_format" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "reporting_worker_months" (
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"worker_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "reporting_worker_months_pkey" PRIMARY KEY ("organisation_id", "month", "worker_id"),
	CONSTRAINT "reporting_worker_months_month_fk" FOREIGN KEY ("organisation_id", "month")
		REFERENCES "reporting_months"("organisation_id", "month") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE TABLE "reporting_client_months" (
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"client_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"planned_seconds" bigint NOT NULL,
	CONSTRAINT "reporting_client_months_pkey" PRIMARY KEY ("organisation_id", "month", "client_id"),
	CONSTRAINT "reporting_client_months_month_fk" FOREIGN KEY ("organisation_id", "month")
		REFERENCES "reporting_months"("organisation_id", "month") ON DELETE CASCADE
);
--> statement-breakpoint
CREATE INDEX "shifts_uncovered_organisation_start_idx" ON "shifts" ("organisation_id", "start_at") WHERE "uncovered_worker_id" IS NOT NULL;
