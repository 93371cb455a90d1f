-- Terminagent (waiting list): wishes in registration order, the offers made for them, and the
-- one-wish-per-person-per-service keys. Personal data (name, e-mail, conversation key) lives only
-- on the open wish and is cleared the moment the wish closes; closed rows stay as anonymous statistics.
create table waitlist_wish (
  id uuid primary key,
  -- registration order (FIFO); created_at alone ties when two wishes arrive in the same microsecond
  seq bigint generated always as identity unique,
  -- hash of the citizen's manage link token (withdraw); the token itself is never stored
  token_hash text not null unique,
  status text not null check (status in ('open', 'offered', 'matched', 'declined', 'expired', 'withdrawn')),
  services jsonb not null,
  service_ids text[] not null,
  duration_minutes int not null,
  -- empty = any location / any weekday; null time_windows = any time (minutes since local midnight)
  locations text[] not null default '{}',
  weekdays smallint[] not null default '{}',
  time_windows int4multirange,
  latest_date date not null,
  channel text not null,
  name text,
  email text,
  conversation_key text,
  person_hash text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  closed_at timestamptz
);
-- FIFO: the matcher walks open wishes in registration order.
create index waitlist_wish_open on waitlist_wish (seq) where status = 'open';
create index waitlist_wish_latest on waitlist_wish (latest_date) where status in ('open', 'offered');

-- One open wish per person and service: a second registration does not jump the queue.
create table waitlist_wish_key (
  person_hash text not null,
  service_id text not null,
  wish_id uuid not null references waitlist_wish (id) on delete cascade,
  primary key (person_hash, service_id)
);

create table waitlist_offer (
  id uuid primary key,
  wish_id uuid not null references waitlist_wish (id) on delete cascade,
  -- the held appointment; its hold_token_hash equals token_hash, so accepting is the core's confirm
  appointment_id uuid references appointment (id) on delete set null,
  token_hash text not null unique,
  status text not null check (status in ('offered', 'accepted', 'declined', 'expired', 'withdrawn')),
  location_id text not null,
  starts_at timestamptz not null,
  deadline timestamptz not null,
  -- cancellation | hold | release | reoffer
  source text not null,
  created_at timestamptz not null,
  decided_at timestamptz
);
create index waitlist_offer_due on waitlist_offer (deadline) where status = 'offered';
create index waitlist_offer_location on waitlist_offer (location_id, status);
-- A wish has at most one offer out at a time, and a held slot is offered to one wish only.
create unique index waitlist_offer_one_per_wish on waitlist_offer (wish_id) where status = 'offered';
create unique index waitlist_offer_one_per_slot on waitlist_offer (appointment_id) where status = 'offered';
