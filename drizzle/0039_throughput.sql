-- Issue 19: each server process caches some read answers, serialised and gzipped once (src/server/http/answer-cache.ts
-- and its decision record in docs/decisions). Any change to what they show, made by any process, command or job,
-- notifies every process, which empties the entries concerned. Statement-level triggers: one notification per
-- statement whatever the number of rows; PostgreSQL merges identical ones per transaction and delivers them at commit.

-- The public directory (search, map points): channel "directory_changed".
CREATE OR REPLACE FUNCTION notify_directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('directory_changed', '*');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_directory_changed
  AFTER INSERT OR DELETE OR UPDATE OF slug, kind, name, siret, address_line, postal_code, commune_code, commune_name,
    departement, lat, lon, phone, email, website, opening_hours, presentation, is_public, is_active
  ON organisations FOR EACH STATEMENT EXECUTE FUNCTION notify_directory_changed();
--> statement-breakpoint
CREATE TRIGGER organisations_directory_truncated AFTER TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_directory_changed();
--> statement-breakpoint
CREATE TRIGGER organisation_jobs_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation_jobs
  FOR EACH STATEMENT EXECUTE FUNCTION notify_directory_changed();
--> statement-breakpoint
CREATE TRIGGER directory_profiles_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON directory_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION notify_directory_changed();
--> statement-breakpoint
CREATE TRIGGER network_organisations_directory_changed
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON network_organisations
  FOR EACH STATEMENT EXECUTE FUNCTION notify_directory_changed();
--> statement-breakpoint

-- The planning grid of an AI: channel "planning_changed", payload the organisation's id ("*" after a TRUNCATE).
-- Every table the grid reads (planningGrid in src/server/modules/planning/list-shifts.ts): a table added to the
-- grid needs its three triggers here.
CREATE OR REPLACE FUNCTION notify_planning_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('planning_changed', '*');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('planning_changed', o::text) FROM (SELECT DISTINCT organisation_id AS o FROM old_rows) x;
  ELSE
    PERFORM pg_notify('planning_changed', o::text) FROM (SELECT DISTINCT organisation_id AS o FROM new_rows) x;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['shifts', 'workers', 'clients', 'sites', 'missions', 'placement_contracts', 'shift_proposals']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_planning_changed()', t || '_planning_inserted', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_planning_changed()', t || '_planning_updated', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_planning_changed()', t || '_planning_deleted', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION notify_planning_changed()', t || '_planning_truncated', t);
  END LOOP;
END
$$;
--> statement-breakpoint

-- The open shifts of a period (planning grid, auto-planner) among years of assigned ones.
CREATE INDEX IF NOT EXISTS shifts_open_organisation_start_idx ON shifts (organisation_id, start_at) WHERE status = 'open';
--> statement-breakpoint

-- Who is signed in (src/server/http/session-cache.ts): channel "sessions_changed", any change to a session's
-- validity, a user's account or a membership (and the names shown with them) forgets every cached session.
CREATE OR REPLACE FUNCTION notify_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sessions_changed', '*');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_sessions_changed AFTER UPDATE OF revoked_at, expires_at, user_id OR DELETE OR TRUNCATE
  ON sessions FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER users_sessions_changed AFTER UPDATE OR DELETE OR TRUNCATE
  ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER memberships_sessions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON memberships FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER organisations_sessions_changed AFTER UPDATE OF name OR DELETE
  ON organisations FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_changed();
--> statement-breakpoint
CREATE TRIGGER networks_sessions_changed AFTER UPDATE OF name OR DELETE
  ON networks FOR EACH STATEMENT EXECUTE FUNCTION notify_sessions_changed();
