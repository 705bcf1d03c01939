-- The facts about workers that change seldom (their record, jobs, PASS with suspensions and prolongations,
-- employment contracts, health visits) are kept in each process for the candidate ranking
-- (src/server/modules/planning/worker-facts-cache.ts; decision 019). Every change to them notifies channel
-- "worker_facts_changed" with the organisation's id ("*" after a TRUNCATE), and every process empties that
-- organisation's entry. A table added to those facts needs its triggers here.
CREATE OR REPLACE FUNCTION notify_worker_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('worker_facts_changed', '*');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('worker_facts_changed', o::text) FROM (SELECT DISTINCT organisation_id AS o FROM old_rows) x;
  ELSE
    PERFORM pg_notify('worker_facts_changed', o::text) FROM (SELECT DISTINCT organisation_id AS o FROM new_rows) x;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['workers', 'worker_jobs', 'passes', 'pass_suspensions', 'pass_extensions', 'employment_contracts', 'health_visits']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_worker_facts_changed()', t || '_facts_inserted', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_worker_facts_changed()', t || '_facts_updated', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_worker_facts_changed()', t || '_facts_deleted', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION notify_worker_facts_changed()', t || '_facts_truncated', t);
  END LOOP;
END
$$;
