/** The waiting-list pages: an offer to accept or decline, and the wish to withdraw. Only POSTs change anything. */
import type { Request, Response, Server } from "restify";
import { appointmentLinks, waitlistLinks } from "../../core/links.ts";
import { renderRefusal } from "../../templates/de/pages/errors.page.ts";
import {
  renderOfferAcceptedPage, renderOfferDeclinedPage, renderOfferPage, renderWishPage, renderWishWithdrawnPage,
} from "../../templates/de/pages/waitlist.page.ts";
import type { PageKit } from "./citizen-pages.ts";
import { csrfToken } from "./page-guard.ts";
import { appointmentPageView, formatDeadline, wishPageView } from "./views.ts";

export function mountWaitlistPages(server: Server, kit: PageKit): void {
  server.get("/warteliste/angebot/:token", kit.safe((req, res) => showOffer(kit, req, res)));
  server.post("/warteliste/angebot/:token", kit.safe((req, res) => answerOffer(kit, req, res)));
  server.get("/warteliste/:token", kit.safe((req, res) => showWish(kit, req, res)));
  server.post("/warteliste/:token/zurueckziehen", kit.safe((req, res) => withdrawWish(kit, req, res)));
}

async function showOffer(kit: PageKit, req: Request, res: Response): Promise<void> {
  const admitted = await kit.admit(req, res);
  if (!admitted) return;
  const { core, waitlist, publicUrl, secret } = kit.deps;
  const city = core.config.city;
  const token = String(req.params.token ?? "");
  const found = await waitlist.getOffer(token, { source: admitted.source });
  if (!found.ok) return kit.send(res, renderRefusal(city, found.code));
  const { offer } = found;
  if (offer.status === "expired") return kit.send(res, renderRefusal(city, "OFFER_EXPIRED"));
  if (offer.status !== "offered" || !offer.appointment) return kit.send(res, renderRefusal(city, "OFFER_CLOSED"));
  const view = appointmentPageView(core.config, offer.appointment, core.now());
  const deadline = formatDeadline(offer.deadline, city.timezone);
  kit.send(res, renderOfferPage(city, view, deadline, waitlistLinks(publicUrl).offer(token), csrfToken(secret, "offer", token)));
}

async function answerOffer(kit: PageKit, req: Request, res: Response): Promise<void> {
  const token = String(req.params.token ?? "");
  const admitted = await kit.admit(req, res, true);
  if (!admitted) return;
  const { core, waitlist, publicUrl } = kit.deps;
  const city = core.config.city;
  const found = await waitlist.getOffer(token, { source: admitted.source });
  if (!found.ok) return kit.send(res, renderRefusal(city, found.code));
  if (found.offer.status !== "offered") return kit.send(res, renderRefusal(city, found.offer.status === "expired" ? "OFFER_EXPIRED" : "OFFER_CLOSED"));
  if (!kit.formValid(res, admitted.form, "offer", token)) return;
  const answer = admitted.form?.get("antwort");
  if (answer === "ablehnen") {
    const declined = await waitlist.decline(token, { source: admitted.source });
    return kit.send(res, declined.ok ? renderOfferDeclinedPage(city) : renderRefusal(city, declined.code));
  }
  if (answer !== "annehmen") return kit.send(res, renderRefusal(city, "BAD_FORM"));
  const accepted = await waitlist.accept(token, { source: admitted.source });
  if (!accepted.ok) return kit.send(res, renderRefusal(city, accepted.code));
  kit.log.info({ action: "offer_accepted_by_link", appointmentId: accepted.appointment.id }, "waiting-list offer accepted on its page");
  const view = appointmentPageView(core.config, accepted.appointment, core.now());
  kit.send(res, renderOfferAcceptedPage(city, view, appointmentLinks(publicUrl, accepted.appointment.token).page));
}

async function showWish(kit: PageKit, req: Request, res: Response): Promise<void> {
  const admitted = await kit.admit(req, res);
  if (!admitted) return;
  const { core, waitlist, publicUrl, secret } = kit.deps;
  const token = String(req.params.token ?? "");
  const found = await waitlist.getWish(token, { source: admitted.source });
  if (!found.ok) return kit.send(res, renderRefusal(core.config.city, found.code));
  if (found.wish.status !== "open" && found.wish.status !== "offered") return kit.send(res, renderRefusal(core.config.city, "WISH_CLOSED"));
  const action = `${waitlistLinks(publicUrl).wish(token)}/zurueckziehen`;
  kit.send(res, renderWishPage(core.config.city, wishPageView(core.config, found.wish), action, csrfToken(secret, "wish", token)));
}

async function withdrawWish(kit: PageKit, req: Request, res: Response): Promise<void> {
  const token = String(req.params.token ?? "");
  const admitted = await kit.admit(req, res, true);
  if (!admitted) return;
  const { core, waitlist } = kit.deps;
  const found = await waitlist.getWish(token, { source: admitted.source });
  if (!found.ok) return kit.send(res, renderRefusal(core.config.city, found.code));
  if (found.wish.status !== "open" && found.wish.status !== "offered") return kit.send(res, renderRefusal(core.config.city, "WISH_CLOSED"));
  if (!kit.formValid(res, admitted.form, "wish", token)) return;
  const done = await waitlist.withdraw(token, { source: admitted.source });
  kit.send(res, done.ok ? renderWishWithdrawnPage(core.config.city) : renderRefusal(core.config.city, done.code));
}
