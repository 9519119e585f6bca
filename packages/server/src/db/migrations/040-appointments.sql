-- Appointments at an office: the time slots an office publishes (in series), and citizens'
-- bookings of them. A slot is a row with a capacity and a counter of its bookings, so that no slot
-- is ever booked past its capacity however many citizens book at once: a booking takes a place
-- with one conditional UPDATE (booked < capacity), which PostgreSQL serialises on the row, and
-- the CHECK below holds even against a mistaken statement.

-- A series as its publisher gave it: the same hours on some days of the week between two dates.
CREATE TABLE appointment_series (
  id uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  days integer[] NOT NULL,
  from_time time NOT NULL,
  to_time time NOT NULL,
  slot_minutes integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
  capacity integer NOT NULL CHECK (capacity > 0),
  first_day date NOT NULL,
  last_day date NOT NULL CHECK (last_day >= first_day),
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One bookable time: its day and times in the office's time zone (config SABT_TIME_ZONE), the
-- moment it begins, its capacity and the bookings it holds. Two series never make two slots at
-- the same time at one office (the first stays).
CREATE TABLE appointment_slots (
  id uuid PRIMARY KEY,
  office_id text NOT NULL REFERENCES offices(id),
  series_id uuid NOT NULL REFERENCES appointment_series(id),
  day date NOT NULL,
  start_time time NOT NULL,
  end_time time NOT NULL,
  starts_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  booked integer NOT NULL DEFAULT 0,
  closed_at timestamptz,
  closed_by uuid REFERENCES users(id),
  CHECK (booked >= 0 AND booked <= capacity),
  UNIQUE (office_id, starts_at)
);
CREATE INDEX appointment_slots_day ON appointment_slots (office_id, day, start_time);

-- A citizen's booking of a slot. A move changes its slot (the new place taken and the old one
-- freed in one transaction); a cancellation keeps the row. `application_id` is the online
-- application the visit is for, filled by online applications (no foreign key: that table has
-- its own migration); `purpose` a portal service (core portal/services.ts).
CREATE TABLE appointments (
  id uuid PRIMARY KEY,
  citizen_id uuid NOT NULL REFERENCES citizens(id),
  office_id text NOT NULL REFERENCES offices(id),
  slot_id uuid NOT NULL REFERENCES appointment_slots(id),
  day date NOT NULL,
  purpose text,
  application_id uuid,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled')),
  cancelled_by text CHECK (cancelled_by IN ('citizen', 'office')),
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
-- At most one live booking per citizen, office and day.
CREATE UNIQUE INDEX appointments_one_per_day ON appointments (citizen_id, office_id, day)
  WHERE status = 'booked';
CREATE INDEX appointments_citizen ON appointments (citizen_id, day DESC);
CREATE INDEX appointments_slot ON appointments (slot_id) WHERE status = 'booked';
CREATE INDEX appointments_office_day ON appointments (office_id, day);

