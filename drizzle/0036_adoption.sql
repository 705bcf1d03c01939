-- Issue 17 (adoption): the scanned signed copy of a placement contract signed on paper (PDF, JPEG or PNG, 5 MB at
-- most), kept in the database with the contract so that backups, restores and the data export carry it.
CREATE TABLE "placement_contract_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"placement_contract_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" bytea NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placement_contract_documents_type" CHECK ("placement_contract_documents"."content_type" IN ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "placement_contract_documents_size" CHECK ("placement_contract_documents"."size_bytes" > 0 AND "placement_contract_documents"."size_bytes" <= 5242880 AND octet_length("placement_contract_documents"."content") = "placement_contract_documents"."size_bytes")
);
--> statement-breakpoint
ALTER TABLE "placement_contract_documents" ADD CONSTRAINT "placement_contract_documents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "placement_contract_documents" ADD CONSTRAINT "placement_contract_documents_placement_contract_id_fk" FOREIGN KEY ("placement_contract_id") REFERENCES "public"."placement_contracts"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "placement_contract_documents_organisation_id_placement_contract_id_index" ON "placement_contract_documents" USING btree ("organisation_id","placement_contract_id");
--> statement-breakpoint
-- Imports of missions with their regular shifts, and of the hours already worked this month.
ALTER TABLE "data_imports" DROP CONSTRAINT "data_imports_kind";
--> statement-breakpoint
ALTER TABLE "data_imports" ADD CONSTRAINT "data_imports_kind" CHECK ("data_imports"."kind" IN ('workers', 'clients', 'contracts', 'missions', 'hours'));
