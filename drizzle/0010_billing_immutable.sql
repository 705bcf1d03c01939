-- An issued invoice or credit note is never modified nor deleted (CGI art. 289; a credit note corrects).
CREATE OR REPLACE FUNCTION passerelle_invoices_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'invoice_immutable: an issued invoice cannot be modified or deleted (issue a credit note)'
    USING ERRCODE = 'P0001';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION passerelle_invoices_immutable();
--> statement-breakpoint
CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION passerelle_invoices_immutable();
--> statement-breakpoint
-- Lines may only be added to an invoice in the transaction that issues it.
CREATE OR REPLACE FUNCTION passerelle_invoice_lines_same_tx() RETURNS trigger AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM invoices WHERE id = NEW.invoice_id AND created_at = now()) THEN
    RAISE EXCEPTION 'invoice_immutable: lines cannot be added to an issued invoice' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER invoice_lines_same_tx BEFORE INSERT ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION passerelle_invoice_lines_same_tx();
