/** The mail channel's public surface for the composition root, the CLI and the staff console. */
export { readMailSettings, type MailSettings } from "./mail-settings.ts";
export { startMailAssistant, type MailAssistant, type MailAssistantDeps } from "./start-mail-assistant.ts";
export { runApprovalsCommand, type CommandIo, type ApprovalsDeps } from "./approvals-command.ts";
export { listFailedMails, retryFailedMail, type FailedOutgoingMail, type FailedIncomingMail } from "./failed-mails.ts";
export type { ParseFn } from "./mail-context.ts";
