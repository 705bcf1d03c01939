-- The public directory's radius search prefilters on a bounding box of lat/lon before the exact haversine:
-- a btree on (lat, lon) of the visible structures keeps that prefilter an index range scan.
CREATE INDEX IF NOT EXISTS "organisations_directory_lat_lon_index" ON "organisations" USING btree ("lat", "lon") WHERE "is_public" AND "is_active";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisations_directory_departement_index" ON "organisations" USING btree ("departement") WHERE "is_public" AND "is_active";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organisation_jobs_rome_pattern_index" ON "organisation_jobs" USING btree ("rome" text_pattern_ops, "organisation_id");
