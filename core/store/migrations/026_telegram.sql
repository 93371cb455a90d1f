-- Telegram Bot API adapter (bot/telegram/).
-- Telegram re-sends an update until the webhook answers 2xx; the first delivery inserts the row,
-- retries find it and are dropped, also when they reach another instance. Pruned after two days.
create table telegram_update (
  update_id bigint primary key,
  received_at timestamptz not null default now()
);
create index telegram_update_received on telegram_update (received_at);

-- Button values longer than Telegram's 64-byte callback_data travel as a short id; the value is
-- looked up here when the button is pressed. Scoped by chat, pruned after a week.
create table telegram_callback_value (
  id text primary key,
  chat_id text not null,
  value text not null,
  created_at timestamptz not null default now()
);
create index telegram_callback_value_created on telegram_callback_value (created_at);
