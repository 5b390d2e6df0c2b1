import { diagnosed, outcomeOf, stopOf, supportQueue } from "../../fixtures/scenarios";

describe("stage 3, queue item (seed 000 step 2)", () => {
  test("a tracked email to a queue becomes a queue item there", () => {
    const d = diagnosed();
    expect(d.stages[2]).toEqual({
      stage: "queue-item",
      status: "passed",
      reason: null,
      recommendation: null,
      assumptions: [],
    });
    expect(d.effects.queueId).toBe("support");
  });

  test("an email tracked only by a user's mailbox has no queue item", () => {
    const d = diagnosed((j) => (j.email.to = ["avery@contoso.com"]));
    expect(outcomeOf(d)).toBe("queue-item/stopped/no-queue-recipient");
  });

  test("a queue in Bcc gets no queue item even when a user in To tracks the email", () => {
    const d = diagnosed((j) => {
      j.email.to = ["avery@contoso.com"];
      j.email.bcc = ["support@contoso.com"];
    });
    expect(outcomeOf(d)).toBe("queue-item/stopped/bcc-only");
  });

  test("a queue in To whose own mailbox is broken gets no queue item, and the diagnosis names that mailbox", () => {
    const d = diagnosed((j) => {
      supportQueue(j).mailbox.incomingEmailStatus = 2;
      j.email.cc = ["avery@contoso.com"];
    });
    expect(outcomeOf(d)).toBe("queue-item/failed/mailbox-test-failed");
    expect(stopOf(d)!.recommendation).toContain('queue "Support"');
  });

  test("a queue that did not accept the email still gets its queue item when another recipient tracked it, and the diagnosis says so", () => {
    const d = diagnosed((j) => {
      supportQueue(j).incomingEmailFilteringMethod = 1;
      j.email.cc = ["avery@contoso.com"];
    });
    expect(d.stages[2]!.status).toBe("passed");
    expect(d.stages[2]!.assumptions).toHaveLength(1);
  });
});
