-- The 480 h windows (table hours_cap_windows) are kept by the database itself, whatever the code path that
-- writes shifts (assignment, move, absence, demo or bulk import): a statement-level trigger recomputes the
-- windows of the workers whose counted placements changed. The "counted client" rule below was replaced by
-- the legal-form rule of migration 0027.
CREATE OR REPLACE FUNCTION hours_cap_counts(c clients) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(c.counts_for_hours_cap_override, c.kind = 'company' OR (c.kind IN ('care_home', 'medico_social') AND c.for_profit IS TRUE))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refresh_hours_cap_windows(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM hours_cap_windows WHERE worker_id = ANY(ids);
  INSERT INTO hours_cap_windows (organisation_id, worker_id, window_start, window_end, counted_minutes)
  WITH RECURSIVE p AS MATERIALIZED (
    SELECT x.organisation_id, x.worker_id, (x.start_at AT TIME ZONE 'Europe/Paris')::date AS day,
      round(extract(epoch FROM x.end_at - x.start_at) / 60)::int AS minutes
    FROM shifts x JOIN clients c ON c.id = x.client_id
    WHERE x.worker_id = ANY(ids) AND x.status = 'assigned' AND hours_cap_counts(c)
  ),
  w AS (
    SELECT p.worker_id, min(p.day) AS s FROM p GROUP BY p.worker_id
    UNION ALL
    SELECT w.worker_id, n.s FROM w
    CROSS JOIN LATERAL (
      SELECT min(p.day) AS s FROM p WHERE p.worker_id = w.worker_id AND p.day >= (w.s + interval '24 months')::date
    ) n
    WHERE n.s IS NOT NULL
  )
  SELECT p.organisation_id, w.worker_id, w.s, (w.s + interval '24 months')::date - 1, sum(p.minutes)
  FROM w JOIN p ON p.worker_id = w.worker_id AND p.day >= w.s AND p.day < (w.s + interval '24 months')::date
  GROUP BY p.organisation_id, w.worker_id, w.s;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shifts_refresh_hours_cap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT n.worker_id) INTO ids FROM new_rows n JOIN clients c ON c.id = n.client_id
      WHERE n.status = 'assigned' AND hours_cap_counts(c);
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT o.worker_id) INTO ids FROM old_rows o JOIN clients c ON c.id = o.client_id
      WHERE o.status = 'assigned' AND hours_cap_counts(c);
  ELSE
    SELECT array_agg(DISTINCT a.worker_id) INTO ids FROM (
      SELECT v.worker_id, v.client_id, v.status
      FROM new_rows n JOIN old_rows o ON o.id = n.id
      CROSS JOIN LATERAL (VALUES (n.worker_id, n.client_id, n.status), (o.worker_id, o.client_id, o.status)) v(worker_id, client_id, status)
      WHERE (n.worker_id, n.status, n.start_at, n.end_at, n.client_id) IS DISTINCT FROM (o.worker_id, o.status, o.start_at, o.end_at, o.client_id)
    ) a JOIN clients c ON c.id = a.client_id
    WHERE a.status = 'assigned' AND hours_cap_counts(c);
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM refresh_hours_cap_windows(ids);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER shifts_hours_cap_insert AFTER INSERT ON shifts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shifts_refresh_hours_cap();
--> statement-breakpoint
CREATE TRIGGER shifts_hours_cap_update AFTER UPDATE ON shifts REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shifts_refresh_hours_cap();
--> statement-breakpoint
CREATE TRIGGER shifts_hours_cap_delete AFTER DELETE ON shifts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION shifts_refresh_hours_cap();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION clients_refresh_hours_cap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF hours_cap_counts(OLD) IS DISTINCT FROM hours_cap_counts(NEW) THEN
    PERFORM refresh_hours_cap_windows(ARRAY(SELECT DISTINCT worker_id FROM shifts WHERE client_id = NEW.id AND status = 'assigned'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER clients_hours_cap AFTER UPDATE ON clients FOR EACH ROW EXECUTE FUNCTION clients_refresh_hours_cap();
--> statement-breakpoint
SELECT refresh_hours_cap_windows(ARRAY(SELECT id FROM workers));
