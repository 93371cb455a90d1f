import { ActionTypes, CardFactory, MessageFactory, type Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { withoutAdaptiveCards } from "../../bot/telegram/azure-telegram.ts";
import { splitText } from "../../bot/telegram/text.ts";
import { suggestedActionsAsCard } from "../../bot/teams/choice-card.ts";
import { submitText } from "../../bot/teams/inbound.ts";
import { readTeamsSettings } from "../../bot/teams/settings.ts";

const imBacks = (labels: string[]) => labels.map((l) => ({ type: ActionTypes.ImBack, title: l, value: l }));

describe("Teams choice rendering", () => {
  it("puts more than six answers into an Adaptive Card drop-down whose submit reads back as text", () => {
    const labels = Array.from({ length: 8 }, (_, i) => `Kategorie ${i + 1}`);
    const activity = MessageFactory.suggestedActions(imBacks(labels), "Worum geht es?") as Partial<Activity>;
    suggestedActionsAsCard(activity);
    expect(activity.suggestedActions).toBeUndefined();
    const card = activity.attachments![0]!;
    expect(card.contentType).toBe(CardFactory.contentTypes.adaptiveCard);
    const choiceSet = (card.content as any).body[0];
    expect(choiceSet).toMatchObject({ type: "Input.ChoiceSet", id: "choice" });
    expect(choiceSet.choices.map((c: any) => c.value)).toEqual(labels);
    expect(submitText({ choice: "Kategorie 7" })).toBe("Kategorie 7");
    expect(submitText({ unrelated: 1 })).toBeNull();
  });
});

describe("Telegram through Azure Bot Service", () => {
  it("turns Adaptive Cards into text and suggested actions (Azure would send them as images)", () => {
    const activity: Partial<Activity> = {
      type: "message",
      attachments: [
        CardFactory.adaptiveCard({
          type: "AdaptiveCard",
          version: "1.4",
          body: [{ type: "TextBlock", text: "Ihr Termin am Montag" }],
          actions: [{ type: "Action.Submit", title: "Absagen", data: { text: "Termin absagen" } }, { type: "Action.OpenUrl", title: "Kalender", url: "https://termine.example/ics" }],
        }),
      ],
    };
    withoutAdaptiveCards(activity);
    expect(activity.attachments).toEqual([]);
    expect(activity.text).toBe("Ihr Termin am Montag");
    expect(activity.suggestedActions!.actions).toEqual([
      { type: ActionTypes.ImBack, title: "Absagen", value: "Termin absagen" },
      { type: ActionTypes.OpenUrl, title: "Kalender", value: "https://termine.example/ics" },
    ]);
  });
});

describe("Telegram text splitting", () => {
  it("cuts a single over-long line at spaces and keeps escaped chunks within the limit", () => {
    const chunks = splitText("<<<< ".repeat(30), 40);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.replace(/</g, "&lt;").length).toBeLessThanOrEqual(40);
    expect(chunks.join(" ").replace(/\s+/g, "")).toBe("<".repeat(120));
  });
});

describe("readTeamsSettings", () => {
  it("restricts to the bot's own tenant unless told otherwise", () => {
    expect(readTeamsSettings({ MicrosoftAppTenantId: "t-1" }).allowedTenants).toEqual(["t-1"]);
    expect(readTeamsSettings({ TEAMS_ALLOWED_TENANTS: "t-1, t-2" }).allowedTenants).toEqual(["t-1", "t-2"]);
    expect(readTeamsSettings({ TEAMS_ALLOWED_TENANTS: "*", MicrosoftAppTenantId: "t-1" }).allowedTenants).toBe("any");
    expect(readTeamsSettings({ TEAMS_APPROVER_LOCATIONS: "standesamt" }).approverLocations).toEqual(["standesamt"]);
    expect(readTeamsSettings({}).approverLocations).toBe("all");
  });
});
