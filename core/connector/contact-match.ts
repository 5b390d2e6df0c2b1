/**
 * Contact dedupe by `emailaddress1` (seed 003 "Contact dedupe by email"; PRODUCT.md §8 point 3). Dataverse compares
 * text without regard to case, and so does this. An inactive match is reactivated, as ARC does with inactive
 * senders (seed 000, "inactive records activated"); several matches → the most recently modified active one.
 */

/** A contact as the connector reads it. */
export interface ContactCandidate {
  contactid: string;
  /** 0 Active, 1 Inactive (domain.md §4). */
  statecode: number;
  modifiedon: string | null;
  fullname?: string | null;
  emailaddress1?: string | null;
}

export type ContactDecision =
  | { kind: "none"; why: string }
  | { kind: "create"; id: string }
  | { kind: "matched"; id: string; note?: string }
  | { kind: "reactivated"; id: string; note?: string };

/** A contact with no readable modifiedon counts as the oldest: NaN in a comparison would leave the order to chance. */
function modifiedAt(c: ContactCandidate): number {
  return Date.parse(c.modifiedon ?? "") || 0;
}

function newestFirst(a: ContactCandidate, b: ContactCandidate): number {
  return modifiedAt(b) - modifiedAt(a) || a.contactid.localeCompare(b.contactid);
}

/**
 * @param newContactId the id the connector gives a contact it creates (client-generated, so a change set can bind
 *   the incident to it, and derived from the address, so two handoffs racing for one new customer make one contact).
 */
export function chooseContact(
  email: string | null | undefined,
  candidates: ContactCandidate[],
  newContactId: string,
): ContactDecision {
  if (!email) return { kind: "none", why: "the handoff names no customer email address" };
  const wanted = email.trim().toLowerCase();
  const same = candidates.filter((c) => (c.emailaddress1 ?? "").trim().toLowerCase() === wanted);
  if (same.length === 0) return { kind: "create", id: newContactId };
  const active = same.filter((c) => c.statecode === 0).sort(newestFirst);
  const several = (n: number, what: string): string =>
    `${n} contacts have ${email}; used the most recently modified ${what} one (${(active[0] ?? same[0])!.contactid}). Merge the duplicates so history stays on one contact.`;
  if (active.length > 0) {
    const chosen = active[0]!;
    return same.length > 1
      ? { kind: "matched", id: chosen.contactid, note: several(same.length, "active") }
      : { kind: "matched", id: chosen.contactid };
  }
  const inactive = [...same].sort(newestFirst);
  const chosen = inactive[0]!;
  return inactive.length > 1
    ? {
        kind: "reactivated",
        id: chosen.contactid,
        note: `${inactive.length} inactive contacts have ${email}; reactivated the most recently modified one (${chosen.contactid}).`,
      }
    : { kind: "reactivated", id: chosen.contactid };
}
