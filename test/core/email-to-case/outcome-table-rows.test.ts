import { outcomeTable } from "../../../core/email-to-case/outcome-table";
import { ruleWith } from "../../fixtures/email-to-case";

const TROUBLESHOOT = "Troubleshoot an issue faced when converting an email to a case";
const RECORD_RULES = "Automatically create or update records in Dynamics 365 Customer Service";
const ACTIVITY_MONITOR = "Use activity monitor to review and track rules";

describe("the outcome table's rows, in the admin's words", () => {
  test("each kind of email in order, with the Microsoft document that describes it", () => {
    expect(outcomeTable(ruleWith()).map((r) => [r.id, r.situation, r.source.title])).toEqual([
      ["unknown-sender", "Email from an unknown sender", TROUBLESHOOT],
      ["active-contact", "Email from an active contact (no entitlement)", TROUBLESHOOT],
      ["active-account", "Email from an active account (no entitlement)", TROUBLESHOOT],
      ["inactive-contact-or-account", "Email from an inactive contact or account", TROUBLESHOOT],
      ["contact-and-account-same-address", "Email from an address a contact and an account share", TROUBLESHOOT],
      ["other-record-type", "Email from a record other than a contact or account (a lead)", TROUBLESHOOT],
      [
        "contact-listed-on-parent-entitlement",
        "Email from a contact listed on its parent account's active entitlement",
        TROUBLESHOOT,
      ],
      [
        "parent-entitlement-for-all-contacts",
        "Email from a contact whose parent account's entitlement lists no contacts (applies to all)",
        TROUBLESHOOT,
      ],
      [
        "parent-entitlement-for-other-contacts",
        "Email from a contact not listed on its parent account's entitlement",
        TROUBLESHOOT,
      ],
      ["related-active-case", "Email from a known contact related to an active case", TROUBLESHOOT],
      ["related-resolved-case", "Email from a known contact related to a case resolved long ago", TROUBLESHOOT],
      [
        "related-recently-resolved-case",
        "Email from a known contact related to a case resolved a minute ago",
        RECORD_RULES,
      ],
      ["no-sender", "Email with no sender address", ACTIVITY_MONITOR],
    ]);
  });

  test("who the case is for, and what is created or activated, when every email may become a case", () => {
    const rows = outcomeTable(ruleWith({ allowUnknownSender: true, checkIfResolved: true, resolvedSinceMinutes: 60 }));
    expect(rows.map((r) => [r.id, r.caseCreated, r.customer, r.contactCreated, r.recordActivated])).toEqual([
      ["unknown-sender", true, "contact", true, false],
      ["active-contact", true, "contact", false, false],
      ["active-account", true, "account", false, false],
      ["inactive-contact-or-account", true, "contact", false, true],
      ["contact-and-account-same-address", true, "account", false, false],
      ["other-record-type", true, "contact", true, false],
      ["contact-listed-on-parent-entitlement", true, "contact", false, false],
      ["parent-entitlement-for-all-contacts", true, "contact", false, false],
      ["parent-entitlement-for-other-contacts", true, "contact", false, false],
      ["related-active-case", false, null, false, false],
      ["related-resolved-case", true, "contact", false, false],
      ["related-recently-resolved-case", false, null, false, false],
      ["no-sender", false, null, false, false],
    ]);
  });

  test("a rule with no queue is shown as if it watched one", () => {
    const rows = outcomeTable(ruleWith({ queueId: null }));
    expect(rows.find((r) => r.id === "active-contact")?.caseCreated).toBe(true);
  });

  test("an active rule's rows carry no draft note", () => {
    const rows = outcomeTable(ruleWith());
    expect(rows.find((r) => r.id === "active-contact")?.assumptions).toEqual([]);
  });

  test("a draft rule's rows open with the note that it is shown as it will behave once activated", () => {
    const rows = outcomeTable(ruleWith({ state: "draft" }));
    expect(rows.find((r) => r.id === "active-contact")?.assumptions).toEqual([
      "Shown as the rule will behave once activated: it is in draft and processes nothing yet.",
    ]);
  });
});

test("a case resolved 'long ago' is resolved longer ago than the rule's wait, however long the wait", () => {
  const sixtyDays = 60 * 24 * 60;
  const rows = outcomeTable(ruleWith({ checkIfResolved: true, resolvedSinceMinutes: sixtyDays }));
  expect(rows.find((r) => r.id === "related-resolved-case")?.caseCreated).toBe(true);
});
