-- Core schema: appointments on counters, contacts (the only personal data), the notification outbox,
-- appointment history and a small rate-limit table. Runs on PGlite and PostgreSQL alike.
create extension if not exists btree_gist;

create table contact (
  id bigserial primary key,
  name text not null,
  email text,
  phone text,
  created_at timestamptz not null default now()
);

create table appointment (
  id uuid primary key,
  code text not null unique,
  token_hash text not null unique,
  status text not null check (status in ('held', 'suggested', 'booked', 'attended', 'no_show', 'cancelled', 'rejected', 'expired')),
  -- true while the appointment occupies its counter (also after a cancellation until release_at)
  active boolean not null,
  location_id text not null,
  counter int not null,
  during tstzrange not null,
  local_date date not null,
  services jsonb not null,
  channel text not null,
  pool text not null,
  contact_id bigint references contact (id) on delete set null,
  email_hash text,
  conversation_key text,
  hold_token_hash text,
  hold_expires_at timestamptz,
  release_at timestamptz,
  request jsonb,
  decided_by text,
  decided_at timestamptz,
  decision_message text,
  rescheduled_from uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- No double booking, enforced by the database whatever the application does.
  constraint appointment_no_overlap exclude using gist (location_id with =, counter with =, during with &&) where (active)
);
create index appointment_active_date on appointment (local_date, location_id) where active;
create index appointment_email_active on appointment (email_hash) where active;
create index appointment_status on appointment (status, location_id, local_date);

create table appointment_event (
  id bigserial primary key,
  appointment_id uuid not null references appointment (id) on delete cascade,
  at timestamptz not null default now(),
  kind text not null,
  actor text not null,
  data jsonb
);
create index appointment_event_appointment on appointment_event (appointment_id);

create table notification (
  id bigserial primary key,
  kind text not null,
  channel text not null,
  appointment_id uuid references appointment (id) on delete set null,
  payload jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts int not null default 0,
  available_at timestamptz not null default now(),
  lease_until timestamptz,
  message_id text,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index notification_due on notification (channel, available_at) where status in ('pending', 'sending');

create table rate_limit (
  key text primary key,
  window_start timestamptz not null,
  hits int not null
);
