/**
 * Every expected failure of the core, with a one-line meaning for developers.
 * Use cases return `{ ok: false, code }`; channels phrase each code in German
 * (templates/). Thrown `CoreError`s are reserved for broken invariants and
 * infrastructure, never for citizen mistakes.
 */
export const ERROR_CODES = {
  // Input
  UNKNOWN_SERVICE: "A requested service id is not in the city configuration.",
  UNKNOWN_LOCATION: "A location id is not in the city configuration.",
  SERVICE_NOT_OFFERED: "The location does not offer every requested service.",
  COUNT_TOO_HIGH: "A service count exceeds the service's maxCount.",
  INVALID_COUNT: "A service count is not a positive integer.",
  NO_SERVICE: "No service was requested.",
  INVALID_CONTACT: "Name or e-mail address is missing or malformed.",
  INVALID_DATE: "A date or time could not be read.",
  // Time and capacity
  IN_PAST: "The slot lies in the past or inside the minimum lead time.",
  BEYOND_HORIZON: "The slot lies beyond the released booking horizon.",
  OUTSIDE_OPENING_HOURS: "The slot is not inside the location's opening hours.",
  OFF_GRID: "The slot does not start on the 5-minute grid.",
  SLOT_TAKEN: "The slot was taken by someone else (possibly a millisecond earlier).",
  LIMIT_REACHED: "The e-mail address already has the maximum number of active bookings.",
  // Holds and bookings
  HOLD_NOT_FOUND: "The hold does not exist, is not a hold any more, or the token does not match.",
  HOLD_EXPIRED: "The hold ran out and its slot was given to someone else.",
  NOT_FOUND: "No appointment matches the code and e-mail address, or the token.",
  ALREADY_CANCELLED: "The appointment was already cancelled.",
  NOT_CANCELLABLE: "The appointment is in the past or in a state that cannot be cancelled.",
  NOT_STARTED: "A no-show can be marked only once the appointment has started.",
  TOO_MANY_ATTEMPTS: "Too many wrong codes from this source; try again later.",
  // Approval
  NOT_SUGGESTED: "The appointment is not awaiting approval.",
  ALREADY_DECIDED: "Another staff member decided this suggestion first.",
  FORBIDDEN: "The staff member may not act on this location.",
  // Waiting list (Terminagent)
  WAITLIST_DUPLICATE: "This person already has an open wish for one of these services; the earlier wish keeps its place.",
  WISH_CLOSED: "The waiting-list wish was already matched, declined, expired or withdrawn.",
  OFFER_CLOSED: "The waiting-list offer was already accepted, declined or withdrawn.",
  OFFER_EXPIRED: "The waiting-list offer ran out; the slot went to the next wish.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class CoreError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "CoreError";
    this.code = code;
    this.details = details;
    Error.captureStackTrace?.(this, CoreError);
  }
}

export function fail<C extends ErrorCode>(code: C, details?: Record<string, unknown>): { ok: false; code: C; details?: Record<string, unknown> } {
  return details ? { ok: false, code, details } : { ok: false, code };
}
