/**
 * Reminders before booked appointments, enqueued in the outbox by e-mail and in the chat where the
 * booking was made. `reminder_sent` has one row per appointment and offset, inserted in the same
 * statement as the notifications: two workers or a restart can never enqueue one reminder twice.
 */
import type { JobDeps, JobInput, JobResult } from "./types.ts";

const BATCH = 500;

export async function sendReminders({ now }: JobInput, deps: JobDeps): Promise<JobResult> {
  const hours = deps.settings.reminderHours;
  if (!hours.length) return { enqueued: 0 };
  let enqueued = 0;
  for (;;) {
    const rows = await enqueueBatch(deps, now, hours);
    enqueued += rows.notifications;
    if (rows.appointments < BATCH) return { enqueued };
  }
}

/**
 * An offset is due when the appointment starts within it and was booked before that moment (a
 * booking made 1 h ahead needs no 2-h reminder). When a shorter offset is due too, as after a
 * long outage, only the shorter one is sent.
 */
async function enqueueBatch(deps: JobDeps, now: Date, hours: number[]): Promise<{ appointments: number; notifications: number }> {
  const sql = deps.core.sql;
  const due = (h: string) => `lower(a.during) <= $1::timestamptz + make_interval(hours => ${h}) and a.created_at <= lower(a.during) - make_interval(hours => ${h})`;
  const [row] = await sql.unsafe<{ appointments: number; notifications: number }[]>(
    `with due as (
       select a.id, a.conversation_key, c.email, h.hours
       from appointment a left join contact c on c.id = a.contact_id cross join unnest($2::int[]) as h(hours)
       where a.active and a.status = 'booked' and lower(a.during) > $1::timestamptz and ${due("h.hours")}
         and not exists (select 1 from unnest($2::int[]) as s(hours) where s.hours < h.hours and ${due("s.hours")})
         and not exists (select 1 from reminder_sent r where r.appointment_id = a.id and r.hours_before = h.hours)
       limit ${BATCH}
     ), marked as (
       insert into reminder_sent (appointment_id, hours_before, enqueued_at)
       select id, hours, $1::timestamptz from due on conflict do nothing
       returning appointment_id, hours_before
     ), sent as (
       insert into notification (kind, channel, appointment_id, payload, available_at)
       select 'reminder', ch.channel, d.id, jsonb_build_object('hoursBefore', d.hours), $1::timestamptz
       from marked m join due d on d.id = m.appointment_id and d.hours = m.hours_before
         cross join (values ('mail'), ('chat')) as ch(channel)
       where (ch.channel = 'mail' and d.email is not null) or (ch.channel = 'chat' and d.conversation_key is not null)
       returning id
     )
     select (select count(*)::int from due) as appointments, (select count(*)::int from sent) as notifications`,
    [now, hours],
  );
  return row!;
}
