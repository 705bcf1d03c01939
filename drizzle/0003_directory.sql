CREATE TABLE "organisation_jobs" (
	"organisation_id" uuid NOT NULL,
	"rome" text NOT NULL,
	CONSTRAINT "organisation_jobs_organisation_id_rome_pk" PRIMARY KEY("organisation_id","rome"),
	CONSTRAINT "organisation_jobs_rome" CHECK ("organisation_jobs"."rome" ~ '^[A-N][0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "organisation_territories" (
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "organisation_territories_organisation_id_kind_code_pk" PRIMARY KEY("organisation_id","kind","code")
);
--> statement-breakpoint
ALTER TABLE "organisation_jobs" ADD CONSTRAINT "organisation_jobs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_territories" ADD CONSTRAINT "organisation_territories_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_jobs_rome_index" ON "organisation_jobs" USING btree ("rome");--> statement-breakpoint
CREATE INDEX "organisation_territories_kind_code_index" ON "organisation_territories" USING btree ("kind","code");