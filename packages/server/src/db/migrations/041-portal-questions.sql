-- Citizens' questions to staff: a thread between a citizen of the portal and an office, its
-- messages and the canned answers staff send in the citizen's language (a citizen's writes keep
-- their Idempotency-Keys in citizen_idempotency_keys, migration 039).

-- Answers kept ready in the three languages: an office's own (office_id), or for every office
-- (office_id null, kept by the central department).
CREATE TABLE canned_answers (
  id uuid PRIMARY KEY,
  office_id text REFERENCES offices(id),
  title text NOT NULL,
  text_tg text NOT NULL,
  text_ru text NOT NULL,
  text_en text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX canned_answers_office ON canned_answers (office_id, title);

-- A citizen's question to an office. status: open (waiting for staff: a new question or the
-- citizen's latest message unanswered), answered (staff wrote last), closed (by staff).
-- waiting_since: when the citizen's oldest unanswered message came; null unless open.
CREATE TABLE question_threads (
  id uuid PRIMARY KEY,
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  office_id text NOT NULL REFERENCES offices(id),
  -- set when the question is about one of the citizen's online applications; no foreign key, so
  -- that questions do not depend on how applications are kept
  application_id uuid,
  subject text NOT NULL,
  language text NOT NULL CHECK (language IN ('tg', 'ru', 'en')),
  status text NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  waiting_since timestamptz,
  closed_at timestamptz,
  closed_by uuid REFERENCES users(id),
  CHECK ((status = 'open') = (waiting_since IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- an office's inbox: open ones oldest waiting first, the others latest first
CREATE INDEX question_threads_inbox ON question_threads (office_id, status, waiting_since, id);
CREATE INDEX question_threads_inbox_latest ON question_threads (office_id, status, updated_at DESC, id);
CREATE INDEX question_threads_citizen ON question_threads (citizen_id, updated_at DESC);

-- A message of a thread: the citizen's, or a staff member's (user_id), perhaps a canned answer's
-- text in the thread's language as it was sent.
CREATE TABLE question_messages (
  id uuid PRIMARY KEY,
  thread_id uuid NOT NULL REFERENCES question_threads(id),
  author text NOT NULL CHECK (author IN ('citizen', 'staff')),
  user_id uuid REFERENCES users(id),
  canned_answer_id uuid REFERENCES canned_answers(id),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((author = 'staff') = (user_id IS NOT NULL)),
  CHECK (canned_answer_id IS NULL OR author = 'staff')
);
CREATE INDEX question_messages_thread ON question_messages (thread_id, created_at, id);

