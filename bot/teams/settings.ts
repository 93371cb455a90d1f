/**
 * Settings of the Teams channel, read once from the environment by the composition root.
 * Teams itself is reached through /api/messages with the Bot Framework identity (bot/settings.ts);
 * these settings restrict who may use it and who decides approvals there.
 */
import { z } from "zod";

export const teamsEnvSchema = z.object({
  TEAMS_ALLOWED_TENANTS: z.string().optional().describe("comma-separated Entra tenant ids allowed to talk to the bot; '*' = any (default: MicrosoftAppTenantId)"),
  TEAMS_APPROVER_LOCATIONS: z.string().optional().describe("location ids staff in the Teams staff channel may decide for, comma-separated, or 'all' (default)"),
  TEAMS_APPROVAL_POLL_SECONDS: z.coerce.number().int().min(5).max(3600).optional().describe("how often new suggestions are posted to the staff channel"),
  MicrosoftAppTenantId: z.string().optional(),
});

export interface TeamsSettings {
  /** "any" only when an admin wrote '*' or no tenant is known at all. */
  allowedTenants: string[] | "any";
  approverLocations: string[] | "all";
  pollSeconds: number;
}

const list = (v: string) => v.split(",").map((s) => s.trim()).filter(Boolean);

export function readTeamsSettings(env: Record<string, string | undefined>): TeamsSettings {
  const e = teamsEnvSchema.parse({
    TEAMS_ALLOWED_TENANTS: env.TEAMS_ALLOWED_TENANTS || undefined,
    TEAMS_APPROVER_LOCATIONS: env.TEAMS_APPROVER_LOCATIONS || undefined,
    TEAMS_APPROVAL_POLL_SECONDS: env.TEAMS_APPROVAL_POLL_SECONDS || undefined,
    MicrosoftAppTenantId: env.MicrosoftAppTenantId || undefined,
  });
  const tenants = e.TEAMS_ALLOWED_TENANTS?.trim();
  const allowedTenants = tenants === "*" ? "any" : tenants ? list(tenants) : e.MicrosoftAppTenantId ? [e.MicrosoftAppTenantId.trim()] : "any";
  const approvers = e.TEAMS_APPROVER_LOCATIONS?.trim();
  return {
    allowedTenants,
    approverLocations: !approvers || approvers === "all" ? "all" : list(approvers),
    pollSeconds: e.TEAMS_APPROVAL_POLL_SECONDS ?? 30,
  };
}
