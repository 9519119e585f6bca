-- A look-up by act number names the office too ("act 116 of 1982, Vahdat"): with the office in the
-- index, the look-up reads the one to seven records of that number instead of every office's.
DROP INDEX IF EXISTS records_number;
CREATE INDEX records_number ON records (number, year, office_id);
