-- Overbooking: extra appointments on virtual counters (numbered above the real ones). Each virtual
-- counter takes at most one appointment per local hour; the hour's start instant is stored here.
alter table appointment add column overbook_hour timestamptz;
create unique index appointment_overbook_hour on appointment (location_id, counter, overbook_hour)
  where active and overbook_hour is not null;
