/**
 * Teams activities as the Bot Connector would POST them to /api/messages (auth off in tests),
 * with a local serviceUrl so the bot's answers land in the fake connector.
 */
let counter = 0;

export const TENANT = "tenant-stadt";
export const BOT = { id: "28:bot-app-id", name: "Terminassistent" };

export interface TeamsConversation {
  id: string;
  conversationType: "personal" | "groupChat" | "channel";
}

export function teamsActivity(serviceUrl: string, conversation: TeamsConversation, fields: Record<string, unknown>, tenant = TENANT) {
  return {
    type: "message",
    id: `in-${++counter}`,
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: "en-US",
    from: { id: "29:user-1", name: "Erika Mustermann", aadObjectId: "aad-user-1" },
    recipient: BOT,
    conversation: { ...conversation, isGroup: conversation.conversationType !== "personal", tenantId: tenant },
    channelData: { tenant: { id: tenant } },
    ...fields,
  };
}

export function mention(text: string) {
  return {
    text: `<at>${BOT.name}</at> ${text}`,
    entities: [{ type: "mention", mentioned: BOT, text: `<at>${BOT.name}</at>` }],
  };
}

export async function postActivity(baseUrl: string, activity: unknown): Promise<number> {
  const response = await fetch(`${baseUrl}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
  await response.text();
  return response.status;
}
