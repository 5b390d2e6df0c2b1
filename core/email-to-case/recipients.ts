/**
 * Which Dataverse mailboxes received the email, and how. Dataverse resolves To and Cc addresses to users and queues;
 * Bcc recipients and members of a distribution group cannot be resolved (seed 001, "Distribution Groups and BCC
 * Recipients"). The scenario lists the addresses the email was delivered to; `viaDistributionGroup` says they got
 * it through a group rather than by name.
 */
import { sameAddress } from "./addresses";
import type { Mailbox, Queue, Scenario, User } from "./scenario";

export type ReceivedAs = "to" | "cc" | "bcc" | "distribution-group";

export type Receiver =
  { kind: "queue"; record: Queue; as: ReceivedAs } | { kind: "user"; record: User; as: ReceivedAs };

export function describeReceiver(r: Receiver): string {
  return `${r.kind} "${r.record.name ?? r.record.id}"`;
}

export function mailboxOf(r: Receiver): Mailbox {
  return r.record.mailbox;
}

/** To and Cc recipients are resolved; Bcc and distribution-group deliveries are not. */
export function isResolved(r: Receiver): boolean {
  return r.as === "to" || r.as === "cc";
}

export function receiversOf(scenario: Scenario): Receiver[] {
  const { email } = scenario;
  const receivedAs = (address: string | null): ReceivedAs | null => {
    if (!address) return null;
    const named = email.to.some((a) => sameAddress(a, address))
      ? "to"
      : email.cc.some((a) => sameAddress(a, address))
        ? "cc"
        : null;
    if (named) return email.viaDistributionGroup ? "distribution-group" : named;
    return email.bcc.some((a) => sameAddress(a, address)) ? "bcc" : null;
  };
  const out: Receiver[] = [];
  for (const record of scenario.queues) {
    const as = receivedAs(record.emailAddress);
    if (as) out.push({ kind: "queue", record, as });
  }
  for (const record of scenario.users) {
    const as = receivedAs(record.emailAddress);
    if (as) out.push({ kind: "user", record, as });
  }
  return out;
}
