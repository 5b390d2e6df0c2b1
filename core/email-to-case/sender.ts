/**
 * Who sent the email, as automatic record creation resolves it (seed 000 step 5 and validation table; S-NC cause 5).
 */
import { sameAddress } from "./addresses";
import type { AccountRecord, ContactRecord, Records, Scenario } from "./scenario";

export type ResolvedSender =
  | { kind: "none" }
  | { kind: "contact"; record: ContactRecord; active: boolean }
  | { kind: "account"; record: AccountRecord; active: boolean }
  | { kind: "other"; type: string; id: string }
  | { kind: "unknown" };

/**
 * A contact and an account with the same address resolve to the account (seed 000 step 5). An active record wins
 * over an inactive one with the same address.
 */
export function resolveSender(
  from: string | null,
  records: Records,
  knownElsewhere: Pick<Scenario, "queues" | "users"> = { queues: [], users: [] },
): ResolvedSender {
  if (!from || from.trim() === "") return { kind: "none" };
  const accounts = records.accounts.filter((a) => sameAddress(a.email, from));
  const contacts = records.contacts.filter((c) => sameAddress(c.email, from));
  const activeAccount = accounts.find((a) => a.active);
  if (activeAccount) return { kind: "account", record: activeAccount, active: true };
  const activeContact = contacts.find((c) => c.active);
  if (activeContact) return { kind: "contact", record: activeContact, active: true };
  if (accounts[0]) return { kind: "account", record: accounts[0], active: false };
  if (contacts[0]) return { kind: "contact", record: contacts[0], active: false };
  const other = records.otherSenders.find((o) => sameAddress(o.email, from));
  if (other) return { kind: "other", type: other.type, id: other.id };
  const user = knownElsewhere.users.find((u) => sameAddress(u.emailAddress, from));
  if (user) return { kind: "other", type: "systemuser", id: user.id };
  const queue = knownElsewhere.queues.find((q) => sameAddress(q.emailAddress, from));
  if (queue) return { kind: "other", type: "queue", id: queue.id };
  return { kind: "unknown" };
}

/** Whether the sender is a lead, contact or account (filtering method 2), whatever its state. */
export function isLeadContactOrAccount(sender: ResolvedSender): boolean {
  return sender.kind === "contact" || sender.kind === "account" || (sender.kind === "other" && sender.type === "lead");
}
