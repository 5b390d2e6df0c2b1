import { outcomeTable, type OutcomeRow } from "../../../core/email-to-case/outcome-table";
import { ruleWith } from "../../fixtures/email-to-case";

function row(rows: OutcomeRow[], id: string): OutcomeRow {
  const found = rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
}

const outcome = (r: OutcomeRow) =>
  r.caseCreated
    ? `case${r.contactCreated ? "+contact" : ""}${r.recordActivated ? "+activated" : ""}`
    : `no case: ${r.reason?.id}${r.contactCreated ? "+contact" : ""}`;

describe("outcomeTable(rule): what happens to each kind of incoming email (PRODUCT.md §5.3)", () => {
  test("unknown senders not allowed: the seed's 'No' rows", () => {
    const rows = outcomeTable(ruleWith());
    expect(outcome(row(rows, "unknown-sender"))).toBe("no case: unknown-sender");
    expect(outcome(row(rows, "active-contact"))).toBe("case");
    expect(outcome(row(rows, "active-account"))).toBe("case");
    expect(outcome(row(rows, "inactive-contact-or-account"))).toBe("no case: inactive-sender");
    expect(outcome(row(rows, "other-record-type"))).toBe("no case: unsupported-sender-type");
  });

  test("unknown senders allowed: the seed's 'Yes' rows", () => {
    const rows = outcomeTable(ruleWith({ allowUnknownSender: true }));
    expect(outcome(row(rows, "unknown-sender"))).toBe("case+contact");
    expect(outcome(row(rows, "inactive-contact-or-account"))).toBe("case+activated");
  });

  test("valid entitlement required: listed contact and empty contact list create cases, others do not", () => {
    const rows = outcomeTable(ruleWith({ checkActiveEntitlement: true }));
    expect(outcome(row(rows, "contact-listed-on-parent-entitlement"))).toBe("case");
    expect(outcome(row(rows, "parent-entitlement-for-all-contacts"))).toBe("case");
    expect(outcome(row(rows, "parent-entitlement-for-other-contacts"))).toBe("no case: no-valid-entitlement");
    expect(outcome(row(rows, "active-contact"))).toBe("no case: no-valid-entitlement");
  });

  test("unknown senders allowed with entitlement required: a contact but never a case", () => {
    const rows = outcomeTable(ruleWith({ allowUnknownSender: true, checkActiveEntitlement: true }));
    expect(outcome(row(rows, "unknown-sender"))).toBe("no case: no-valid-entitlement+contact");
  });

  test("resolved-case option on with a wait: long-resolved cases open a new case, just-resolved ones do not", () => {
    const rows = outcomeTable(ruleWith({ checkIfResolved: true, resolvedSinceMinutes: 60 }));
    expect(outcome(row(rows, "related-resolved-case"))).toBe("case");
    expect(outcome(row(rows, "related-recently-resolved-case"))).toBe("no case: resolved-too-recently");
    expect(outcome(row(rows, "related-active-case"))).toBe("no case: active-case-connected");
  });

  test("resolved-case option off: no new case for any related case", () => {
    const rows = outcomeTable(ruleWith());
    expect(outcome(row(rows, "related-resolved-case"))).toBe("no case: resolved-case-connected");
    expect(outcome(row(rows, "related-recently-resolved-case"))).toBe("no case: resolved-case-connected");
  });

  test("a contact and an account with the same address: the case's customer is the account", () => {
    expect(row(outcomeTable(ruleWith()), "contact-and-account-same-address").customer).toBe("account");
  });

  test("a draft rule is shown as it will behave once activated, and every row says so", () => {
    const draft = outcomeTable(ruleWith({ state: "draft" }));
    const active = outcomeTable(ruleWith());
    expect(draft.map(outcome)).toEqual(active.map(outcome));
    for (const r of draft) expect(r.assumptions[0]).toContain("once activated");
  });

  test("a rule whose items match on the subject is shown for an email that meets them", () => {
    const rows = outcomeTable(ruleWith({ items: [{ name: "Billing", matches: { subjectContains: "invoice" } }] }));
    expect(outcome(row(rows, "active-contact"))).toBe("case");
  });

  test("a rule whose items can never match creates no case for any email", () => {
    const rows = outcomeTable(ruleWith({ items: [{ name: "Off", matches: "none" }] }));
    expect(row(rows, "active-contact").reason?.id).toBe("no-matching-condition");
  });

  test("every row says where Microsoft documents it", () => {
    const rows = outcomeTable(ruleWith());
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.source.title).toMatch(/\S/);
      expect(r.source.url).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });
});
