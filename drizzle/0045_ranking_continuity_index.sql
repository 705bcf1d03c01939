-- The ranking counts each candidate's visits to the slot's client over the last 12 months (continuity). Read
-- through shifts_assigned_worker_cover it walked a year of every worker's shifts to keep one client's; this
-- partial index reaches that client's year directly and answers it index-only (organisation_id for the scope).
CREATE INDEX IF NOT EXISTS shifts_assigned_client_cover ON shifts (client_id, start_at) INCLUDE (organisation_id, worker_id) WHERE status = 'assigned';
