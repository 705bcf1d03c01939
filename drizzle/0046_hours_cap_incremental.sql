-- The 480 h windows (hours_cap_windows, migration 0020) kept without recomputing them when one shift changes:
-- an assignment, an unassignment, a move, a new or deleted shift — the planning's everyday statements. Recomputing
-- a worker's windows reads every placement of theirs (years of shifts) at each assignment; adding or removing one
-- placement in the worker's last window, or after it, only changes that window's minutes or opens the next one.
-- Anything else (a placement before the last window's start, the first day of a window removed, a statement
-- changing several shifts, a client's legal form) recomputes as before. The windows stay exactly those of the rule
-- (hoursCapWindowChain in src/server/modules/planning/rules/hours-cap.ts; hours-cap-windows.test.ts checks both
-- paths against it).

-- Adds (adding) or removes one counted placement of `minutes` on Paris day `d` to worker `w`'s windows, when that
-- needs no recomputation; returns false when it does (the caller then recomputes the worker's windows).
CREATE OR REPLACE FUNCTION hours_cap_apply_one(org uuid, w uuid, d date, minutes int, adding boolean)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  last_start date;
  last_end date;
BEGIN
  SELECT x.window_start, x.window_end INTO last_start, last_end FROM hours_cap_windows x
    WHERE x.worker_id = w ORDER BY x.window_start DESC LIMIT 1;
  IF last_start IS NULL OR d > last_end THEN
    -- No window, or past the last one: a placement opens the next window; a removal there means the stored
    -- windows did not hold it (recompute).
    IF NOT adding THEN RETURN false; END IF;
    INSERT INTO hours_cap_windows (organisation_id, worker_id, window_start, window_end, counted_minutes)
      VALUES (org, w, d, (d + interval '24 months')::date - 1, minutes);
    RETURN true;
  END IF;
  -- Inside the last window: its minutes change, except when its first day loses a placement (the window may start
  -- later) or when the day is before it (an earlier window, or a new first one).
  IF d > last_start OR (d = last_start AND adding) THEN
    UPDATE hours_cap_windows SET counted_minutes = counted_minutes + CASE WHEN adding THEN minutes ELSE -minutes END
      WHERE worker_id = w AND window_start = last_start;
    RETURN true;
  END IF;
  RETURN false;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION shifts_refresh_hours_cap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  changed int;
  -- The shift before and after the statement (one shift changed): its worker, Paris day, minutes and whether it
  -- counts (assigned, with a client whose hours count).
  o_org uuid; o_worker uuid; o_day date; o_minutes int; o_counts boolean := false;
  n_org uuid; n_worker uuid; n_day date; n_minutes int; n_counts boolean := false;
  old_done boolean := true;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*) INTO changed FROM old_rows;
  ELSE
    SELECT count(*) INTO changed FROM new_rows;
  END IF;
  IF changed = 1 THEN
    -- One shift changed: the windows follow it without being recomputed where the rule allows (hours_cap_apply_one).
    IF TG_OP <> 'INSERT' THEN
      SELECT x.organisation_id, x.worker_id, (x.start_at AT TIME ZONE 'Europe/Paris')::date,
          round(extract(epoch FROM x.end_at - x.start_at) / 60)::int,
          x.status = 'assigned' AND x.worker_id IS NOT NULL AND hours_cap_counts(c)
        INTO o_org, o_worker, o_day, o_minutes, o_counts FROM old_rows x JOIN clients c ON c.id = x.client_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      SELECT x.organisation_id, x.worker_id, (x.start_at AT TIME ZONE 'Europe/Paris')::date,
          round(extract(epoch FROM x.end_at - x.start_at) / 60)::int,
          x.status = 'assigned' AND x.worker_id IS NOT NULL AND hours_cap_counts(c)
        INTO n_org, n_worker, n_day, n_minutes, n_counts FROM new_rows x JOIN clients c ON c.id = x.client_id;
    END IF;
    IF o_counts AND n_counts AND o_worker = n_worker AND o_day = n_day AND o_minutes = n_minutes THEN
      RETURN NULL; -- the same placement (a note, the client changed between two that count…)
    END IF;
    IF o_counts THEN
      old_done := hours_cap_apply_one(o_org, o_worker, o_day, o_minutes, false);
      IF NOT old_done THEN ids := ARRAY[o_worker]; END IF;
    END IF;
    -- A worker whose windows are recomputed anyway is not updated first.
    IF n_counts AND (old_done OR n_worker <> o_worker) THEN
      IF NOT hours_cap_apply_one(n_org, n_worker, n_day, n_minutes, true) THEN
        ids := array_append(ids, n_worker);
      END IF;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
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
