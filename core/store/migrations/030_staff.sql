-- Staff console: accounts (local or OpenID Connect), sessions (ids stored hashed), sign-in attempts
-- for rate limiting across processes, the OIDC login flows in flight, and the audit log.
create table staff_account (
  id uuid primary key,
  username text not null unique,
  display_name text,
  -- argon2id hash; null for accounts that only sign in through OpenID Connect
  password_hash text,
  role text not null check (role in ('clerk', 'admin')),
  locations text[] not null default '{}',
  -- "<issuer> <sub>" for OIDC accounts
  oidc_subject text unique,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  last_login_at timestamptz
);

create table staff_session (
  id_hash text primary key,
  staff_id uuid not null references staff_account (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null
);
create index staff_session_staff on staff_session (staff_id);
create index staff_session_expires on staff_session (expires_at);

create table staff_login_attempt (
  id bigserial primary key,
  -- "account:<username>" or "ip:<address>"
  key text not null,
  at timestamptz not null
);
create index staff_login_attempt_key on staff_login_attempt (key, at);

create table staff_oidc_flow (
  state_hash text primary key,
  code_verifier text not null,
  nonce text not null,
  created_at timestamptz not null
);

-- Who did what, when, on which appointment. Never citizens' free text.
create table staff_audit (
  id bigserial primary key,
  at timestamptz not null,
  staff_id uuid references staff_account (id) on delete set null,
  staff_username text,
  action text not null,
  appointment_id uuid,
  location_id text,
  outcome text not null,
  data jsonb
);
create index staff_audit_at on staff_audit (at);
create index staff_audit_appointment on staff_audit (appointment_id);
