/** Whether a recipient tracks an email under its filtering method (seeds 001, 002), sender by sender. */
import { receiversOf } from "../../../core/email-to-case/recipients";
import { resolveSender } from "../../../core/email-to-case/sender";
import { acceptsUnderMethod, checkTracking, filteringMethodOf } from "../../../core/email-to-case/stages/tracking";
import { scenario, supportQueue } from "../../fixtures/scenarios";

const from = (address: string) => scenario((j) => (j.email.from = address));

describe("which senders each filtering method accepts", () => {
  // jane@fabrikam.com is a contact, info@fabrikam.com an account, lee@prospect.com a lead,
  // avery@contoso.com a user, support@contoso.com a queue.
  test.each([
    ["a contact", "jane@fabrikam.com", [true, false, true, true, false]],
    ["an account", "info@fabrikam.com", [true, false, true, true, false]],
    ["a lead", "lee@prospect.com", [true, false, true, true, false]],
    ["a user", "avery@contoso.com", [true, false, false, true, false]],
    ["a queue", "support@contoso.com", [true, false, false, true, false]],
    ["an unknown sender", "stranger@example.com", [true, false, false, false, false]],
  ] as const)("%s (%s): methods 0 to 4", (_who, address, expected) => {
    const s = from(address);
    expect(([0, 1, 2, 3, 4] as const).map((m) => acceptsUnderMethod(m, s))).toEqual(expected);
  });

  test("a reply to tracked email is accepted by every method but 4", () => {
    const s = scenario((j) => {
      j.email.from = "stranger@example.com";
      j.email.inReplyToTrackedEmail = true;
    });
    expect(([0, 1, 2, 3, 4] as const).map((m) => acceptsUnderMethod(m, s))).toEqual([true, true, true, true, false]);
  });

  test("an inactive contact is still a contact to method 2", () => {
    const s = scenario((j) => (j.records.contacts[0].active = false));
    expect(resolveSender(s.email.from, s.records)).toMatchObject({ kind: "contact", active: false });
    expect(acceptsUnderMethod(2, s)).toBe(true);
  });

  test("an inactive account, with no contact of that address, is the sender", () => {
    const s = scenario((j) => {
      j.email.from = "info@fabrikam.com";
      j.records.accounts[0].active = false;
    });
    expect(resolveSender(s.email.from, s.records)).toEqual({
      kind: "account",
      record: { id: "a1", email: "info@fabrikam.com", active: false },
      active: false,
    });
  });
});

describe("each recipient's filtering method", () => {
  test("a queue's own; a user's own when set; a user's documented default, 1, when not", () => {
    const s = scenario((j) => {
      j.email.to = ["support@contoso.com", "avery@contoso.com"];
      j.users.push({ ...j.users[0], id: "u2", emailAddress: "sam@contoso.com" });
      delete j.users[1].incomingEmailFilteringMethod;
      j.email.cc = ["sam@contoso.com"];
    });
    expect(receiversOf(s).map(filteringMethodOf)).toEqual([
      { method: 0, defaulted: false },
      { method: 2, defaulted: false },
      { method: 1, defaulted: true },
    ]);
  });

  test("a user with no method set is said to be taken as 1", () => {
    const s = scenario((j) => {
      j.email.to = ["avery@contoso.com"];
      delete j.users[0].incomingEmailFilteringMethod;
      j.email.inReplyToTrackedEmail = true;
    });
    expect(checkTracking(s, receiversOf(s)).result.assumptions).toEqual([
      'user "Avery Agent" has no incomingEmailFilteringMethod: taken as 1 "Email messages in response to Dynamics 365 email", the default the NoCorrelationMatch article describes (the usersettings form default is 2).',
    ]);
  });
});

describe("why tracking stops", () => {
  test("delivered only through a distribution group, to a queue that does not take all email", () => {
    const s = scenario((j) => {
      supportQueue(j).incomingEmailFilteringMethod = 2;
      j.email.viaDistributionGroup = true;
    });
    expect(checkTracking(s, receiversOf(s)).result.reason?.id).toBe("via-distribution-group");
  });

  test("delivered only by Bcc, to a queue that does not take all email", () => {
    const s = scenario((j) => {
      supportQueue(j).incomingEmailFilteringMethod = 2;
      j.email.to = [];
      j.email.bcc = ["support@contoso.com"];
    });
    expect(checkTracking(s, receiversOf(s))).toMatchObject({ result: { reason: { id: "bcc-only" } }, tracked: [] });
  });

  test("a queue's mailbox owner without the privilege: the owner of that queue is named", () => {
    const s = scenario((j) => (supportQueue(j).mailbox.ownerHasSyncPrivileges = false));
    expect(checkTracking(s, receiversOf(s)).result.recommendation).toMatch(/^For the owner of queue "Support": /);
  });

  test("a privilege failure reported for the email itself names no owner", () => {
    const s = scenario((j) => (j.email.processingFailure = "privilege"));
    expect(checkTracking(s, receiversOf(s)).result.recommendation).not.toMatch(/^For /);
  });

  test("a stop reports no tracked mailbox", () => {
    const s = scenario((j) => (j.email.processingFailure = "plugin"));
    expect(checkTracking(s, receiversOf(s))).toMatchObject({ result: { reason: { id: "isv-aborted" } }, tracked: [] });
  });
});
