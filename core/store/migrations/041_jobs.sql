-- Background jobs: the last due instant each job handled (catch-up after a restart, once across
-- processes) and the reminders already enqueued (exactly once per appointment and offset).
create table job_run (
  job text primary key,
  -- the scheduled instant the last completed run covered
  last_due timestamptz,
  -- a claimed run in progress; another process may take over once the lease ran out
  running_until timestamptz,
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_result jsonb,
  last_error text
);

create table reminder_sent (
  appointment_id uuid not null references appointment (id) on delete cascade,
  hours_before int not null,
  enqueued_at timestamptz not null,
  primary key (appointment_id, hours_before)
);
