-- Microsoft Teams staff approval (bot/teams/).
-- A staff channel is a Teams channel the bot was added to; suggested bookings are posted there as
-- Adaptive Cards. The reference holds ids and the serviceUrl only (no display names).
create table teams_staff_channel (
  conversation_key text primary key,
  reference jsonb not null,
  tenant_id text,
  active boolean not null default true,
  added_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One approval card per suggestion and staff channel. The row is the claim: the process that
-- inserts it posts the card, so several instances never post one suggestion twice.
-- `shown` is what the card currently displays ('open' or the decision), so the worker knows which
-- cards still need an in-place update after a decision made elsewhere (console, CLI, another channel).
create table teams_approval_card (
  appointment_id uuid not null references appointment (id) on delete cascade,
  conversation_key text not null references teams_staff_channel (conversation_key) on delete cascade,
  activity_id text,
  claimed_at timestamptz not null,
  posted_at timestamptz,
  shown text not null default 'open',
  decided_by_name text,
  decided_at timestamptz,
  primary key (appointment_id, conversation_key)
);
create index teams_approval_card_open on teams_approval_card (conversation_key) where shown = 'open';
