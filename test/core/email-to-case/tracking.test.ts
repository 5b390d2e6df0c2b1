import { MICROSOFT_DOCS } from "../../../core/email-to-case/sources";
import { diagnosed, outcomeOf, stopOf, supportQueue } from "../../fixtures/scenarios";

const method = (m: number) => (j: any) => (supportQueue(j).incomingEmailFilteringMethod = m);

describe("stage 2, tracking decision (seeds 001 and 002)", () => {
  describe("the queue's incoming email filtering method decides whether it accepts the email", () => {
    test.each([
      [0, "unknown@example.com", false, "arc-rule/stopped/unknown-sender"],
      [1, "jane@fabrikam.com", false, "tracking/stopped/no-correlation-match"],
      [1, "jane@fabrikam.com", true, "case"],
      [2, "jane@fabrikam.com", false, "case"],
      [2, "info@fabrikam.com", false, "case"],
      [2, "lee@prospect.com", false, "arc-rule/stopped/unsupported-sender-type"],
      [2, "unknown@example.com", false, "tracking/stopped/no-correlation-match"],
      [2, "unknown@example.com", true, "arc-rule/stopped/unknown-sender"],
      [3, "avery@contoso.com", false, "arc-rule/stopped/unsupported-sender-type"],
      [3, "jane@fabrikam.com", false, "case"],
      [3, "unknown@example.com", false, "tracking/stopped/no-correlation-match"],
      [4, "jane@fabrikam.com", false, "tracking/stopped/no-correlation-match"],
      [4, "jane@fabrikam.com", true, "tracking/stopped/no-correlation-match"],
    ])("method %i, sender %s, reply to tracked email %s → %s", (m, from, reply, outcome) => {
      const d = diagnosed((j) => {
        method(m)(j);
        j.email.from = from;
        j.email.inReplyToTrackedEmail = reply;
      });
      expect(outcomeOf(d)).toBe(outcome);
    });
  });

  test("NoCorrelationMatch names the filtering settings and recommends All email messages", () => {
    const stop = stopOf(diagnosed(method(1)))!;
    expect(stop.reason).toEqual({
      id: "no-correlation-match",
      activityMonitorReason: null,
      label: expect.stringMatching(/^NoCorrelationMatch: /),
      source: MICROSOFT_DOCS.noCorrelationMatch,
    });
    expect(stop.recommendation).toContain("All email messages");
  });

  test("another recipient that accepts the email tracks it for everyone: a user in Cc set to contacts", () => {
    const d = diagnosed((j) => {
      method(4)(j);
      j.email.cc = ["avery@contoso.com"];
    });
    expect(d.stages[1]!.status).toBe("passed");
  });

  describe("Bcc and distribution-group recipients cannot be resolved: only All email messages accepts them", () => {
    test.each([1, 2, 3, 4])("Bcc-only email, queue method %i: not tracked (bcc-only)", (m) => {
      const d = diagnosed((j) => {
        method(m)(j);
        j.email.to = ["someone@fabrikam.com"];
        j.email.bcc = ["support@contoso.com"];
      });
      expect(outcomeOf(d)).toBe("tracking/stopped/bcc-only");
    });

    test("Bcc-only email, queue method 0: tracked, but ARC does not process a Bcc queue (S-NC cause 6)", () => {
      const d = diagnosed((j) => {
        j.email.to = [];
        j.email.bcc = ["support@contoso.com"];
      });
      expect(d.stages[1]!.status).toBe("passed");
      expect(outcomeOf(d)).toBe("queue-item/stopped/bcc-only");
      expect(stopOf(d)!.assumptions.join(" ")).toContain("(cause 6) says email sent to a queue in Bcc isn't processed");
    });

    test.each([1, 2, 3, 4])("distribution-group email, queue method %i: not tracked", (m) => {
      const d = diagnosed((j) => {
        method(m)(j);
        j.email.viaDistributionGroup = true;
      });
      expect(outcomeOf(d)).toBe("tracking/stopped/via-distribution-group");
    });

    test("distribution-group email, queue method 0: tracked and turned into a case", () => {
      expect(outcomeOf(diagnosed((j) => (j.email.viaDistributionGroup = true)))).toBe("case");
    });
  });

  test("correlation turned off: NoCorrelationMatch with the System Settings fix, and the choice recorded", () => {
    const d = diagnosed((j) => (j.organization.emailCorrelationEnabled = false));
    const stop = stopOf(d)!;
    expect(outcomeOf(d)).toBe("tracking/stopped/no-correlation-match");
    expect(stop.reason!.label).toContain("Use correlation to track email conversations");
    expect(stop.assumptions.join(" ")).toContain("the toolkit treats every email as not tracked");
  });

  test("a mailbox owner without licence or privileges: PrivilegeDenied", () => {
    const d = diagnosed((j) => (supportQueue(j).mailbox.ownerHasSyncPrivileges = false));
    expect(outcomeOf(d)).toBe("tracking/failed/privilege-denied");
    expect(stopOf(d)!.recommendation).toContain('the owner of queue "Support"');
  });

  test("a privilege failure while the email is created: PrivilegeDenied", () => {
    expect(outcomeOf(diagnosed((j) => (j.email.processingFailure = "privilege")))).toBe(
      "tracking/failed/privilege-denied",
    );
  });

  test("a plug-in or workflow failure: IsvAborted, shown in Exchange as Undeliverable", () => {
    const d = diagnosed((j) => (j.email.processingFailure = "plugin"));
    expect(outcomeOf(d)).toBe("tracking/failed/isv-aborted");
    expect(stopOf(d)!.reason!.label).toMatch(/^IsvAborted: .*Undeliverable/);
  });

  test("a user with no filtering method given is taken as 'in response to Dynamics 365 email', and the diagnosis says so", () => {
    const d = diagnosed((j) => {
      j.users[0].incomingEmailFilteringMethod = undefined;
      j.email.to = ["avery@contoso.com"];
    });
    expect(outcomeOf(d)).toBe("tracking/stopped/no-correlation-match");
    expect(d.stages[1]!.assumptions[0]).toMatch(/user "Avery Agent" has no incomingEmailFilteringMethod: taken as 1/);
  });
});
