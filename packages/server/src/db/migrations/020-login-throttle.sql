-- Sign-in throttling (issue 15) instead of the account lock an outsider could set off: wrong
-- sign-ins are counted per login (known or not, so the answer tells nothing of which exist) and per
-- address; past a threshold each further attempt waits, the wait doubling up to a maximum.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,                 -- 'login:<login>' or 'address:<ip>'
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz
);

ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
