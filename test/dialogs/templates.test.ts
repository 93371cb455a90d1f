import { describe, expect, it } from "vitest";
import type { Appointment } from "../../core/bookings/types.ts";
import { loadCityConfig } from "../../core/config/load.ts";
import { ERROR_CODES } from "../../core/errors.ts";
import { describeWishes } from "../../templates/de/bot/booking.ts";
import { renderChatNotification } from "../../templates/de/bot/notifications.ts";
import { ERROR_TEXTS } from "../../templates/de/errors.ts";
import { formatDate, formatDateRange, formatInstant, formatMoney, formatTime, formatTimeRange, joinList, localParts } from "../../templates/format.ts";
import { emptyRequest } from "../../dialogs/booking-request.ts";

const config = loadCityConfig();

describe("German formatters", () => {
  it.each([
    ["2026-11-30", "Mo, 30.11."],
    ["2026-12-06", "So, 6.12."],
    ["2027-01-01", "Fr, 1.1."],
  ])("formatDate(%s) = %s", (date, text) => expect(formatDate(date)).toBe(text));

  it("formats times, ranges and money", () => {
    expect(formatTime(495)).toBe("08:15 Uhr");
    expect(formatDateRange({ from: "2026-11-30", to: "2026-12-06" })).toBe("30.11.–6.12.");
    expect(formatDateRange({ from: "2026-11-30", to: "2026-11-30" })).toBe("Mo, 30.11.");
    expect(formatDateRange({ from: "2026-11-30", to: null })).toBe("ab 30.11.");
    expect(formatTimeRange({ from: 360, to: 720 })).toBe("vormittags");
    expect(formatTimeRange({ from: 540, to: 540 })).toBe("um 09:00 Uhr");
    expect(formatTimeRange({ from: 840, to: 1440 })).toBe("ab 14:00 Uhr");
    expect(formatTimeRange({ from: 0, to: 600 })).toBe("bis 10:00 Uhr");
    expect(formatTimeRange({ from: 600, to: 660 })).toBe("10:00–11:00 Uhr");
    expect(formatMoney(3700)).toBe("37,00\u00a0€");
    expect(joinList(["A", "B", "C"], "oder")).toBe("A, B oder C");
  });

  it("converts instants in the city's time zone, across the DST change", () => {
    expect(localParts("2026-11-30T07:15:00Z", "Europe/Berlin")).toEqual({ date: "2026-11-30", minutes: 495 });
    expect(formatInstant("2026-03-29T06:00:00Z", "Europe/Berlin")).toBe("So, 29.3., 08:00 Uhr");
    expect(formatInstant("2026-03-28T23:30:00Z", "Europe/Berlin")).toBe("So, 29.3., 00:30 Uhr");
  });

  it("repeats the understood wishes in one line", () => {
    const wishes = { ...emptyRequest(), services: [{ id: "personalausweis", count: 1 }], dateRanges: [{ from: "2026-11-30", to: "2026-12-06" }], timeRanges: [{ from: 360, to: 720 }] };
    expect(describeWishes(config, wishes)).toBe("Personalausweis beantragen · 30.11.–6.12. · vormittags · alle Standorte");
    expect(describeWishes(config, { ...wishes, locations: ["brackel", "mitte"], excludedWeekdays: [5] })).toBe(
      "Personalausweis beantragen · 30.11.–6.12. · nicht Fr · vormittags · Bürgerbüro Brackel oder Bürgerdienste Mitte",
    );
  });
});

describe("error texts", () => {
  it("phrase every core error code in German", () => {
    expect(Object.keys(ERROR_TEXTS).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const text of Object.values(ERROR_TEXTS)) expect(text).toMatch(/^[A-ZÄÖÜ].*\.$/u);
  });
});

describe("chat notifications", () => {
  const appt: Appointment = {
    id: "00000000-0000-4000-8000-000000000001",
    code: "K7P-2QX",
    status: "booked",
    locationId: "brackel",
    counter: 1,
    start: "2026-11-30T07:15:00.000Z",
    end: "2026-11-30T07:30:00.000Z",
    services: [{ id: "reisepass", count: 1 }],
    channel: "telegram",
    contact: null,
    createdAt: "2026-11-23T09:00:00.000Z",
    holdExpiresAt: null,
    request: null,
    decidedBy: null,
    decidedAt: null,
    decisionMessage: "Bitte bringen Sie die Heiratsurkunde mit.",
  };

  it("renders a reminder with code, time, address and links", () => {
    const text = renderChatNotification("reminder", appt, { config, links: { ics: "https://x/ics", cancel: "https://x/absagen" } })!;
    expect(text).toContain("Erinnerung an Ihren Termin:");
    expect(text).toContain("Ihr Buchungscode: K7P-2QX");
    expect(text).toContain("Termin: Montag, 30.11.2026, 08:15 Uhr");
    expect(text).toContain("Ort: Bürgerbüro Brackel, Brackeler Hellweg 170, 44309 Dortmund");
    expect(text).toContain("Termin absagen: https://x/absagen");
  });

  it("passes the staff message on with a rejection and has no chat text for mail replies", () => {
    expect(renderChatNotification("approval_rejected", appt, { config })).toContain("Hinweis des Amts: Bitte bringen Sie die Heiratsurkunde mit.");
    expect(renderChatNotification("mail_reply", appt, { config })).toBeNull();
  });
});
