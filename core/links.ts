/**
 * The citizen's links for one appointment. The token alone identifies it (no id in the URL);
 * GET on the page only shows, the cancel button POSTs, because mail scanners open links.
 */
export interface AppointmentLinks {
  /** Shows the appointment with a "Termin absagen" button. */
  page: string;
  /** Same page; named for the mail and chat texts that say "absagen". */
  cancel: string;
  /** The calendar file (ICS). */
  ics: string;
}

export function appointmentLinks(publicUrl: string, token: string): AppointmentLinks {
  const page = `${publicUrl.replace(/\/$/, "")}/termin/${encodeURIComponent(token)}`;
  return { page, cancel: page, ics: `${page}/kalender.ics` };
}

/** The citizen's links for the waiting list: an offer page (accept/decline by POST) and the wish page (withdraw by POST). */
export interface WaitlistLinks {
  /** Offer page: shows the held slot with "Annehmen" and "Ablehnen" buttons. */
  offer: (offerToken: string) => string;
  /** Wish page: shows the registered wish with a "Wunsch zurückziehen" button. */
  wish: (wishToken: string) => string;
}

export function waitlistLinks(publicUrl: string): WaitlistLinks {
  const base = `${publicUrl.replace(/\/$/, "")}/warteliste`;
  return {
    offer: (token) => `${base}/angebot/${encodeURIComponent(token)}`,
    wish: (token) => `${base}/${encodeURIComponent(token)}`,
  };
}
