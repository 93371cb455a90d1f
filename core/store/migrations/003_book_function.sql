-- One round trip per booking: the per-e-mail lock, the limit checks and all inserts of a booking in
-- one function call. Inside a PL/pgSQL function every statement takes a fresh snapshot (READ
-- COMMITTED), so the count after the advisory lock sees bookings committed by whoever held it before.
-- Returns 'ok', 'limit' (too many active bookings for the e-mail) or 'cap' (daily overbooking cap).
-- The exclusion constraint raises 23P01 when the counter is taken.
-- Held, suggested or booked, not over yet; `p_except` is the appointment being placed over
-- (a reschedule's old one) or confirmed, which must not count against itself.
create or replace function ta_active_bookings(p_email_hash text, p_now timestamptz, p_except uuid) returns int
language sql stable as $$
  select count(*)::int from appointment
  where email_hash = p_email_hash and active and status in ('held', 'suggested', 'booked')
    and upper(during) > p_now and id is distinct from p_except
$$;

create or replace function ta_place_appointment(p jsonb) returns text
language plpgsql as $$
declare
  v_now timestamptz := (p->>'now')::timestamptz;
  v_id uuid := (p->>'id')::uuid;
  v_contact bigint := (p->>'contact_id')::bigint;
begin
  if p->>'email_hash' is not null then
    perform pg_advisory_xact_lock(hashtext(p->>'email_hash'));
    if ta_active_bookings(p->>'email_hash', v_now, (p->>'rescheduled_from')::uuid) >= (p->>'max_per_email')::int then
      return 'limit';
    end if;
  end if;
  if p->>'overbook_hour' is not null then
    perform pg_advisory_xact_lock(hashtext('overbook:' || (p->>'location_id') || ':' || (p->>'local_date')));
    if (select count(*) from appointment where active and location_id = p->>'location_id'
        and local_date = (p->>'local_date')::date and overbook_hour is not null) >= (p->>'overbook_cap')::int then
      return 'cap';
    end if;
  end if;
  if (p->>'cleanup')::boolean then
    update appointment set active = false, status = 'expired', updated_at = v_now
    where active and location_id = p->>'location_id' and counter = (p->>'counter')::int
      and during && (p->>'during')::tstzrange and status = 'held' and hold_expires_at <= v_now;
  end if;
  if jsonb_typeof(p->'contact') = 'object' then
    insert into contact (name, email, phone) values (p->'contact'->>'name', p->'contact'->>'email', p->'contact'->>'phone')
    returning id into v_contact;
  end if;
  insert into appointment (id, code, token_hash, status, active, location_id, counter, during, local_date, services, channel, pool,
    contact_id, email_hash, conversation_key, hold_token_hash, hold_expires_at, request, rescheduled_from, overbook_hour, created_at, updated_at)
  values (v_id, p->>'code', p->>'token_hash', p->>'status', true, p->>'location_id', (p->>'counter')::int, (p->>'during')::tstzrange,
    (p->>'local_date')::date, p->'services', p->>'channel', p->>'pool', v_contact, p->>'email_hash', p->>'conversation_key',
    p->>'hold_token_hash', (p->>'hold_expires_at')::timestamptz, case when jsonb_typeof(p->'request') = 'object' then p->'request' end,
    (p->>'rescheduled_from')::uuid, (p->>'overbook_hour')::timestamptz, v_now, v_now);
  insert into appointment_event (appointment_id, at, kind, actor, data)
  values (v_id, v_now, p->>'status', p->>'actor', jsonb_build_object('channel', p->>'channel'));
  insert into notification (kind, channel, appointment_id, payload, available_at)
  select n.kind, n.channel, v_id, coalesce(n.payload, '{}'), coalesce(n.available_at, v_now)
  from jsonb_to_recordset(coalesce(p->'notifications', '[]')) as n(kind text, channel text, payload jsonb, available_at timestamptz);
  return 'ok';
end $$;
