CREATE TABLE "hire_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"client_id" uuid NOT NULL REFERENCES "clients"("id"),
	"worker_id" uuid NOT NULL REFERENCES "workers"("id"),
	"hire_date" date NOT NULL,
	"contract_kind" text NOT NULL,
	"message" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"declared_by" uuid REFERENCES "users"("id"),
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by" uuid REFERENCES "users"("id"),
	"answered_at" timestamp with time zone,
	"answer_note" text,
	"exit_id" uuid REFERENCES "worker_exits"("id"),
	CONSTRAINT "hire_declarations_status" CHECK ("status" IN ('pending', 'confirmed', 'declined')),
	CONSTRAINT "hire_declarations_contract_kind" CHECK ("contract_kind" IN ('cdi', 'cdd_6_months_or_more', 'cdd_under_6_months')),
	CONSTRAINT "hire_declarations_answered" CHECK (("status" = 'pending') = ("answered_at" IS NULL))
);
--> statement-breakpoint
CREATE INDEX "hire_declarations_organisation_id_status_index" ON "hire_declarations" ("organisation_id", "status", "declared_at");
--> statement-breakpoint
CREATE INDEX "hire_declarations_organisation_id_client_id_index" ON "hire_declarations" ("organisation_id", "client_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "hire_declarations_pending_worker_key" ON "hire_declarations" ("worker_id") WHERE "status" = 'pending';
