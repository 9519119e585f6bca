-- PostgreSQL roles for production: Sabt runs as a role that can neither rewrite nor switch off the
-- guards of its logs. Run as a superuser (or the database's owner with CREATEROLE) on Sabt's
-- database before the first `sabt migrate`, and again after each `sabt migrate` (it is idempotent):
--
--   psql "$SUPERUSER_URL/sabt" -f scripts/db-roles.sql
--   ALTER ROLE sabt_owner PASSWORD '…';  ALTER ROLE sabt_app PASSWORD '…';   (once)
--   DATABASE_URL=postgres://sabt_owner@…/sabt sabt migrate
--   psql "$SUPERUSER_URL/sabt" -f scripts/db-roles.sql
--   DATABASE_URL=postgres://sabt_app@…/sabt sabt start     (and sabt worker)
--
-- sabt_owner owns the tables and runs the migrations (and their data steps); nothing else uses it.
-- sabt_app is what the servers and workers connect as: it reads and writes the registry, but on the
-- logs (audit_log, audit_anchors, record_actions, record_versions; fee_rule_versions, fee_charges,
-- fee_payments, fee_receipts, fee_charge_uses; the cash reports and bank statements: cash_handovers, cash_reports,
-- cash_report_signoffs, bank_statements, bank_statement_lines) it may only SELECT and INSERT (and on audit_log UPDATE only the chain's columns seq, prev_hash and hash, which its trigger lets
-- the sequencer set once, on an entry not chained yet), on audit_head only SELECT and UPDATE (its
-- trigger lets the head move forward only), and as it owns
-- none of them it cannot ALTER them, disable their triggers or TRUNCATE them; nor, not being a
-- superuser, set session_replication_role. The job queue's schema (pg-boss) is its own.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sabt_owner') THEN
    CREATE ROLE sabt_owner LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sabt_app') THEN
    CREATE ROLE sabt_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO sabt_owner, sabt_app; GRANT CREATE ON DATABASE %I TO sabt_owner', current_database(), current_database());
END $$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO sabt_owner;
GRANT USAGE ON SCHEMA public TO sabt_app;
CREATE SCHEMA IF NOT EXISTS pgboss AUTHORIZATION sabt_app;

-- whatever exists already belongs to sabt_owner; sabt_app gets rights on it, the logs excepted
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('ALTER TABLE public.%I OWNER TO sabt_owner', t.tablename);
  END LOOP;
  FOR t IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO sabt_owner', t.f);
  END LOOP;
  EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sabt_app';
  EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sabt_app';
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public'
      AND tablename IN ('audit_log', 'audit_anchors', 'record_actions', 'record_versions',
                        'fee_rule_versions', 'fee_charges', 'fee_payments', 'fee_receipts',
                        'fee_charge_uses',
                        'cash_handovers', 'cash_reports', 'cash_report_signoffs', 'bank_statements',
                        'bank_statement_lines') LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON public.%I FROM sabt_app', t.tablename);
  END LOOP;
  IF EXISTS (SELECT FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = 'audit_log' AND column_name = 'id') THEN
    GRANT UPDATE (seq, prev_hash, hash) ON public.audit_log TO sabt_app;
  END IF;
  IF to_regclass('public.audit_head') IS NOT NULL THEN
    REVOKE INSERT, DELETE, TRUNCATE, REFERENCES, TRIGGER ON public.audit_head FROM sabt_app;
  END IF;
END $$;

-- tables the next migrations make: readable and writable by sabt_app (this script, run after them,
-- takes the logs' rights back)
ALTER DEFAULT PRIVILEGES FOR ROLE sabt_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sabt_app;
ALTER DEFAULT PRIVILEGES FOR ROLE sabt_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sabt_app;
