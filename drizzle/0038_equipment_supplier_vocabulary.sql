-- Issue 13: one vocabulary for who supplies the protective equipment. Quotes and placement contracts already
-- say 'ai' (the association intermédiaire); the needs' HR diagnostic said 'organisation'. It now says 'ai' too.
UPDATE "needs" SET "diagnostic" = jsonb_set("diagnostic", '{equipmentSuppliedBy}', '"ai"')
WHERE "diagnostic" ->> 'equipmentSuppliedBy' = 'organisation';
