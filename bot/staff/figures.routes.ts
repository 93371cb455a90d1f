/** Figures per location and day, plus the last 30 days. Everything read-only. */
import { daysBetween } from "../../core/calendar/time.ts";
import { STAFF_TEXTS } from "../../templates/de/staff/texts.ts";
import { ownLocations } from "./access.ts";
import { errorPage, type Ctx, type StaffRouter } from "./context.ts";
import { figuresBody } from "./figures.page.ts";
import { channelCounts, dailyCounts, waitlistFigures } from "./figures.store.ts";
import { ISO_DATE } from "./format.ts";
import { query } from "./http.ts";

export function mountFigures(router: StaffRouter): void {
  router.get("/staff/figures", async (ctx) => {
    const q = query(ctx.req);
    const locations = ownLocations(ctx);
    const location = q.location ? locations.find((l) => l.id === q.location) : locations[0];
    if (!location) return errorPage(ctx.env, ctx.res, 404, STAFF_TEXTS.errors.notFound, ctx.account);
    const now = ctx.env.now();
    const today = ctx.env.fmt.today(now);
    const date = q.date && ISO_DATE.test(q.date) ? q.date : today;
    const from = ctx.env.fmt.addDays(date, -29);
    const sql = ctx.env.sql;
    const [days, channelsDay, channels30, waitlist, nextFree] = [
      await dailyCounts(sql, location.id, from, date),
      await channelCounts(sql, location.id, date, date),
      await channelCounts(sql, location.id, from, date),
      await waitlistFigures(sql, location.id, new Date(now.getTime() - 30 * 86_400_000)),
      await nextFreeDays(ctx, location.services, location.id, today),
    ];
    const day = days[days.length - 1]!;
    const body = figuresBody({ location, locations, date, day, days, channelsDay, channels30, nextFree, waitlist, fmt: ctx.env.fmt });
    ctx.page(200, { title: STAFF_TEXTS.figures.title, nav: "figures", body });
  });
}

/** Days from today to the earliest free online slot per service: here and anywhere in the city. */
async function nextFreeDays(ctx: Ctx, serviceIds: string[], locationId: string, today: string) {
  const config = ctx.env.core.config;
  const rows = [];
  // Sequential on purpose: the embedded database has a single connection anyway.
  for (const id of serviceIds) {
    const earliest = await ctx.env.core.slots.earliestPerLocation([{ id, count: 1 }], "online");
    const days = (date: string | undefined) => (date ? daysBetween(today, date) : null);
    const here = earliest.find((e) => e.locationId === locationId)?.slot?.date;
    const anywhere = earliest.map((e) => e.slot?.date).filter((d): d is string => !!d).sort()[0];
    rows.push({ service: config.services.find((s) => s.id === id)?.name ?? id, here: days(here), anywhere: days(anywhere) });
  }
  return rows;
}
