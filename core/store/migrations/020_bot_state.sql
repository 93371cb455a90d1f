-- Conversation and user state of the chat bot (botbuilder Storage, bot/pg-storage.ts).
-- `etag` grows with every write; a write carrying an older etag is rejected.
create table bot_state (
  key text primary key,
  doc jsonb not null,
  etag bigint not null default 1,
  updated_at timestamptz not null default now()
);
create index bot_state_updated on bot_state (updated_at);

-- Short leases that order the turns of one conversation across processes (bot/turn-lock.ts).
-- Unlogged: a lease is worth nothing after a crash, and skipping the WAL keeps a turn free of two fsyncs.
create unlogged table bot_turn_lease (
  key text primary key,
  holder text not null,
  lease_until timestamptz not null
);
