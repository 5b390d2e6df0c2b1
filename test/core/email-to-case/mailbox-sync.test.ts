import { diagnosed, outcomeOf, stopOf, supportQueue } from "../../fixtures/scenarios";

describe("stage 1, mailbox sync (seed 001)", () => {
  test("the documented example email passes every stage and becomes a case", () => {
    const d = diagnosed();
    expect(d.stages.map((s) => s.status)).toEqual(["passed", "passed", "passed", "passed"]);
    expect(d.verdict.caseCreated).toBe(true);
  });

  test("an email to no Dataverse queue or user address never reaches a mailbox", () => {
    expect(outcomeOf(diagnosed((j) => (j.email.to = ["sales@contoso.com"])))).toBe(
      "mailbox-sync/failed/no-dataverse-mailbox",
    );
  });

  test("addresses match mailboxes case-insensitively", () => {
    expect(outcomeOf(diagnosed((j) => (j.email.to = ["SUPPORT@Contoso.com"])))).toBe("case");
  });

  test.each([
    [0, "None"],
    [1, "Outlook"],
    [3, "Forward mailbox"],
  ])("a mailbox whose incoming delivery method is %i (%s) is not syncing", (method) => {
    const d = diagnosed((j) => (supportQueue(j).mailbox.incomingEmailDeliveryMethod = method));
    expect(outcomeOf(d)).toBe("mailbox-sync/failed/mailbox-not-syncing");
  });

  test("a mailbox not enabled for incoming email is not syncing", () => {
    const d = diagnosed((j) => (supportQueue(j).mailbox.enabledForIncomingEmail = false));
    expect(outcomeOf(d)).toBe("mailbox-sync/failed/mailbox-not-syncing");
  });

  test.each([
    [2, "Failure"],
    [0, "Not Run"],
  ])("a mailbox whose test status is %i (%s) has not passed its test", (status) => {
    const d = diagnosed((j) => (supportQueue(j).mailbox.incomingEmailStatus = status));
    expect(outcomeOf(d)).toBe("mailbox-sync/failed/mailbox-test-failed");
  });

  test("the recommendation names the mailbox to fix", () => {
    const d = diagnosed((j) => (supportQueue(j).mailbox.incomingEmailStatus = 2));
    expect(stopOf(d)!.recommendation).toMatch(/^For the mailbox of queue "Support": /);
  });

  test("one syncing recipient is enough: a user in Cc with a working mailbox carries the email in", () => {
    const d = diagnosed((j) => {
      supportQueue(j).mailbox.incomingEmailStatus = 2;
      j.email.cc = ["avery@contoso.com"];
    });
    expect(d.stages[0]!.status).toBe("passed");
  });

  test.each(["Junk Email", "Inbox/Billing", "Archive"])(
    "an email in the folder %s is not in the root Inbox",
    (folder) => {
      expect(outcomeOf(diagnosed((j) => (j.email.folder = folder)))).toBe("mailbox-sync/stopped/not-in-root-inbox");
    },
  );

  test("an email moved back to the Inbox later is still not processed, and the fix is ProcessEmailsReceivedAfter", () => {
    const d = diagnosed((j) => (j.email.movedBackToInbox = true));
    expect(outcomeOf(d)).toBe("mailbox-sync/stopped/not-in-root-inbox");
    expect(stopOf(d)!.recommendation).toContain("ProcessEmailsReceivedAfter");
  });

  test("the later stages are not reached after a mailbox failure", () => {
    const d = diagnosed((j) => (j.email.folder = "Junk Email"));
    expect(d.stages.slice(1).map((s) => s.status)).toEqual(["not-reached", "not-reached", "not-reached"]);
    expect(d.stages[1]).toEqual({
      stage: "tracking",
      status: "not-reached",
      reason: null,
      recommendation: null,
      assumptions: [],
    });
  });
});
