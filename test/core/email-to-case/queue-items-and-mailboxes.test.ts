/** Stages 1 and 3 called directly: which mailbox is reported, and which queues get a queue item. */
import { sameAddress } from "../../../core/email-to-case/addresses";
import { describeReceiver, receiversOf } from "../../../core/email-to-case/recipients";
import { checkMailboxSync } from "../../../core/email-to-case/stages/mailbox-sync";
import { checkQueueItems } from "../../../core/email-to-case/stages/queue-item";
import { scenario, supportQueue } from "../../fixtures/scenarios";

const RECIPIENT_ASSUMPTION =
  "A queue item is created in every queue recipient whose mailbox synchronizes the email, whichever recipient's filtering method accepted it.";

describe("addresses", () => {
  test("match whatever their case and the spaces around them; nothing matches a missing or empty one", () => {
    expect(sameAddress(" Support@Contoso.com ", "support@contoso.COM")).toBe(true);
    expect(sameAddress("support@contoso.com", "sales@contoso.com")).toBe(false);
    expect(sameAddress(null, null)).toBe(false);
    expect(sameAddress("", "")).toBe(false);
    expect(sameAddress("a@x.com", undefined)).toBe(false);
  });

  test("a recipient is named by its kind and name, else its id", () => {
    const s = scenario((j) => delete supportQueue(j).name);
    expect(receiversOf(s).map(describeReceiver)).toEqual(['queue "support"']);
  });

  test("a queue without an address receives nothing", () => {
    const s = scenario((j) => (supportQueue(j).emailAddress = null));
    expect(receiversOf(s)).toEqual([]);
  });
});

describe("stage 1: which mailbox the admin is sent to", () => {
  test("no mailbox of any recipient: no Dataverse mailbox, nothing syncing", () => {
    const s = scenario((j) => (j.email.to = ["someone@elsewhere.com"]));
    expect(checkMailboxSync(s, receiversOf(s))).toMatchObject({
      result: { reason: { id: "no-dataverse-mailbox" } },
      syncing: [],
    });
  });

  test("when no recipient's mailbox syncs, the queue's is reported even if a user comes first", () => {
    const s = scenario((j) => {
      j.email.to = ["avery@contoso.com", "support@contoso.com"];
      j.users[0].mailbox.incomingEmailStatus = 2;
      supportQueue(j).mailbox.incomingEmailDeliveryMethod = 0;
    });
    const users = receiversOf(s).filter((r) => r.kind === "user");
    const queues = receiversOf(s).filter((r) => r.kind === "queue");
    const out = checkMailboxSync(s, [...users, ...queues]);
    expect([out.result.reason?.id, out.result.recommendation, out.result.assumptions, out.syncing]).toEqual([
      "mailbox-not-syncing",
      'For the mailbox of queue "Support": set the mailbox\'s Incoming Email to Server-Side Synchronization or Email Router, then select Test & Enable Mailbox.',
      [],
      [],
    ]);
  });

  test("with only users' mailboxes, the first user's is reported", () => {
    const s = scenario((j) => {
      j.email.to = ["avery@contoso.com"];
      j.users[0].mailbox.incomingEmailStatus = 2;
    });
    expect(checkMailboxSync(s, receiversOf(s)).result.recommendation).toMatch(
      /^For the mailbox of user "Avery Agent": /,
    );
  });

  test("the root Inbox, written in any case and with spaces, is the Inbox", () => {
    const s = scenario((j) => (j.email.folder = " INBOX "));
    expect(checkMailboxSync(s, receiversOf(s)).result.status).toBe("passed");
  });
});

describe("stage 3: which queues get a queue item", () => {
  test("a queue that tracked the email itself: its queue item, nothing assumed", () => {
    const s = scenario();
    const receivers = receiversOf(s);
    expect(checkQueueItems(receivers, receivers).result.assumptions).toEqual([]);
  });

  test("a queue among the recipients, while a user tracked the email: its queue item, and the assumption said", () => {
    const s = scenario((j) => (j.email.cc = ["avery@contoso.com"]));
    const receivers = receiversOf(s);
    const out = checkQueueItems(
      receivers,
      receivers.filter((r) => r.kind === "user"),
    );
    expect([out.result.status, out.result.assumptions, out.queues.map((q) => q.id)]).toEqual([
      "passed",
      [RECIPIENT_ASSUMPTION],
      ["support"],
    ]);
  });

  test("two queues, one of them tracked by itself: still an assumption for the other", () => {
    const s = scenario((j) => {
      j.queues.push({ ...supportQueue(j), id: "sales", name: "Sales", emailAddress: "sales@contoso.com" });
      j.email.to = ["support@contoso.com", "sales@contoso.com"];
    });
    const receivers = receiversOf(s);
    const out = checkQueueItems(receivers, receivers.slice(0, 1));
    expect(out.result.assumptions).toEqual([RECIPIENT_ASSUMPTION]);
  });

  test("a named queue whose own mailbox does not sync: no queue item, and that mailbox named", () => {
    const s = scenario((j) => {
      supportQueue(j).mailbox.incomingEmailStatus = 2;
      j.email.cc = ["avery@contoso.com"];
    });
    const out = checkQueueItems(receiversOf(s), []);
    expect([out.result.reason?.id, out.result.assumptions, out.queues]).toEqual([
      "mailbox-test-failed",
      [RECIPIENT_ASSUMPTION],
      [],
    ]);
    expect(out.result.recommendation).toMatch(/^For the mailbox of queue "Support": /);
  });

  test("a queue only in Bcc: no queue item, and the conflict of the documents said", () => {
    const s = scenario((j) => {
      j.email.to = ["avery@contoso.com"];
      j.email.bcc = ["support@contoso.com"];
    });
    const out = checkQueueItems(receiversOf(s), []);
    expect([out.result.reason?.id, out.queues]).toEqual(["bcc-only", []]);
    expect(out.result.assumptions).toHaveLength(1);
    expect(out.result.assumptions[0]).toMatch(/^Microsoft's documents conflict on Bcc/);
  });

  test("no queue among the recipients: no queue item, nothing assumed", () => {
    const s = scenario((j) => (j.email.to = ["avery@contoso.com"]));
    const out = checkQueueItems(receiversOf(s), []);
    expect([out.result.reason?.id, out.result.assumptions, out.queues]).toEqual(["no-queue-recipient", [], []]);
  });
});
