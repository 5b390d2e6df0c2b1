/**
 * Stage 1, mailbox sync (seed 001): some recipient mailbox must receive by server-side synchronization, be enabled
 * for incoming email and have passed its test; the email must sit in the root Inbox.
 */
import { SERVER_SIDE_SYNC } from "../codes";
import { describeReceiver, mailboxOf, type Receiver } from "../recipients";
import type { Mailbox, Scenario } from "../scenario";
import { halted, passed, type StageResult } from "../stage-result";

export type MailboxProblem = "mailbox-not-syncing" | "mailbox-test-failed";

/** seed 001 point 2: "a Dataverse mailbox which is Tested and Enabled for Server-Side Synchronization". */
export function mailboxProblem(mailbox: Mailbox): MailboxProblem | null {
  if (mailbox.incomingEmailDeliveryMethod !== SERVER_SIDE_SYNC || !mailbox.enabledForIncomingEmail) {
    return "mailbox-not-syncing";
  }
  return mailbox.incomingEmailStatus === 1 ? null : "mailbox-test-failed";
}

export interface MailboxSyncOutcome {
  result: StageResult;
  /** The receiving mailboxes that synchronize email. */
  syncing: Receiver[];
}

export function checkMailboxSync(scenario: Scenario, receivers: Receiver[]): MailboxSyncOutcome {
  if (receivers.length === 0) return { result: halted("mailbox-sync", "no-dataverse-mailbox"), syncing: [] };
  const syncing = receivers.filter((r) => mailboxProblem(mailboxOf(r)) === null);
  if (syncing.length === 0) {
    // Report the first queue's mailbox: that is the one an email-to-case admin means to fix.
    const first = receivers.find((r) => r.kind === "queue") ?? (receivers[0] as Receiver);
    const problem = mailboxProblem(mailboxOf(first)) as MailboxProblem;
    return { result: halted("mailbox-sync", problem, [], `the mailbox of ${describeReceiver(first)}`), syncing };
  }
  // seed 001 common cause 4 / point 1: only the root Inbox; moving email back later does not help.
  const { folder, movedBackToInbox } = scenario.email;
  if (folder.trim().toLowerCase() !== "inbox" || movedBackToInbox) {
    return { result: halted("mailbox-sync", "not-in-root-inbox"), syncing };
  }
  return { result: passed("mailbox-sync"), syncing };
}
