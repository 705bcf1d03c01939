CREATE TABLE "hours_cap_windows" (
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"counted_minutes" integer NOT NULL,
	CONSTRAINT "hours_cap_windows_worker_id_window_start_pk" PRIMARY KEY("worker_id","window_start"),
	CONSTRAINT "hours_cap_windows_dates" CHECK ("hours_cap_windows"."window_end" > "hours_cap_windows"."window_start")
);
--> statement-breakpoint
ALTER TABLE "hours_cap_windows" ADD CONSTRAINT "hours_cap_windows_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_cap_windows" ADD CONSTRAINT "hours_cap_windows_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hours_cap_windows_organisation_id_window_end_index" ON "hours_cap_windows" USING btree ("organisation_id","window_end");