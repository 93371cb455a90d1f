/** Checks a service request against the configuration before any search or booking. */
import type { CityConfig, LocationConfig } from "../config/schema.ts";
import type { ServiceRequest } from "../bookings/types.ts";
import { fail } from "../errors.ts";

export type RequestCheck =
  | { ok: true; durationMinutes: number; requiresApproval: boolean }
  | ReturnType<typeof fail<"NO_SERVICE" | "UNKNOWN_SERVICE" | "INVALID_COUNT" | "COUNT_TOO_HIGH">>;

export function checkServices(config: CityConfig, services: ServiceRequest[]): RequestCheck {
  if (!services.length) return fail("NO_SERVICE");
  let durationMinutes = 0;
  let requiresApproval = false;
  for (const req of services) {
    const service = config.services.find((s) => s.id === req.id);
    if (!service) return fail("UNKNOWN_SERVICE", { serviceId: req.id });
    if (!Number.isInteger(req.count) || req.count < 1) return fail("INVALID_COUNT", { serviceId: req.id });
    if (req.count > service.maxCount) return fail("COUNT_TOO_HIGH", { serviceId: req.id, maxCount: service.maxCount });
    durationMinutes += service.durationMinutes * req.count;
    requiresApproval ||= service.requiresApproval;
  }
  return { ok: true, durationMinutes, requiresApproval };
}

export function offersAll(location: LocationConfig, services: ServiceRequest[]): boolean {
  return services.every((s) => location.services.includes(s.id));
}
