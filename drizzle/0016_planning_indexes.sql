-- Planning reads a worker's assigned shifts many times per ranking (overlap, rest, weekly hours, 480 h):
-- a partial covering index lets those reads be index-only.
CREATE INDEX IF NOT EXISTS shifts_assigned_worker_cover ON shifts (worker_id, start_at) INCLUDE (end_at, client_id) WHERE status = 'assigned';
