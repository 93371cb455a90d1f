-- Where to reach a citizen again (reminders, approvals): the Bot Framework conversation reference
-- of the channel they used, keyed "webchat:<id>", "telegram:<chatId>", "msteams:<id>" (bot/conversation-refs.ts).
-- The reference holds ids only; display names are stripped before storing.
create table bot_conversation_ref (
  conversation_key text primary key,
  channel_id text not null,
  reference jsonb not null,
  updated_at timestamptz not null default now()
);
create index bot_conversation_ref_updated on bot_conversation_ref (updated_at);
