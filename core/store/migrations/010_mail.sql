-- Mail assistant: processed inbound mails (exactly-once key), mail conversations with their
-- proposals, and the lease that keeps one consumer per mailbox across processes.

-- One row per handled IMAP message, written in the same transaction as the message's effects.
create table mail_inbound (
  id bigserial primary key,
  mailbox text not null,
  uid_validity bigint not null,
  uid bigint not null,
  message_id text,
  sender text,
  kind text not null,
  -- answered | ignored | rate_limited | no_action | failed
  outcome text not null,
  conversation_token text,
  received_at timestamptz not null default now(),
  unique (mailbox, uid_validity, uid)
);
-- A new UIDVALIDITY (restored mailbox) must not replay old mails: the Message-ID catches them.
create unique index mail_inbound_message_id on mail_inbound (mailbox, message_id) where message_id is not null;
create index mail_inbound_sender_time on mail_inbound (sender, received_at) where outcome = 'answered';

create table mail_conversation (
  token text primary key,
  mailbox text not null,
  citizen_address text not null,
  citizen_name text not null,
  -- asked | proposed | suggested | booked | closed
  state text not null,
  -- understood request (services and wishes) to merge with follow-ups
  request jsonb not null default '{}',
  -- [{ appointmentId, holdToken, locationId, start }]
  proposals jsonb not null default '[]',
  -- booking code for a reschedule in progress
  reschedule_code text,
  appointment_id uuid,
  -- the citizen's Message-IDs, newest last: In-Reply-To/References of our answers (RFC 5322 §3.6.4)
  thread text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index mail_conversation_appointment on mail_conversation (appointment_id) where appointment_id is not null;

create table mail_consumer_lease (
  mailbox text primary key,
  owner text not null,
  lease_until timestamptz not null
);
