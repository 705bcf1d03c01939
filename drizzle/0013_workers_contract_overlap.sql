-- A worker holds at most one employment contract on any day (PRODUCT.md, contracts); an open-ended contract
-- (CDI inclusion, end_date NULL) runs to infinity.
ALTER TABLE employment_contracts ADD CONSTRAINT employment_contracts_no_overlap EXCLUDE USING gist (
  worker_id WITH =,
  daterange(start_date, end_date, '[]') WITH &&
);
