-- What drizzle-kit cannot express: extensions, exclusion constraints, helper functions.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes use accent-insensitive search.
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent', $1) $$;--> statement-breakpoint
-- One worker cannot be in two places at once, whatever the code path (PRODUCT.md, planning).
ALTER TABLE shifts ADD CONSTRAINT shifts_no_overlap EXCLUDE USING gist (
  worker_id WITH =,
  tstzrange(start_at, end_at, '[)') WITH &&
) WHERE (worker_id IS NOT NULL AND status <> 'cancelled');
