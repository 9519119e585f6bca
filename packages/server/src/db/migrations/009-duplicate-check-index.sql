-- The duplicate check at registration reads everyone with the same loose given-name key born within
-- the rule's window (a few hundred people for a common name in a national registry) and keeps those
-- whose surname fits. With the surname keys carried in the index, that read touches a few index pages
-- instead of a few hundred table rows; the full rows are fetched only for the few that fit.
-- Equality on the loose key covers equality on the match key, so the match-key index goes.
DROP INDEX IF EXISTS record_persons_name_birth;
DROP INDEX IF EXISTS record_persons_name_loose_birth;
CREATE INDEX record_persons_name_loose_birth ON record_persons (name_loose, birth_date)
  INCLUDE (role, historical, surname_key, surname_loose, surname_stem, record_id, id);
