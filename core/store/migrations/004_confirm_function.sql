-- Confirming a hold follows the same placement rules as a direct booking: it counts an e-mail's
-- active bookings with ta_active_bookings (migration 003), as ta_place_appointment does.
-- Both take the per-e-mail advisory lock before counting; inside PL/pgSQL every statement takes a
-- fresh snapshot (READ COMMITTED), so the count sees what the previous lock holder committed.

-- A held appointment becomes booked (or suggested) for a contact: lock by e-mail hash, check the
-- limit, then lock the row and check it is still this hold (a parallel confirm, release or expiry
-- may have taken it). Returns 'ok', 'limit' or 'gone'. The e-mail lock comes before the row lock,
-- the same order as in ta_place_appointment (whose cleanup may lock expired holds).
-- p: id, hold_token_hash, status, now, actor, email_hash, max_per_email, contact {name,email,phone},
--    notifications [{kind, channel}].
create or replace function ta_confirm_hold(p jsonb) returns text
language plpgsql as $$
declare
  v_now timestamptz := (p->>'now')::timestamptz;
  v_id uuid := (p->>'id')::uuid;
  v_contact bigint;
begin
  if p->>'email_hash' is not null then
    perform pg_advisory_xact_lock(hashtext(p->>'email_hash'));
    if ta_active_bookings(p->>'email_hash', v_now, v_id) >= (p->>'max_per_email')::int then
      return 'limit';
    end if;
  end if;
  perform 1 from appointment where id = v_id and status = 'held' and active and hold_token_hash = p->>'hold_token_hash' for update;
  if not found then
    return 'gone';
  end if;
  insert into contact (name, email, phone) values (p->'contact'->>'name', p->'contact'->>'email', p->'contact'->>'phone')
  returning id into v_contact;
  update appointment set status = p->>'status', contact_id = v_contact, email_hash = p->>'email_hash', hold_token_hash = null,
    hold_expires_at = null, updated_at = v_now
  where id = v_id;
  insert into appointment_event (appointment_id, at, kind, actor) values (v_id, v_now, p->>'status', p->>'actor');
  -- available_at keeps the column default, as the confirmations always had.
  insert into notification (kind, channel, appointment_id)
  select n.kind, n.channel, v_id from jsonb_to_recordset(coalesce(p->'notifications', '[]')) as n(kind text, channel text);
  return 'ok';
end $$;
