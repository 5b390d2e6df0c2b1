/**
 * Real email in (issue 19): every .eml and mbox shape a mail system produces reads right in the transcript. Each
 * fixture under test/fixtures/eml/ is a small message written for one shape; the expected text is what a rep reads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { handoffFromMail, isOutlookMsg, type MailInput } from "../../plugins-js/connector/mail-input";
import { parseTranscript } from "../../core/transcript/parse";
import { writeTranscript } from "../../core/transcript/write";
import type { Handoff } from "../../core/transcript/types";

const NOW = new Date("2026-11-27T12:00:00Z");
const fixture = (name: string): Buffer => readFileSync(join(__dirname, "..", "fixtures", "eml", name));
const read = (raw: Buffer, now = NOW): Promise<MailInput> =>
  handoffFromMail(raw, { classification: "Support", sentiment: "Negative" }, now);

async function handoffOf(name: string): Promise<{ handoff: Handoff; warnings: string[] }> {
  const { handoff, problems, warnings } = await read(fixture(name));
  expect(problems).toEqual([]);
  return { handoff: handoff!, warnings };
}

const transcriptOf = (handoff: Handoff): string => writeTranscript(handoff, { maxLength: null });

describe("the time of a message comes from its own headers, never from the time of the run", () => {
  test("no Date: and no Received: the message is kept with its time unknown, and a warning says so", async () => {
    const { handoff, warnings } = await handoffOf("no-date.eml");
    expect(handoff.messages[0]!.timestamp).toBeNull();
    expect(warnings).toEqual([expect.stringContaining("there is no Date: header and no Received: header")]);
    const parsed = parseTranscript(transcriptOf(handoff));
    expect(parsed.messages[0]).toMatchObject({ timestamp: null, body: expect.stringContaining("router reboots") });
  });

  test("no Date: but Received: headers: the newest Received: time", async () => {
    const { handoff, warnings } = await handoffOf("received-only.eml");
    expect(handoff.messages[0]!.timestamp).toBe("2026-03-03T09:15:02.000Z");
    expect(warnings).toEqual(["there is no Date: header; used the time it was received, 2026-03-03T09:15:02Z"]);
  });

  test("an unparseable Date: (31 Feb 3609 25:99) falls back to Received:, not to now", async () => {
    const { handoff, warnings } = await handoffOf("unparseable-date.eml");
    expect(handoff.messages[0]!.timestamp).toBe("2026-03-04T09:00:07.000Z");
    expect(warnings[0]).toMatch(/^Date: "Sat, 31 Feb 3609 25:99:00" is not a date; used the time it was received/);
  });

  test("a date far in the future is warned about", async () => {
    const { warnings } = await handoffOf("far-future-date.eml");
    expect(warnings).toEqual([expect.stringContaining("is more than a day in the future")]);
  });

  test("the same file read at two different times gives the same transcript", async () => {
    const a = await read(fixture("no-date.eml"), new Date("2026-01-01T00:00:00Z"));
    const b = await read(fixture("no-date.eml"), new Date("2027-06-01T00:00:00Z"));
    expect(transcriptOf(a.handoff!)).toBe(transcriptOf(b.handoff!));
  });

  test("an mbox thread with an undated reply keeps the reply in its place between the dated messages", async () => {
    const { handoff, warnings } = await handoffOf("thread.mbox");
    expect(handoff.messages.map((m) => [m.timestamp, m.role])).toEqual([
      ["2026-03-12T09:00:00.000Z", "customer"],
      [null, "agent"],
      ["2026-03-12T10:00:00.000Z", "customer"],
    ]);
    expect(handoff.messages[2]!.body).toBe("From the front panel: the light is orange.");
    expect(warnings).toEqual([expect.stringMatching(/^message 2 of the mbox: there is no Date: header/)]);
  });
});

test("an mbox body line starting with an unescaped From (mboxo) stays in its message", async () => {
  const mbox = [
    "From ana@fabrikam.com Thu Mar 12 09:00:00 2026",
    "From: Ana Ortiz <ana.ortiz@fabrikam.com>",
    "Date: Thu, 12 Mar 2026 09:00:00 +0000",
    "",
    "Two lines:",
    "From the front panel the light is orange.",
    "From ana@fabrikam.com Thu Mar 12 10:00:00 2026",
    "From: Ana Ortiz <ana.ortiz@fabrikam.com>",
    "Date: Thu, 12 Mar 2026 10:00:00 +0000",
    "",
    "Still orange.",
  ].join("\n");
  const { handoff } = await read(Buffer.from(mbox));
  expect(handoff!.messages.map((m) => m.body)).toEqual([
    "Two lines:\nFrom the front panel the light is orange.",
    "Still orange.",
  ]);
});

describe("the body is the text a person reads", () => {
  test("8-bit Latin-1 with no charset label: body and subject read as windows-1252, no U+FFFD", async () => {
    const { handoff } = await handoffOf("latin1-no-charset.eml");
    expect(handoff.messages[0]!.subject).toBe("Rückerstattung für März");
    expect(handoff.messages[0]!.body).toBe("Grüße aus Köln, ich warte noch auf die Rückerstattung.");
  });

  test("UTF-8 text labelled us-ascii reads as UTF-8", async () => {
    const { handoff } = await handoffOf("utf8-labelled-ascii.eml");
    expect(handoff.messages[0]!.body).toBe("La boîte était déchirée à l'arrivée.");
    expect(handoff.messages[0]!.from.name).toBe("Chloé Martin");
  });

  test("UTF-8 text labelled iso-8859-1 reads as UTF-8, not as Ã¨-style mojibake", async () => {
    const { handoff } = await handoffOf("utf8-labelled-latin1.eml");
    expect(handoff.messages[0]!.body).toBe("La crème brûlée était froide.");
    expect(handoff.messages[0]!.subject).toBe("Crème brûlée");
  });

  test("HTML below the MIME root: every entity decoded, styles dropped, runs of <br> become one blank line", async () => {
    const { handoff } = await handoffOf("html-below-root.eml");
    expect(handoff.messages[0]!.body).toBe(
      "„Große Straße“ – Lieferung fehlt & keine Antwort.\n\nMit freundlichen Grüßen\nJürgen",
    );
  });

  test("a whitespace-only text part is absent: the HTML alternative is the body", async () => {
    const { handoff } = await handoffOf("empty-text-alternative.eml");
    expect(handoff.messages[0]!.body).toBe("The screen flickers when I open the app.");
  });

  test("a uuencoded block becomes an attachment and a one-line mention", async () => {
    const { handoff } = await handoffOf("uuencoded.eml");
    const message = handoff.messages[0]!;
    expect(message.body).toBe("Here is the log.\n\n[attachment: router.log]\n\nThanks, Ana");
    expect(message.attachments).toEqual([
      expect.objectContaining({ filename: "router.log", contentType: "text/plain" }),
    ]);
    const log = Buffer.from(message.attachments![0]!.contentBase64, "base64").toString();
    expect(log).toBe("error 2026-03-10 wakeup failed\nerror 2026-03-10 reboot loop\n");
  });
});

describe("attachments and carried messages", () => {
  test("an unnamed part is named from its type, a name without an extension gets one", async () => {
    const { handoff } = await handoffOf("unnamed-attachment.eml");
    expect(handoff.messages[0]!.attachments!.map((a) => a.filename)).toEqual(["attachment-1.png", "receipt.pdf"]);
  });

  test("a forwarded message (message/rfc822) is its own message in the thread, with its sender and time", async () => {
    const { handoff } = await handoffOf("forwarded.eml");
    expect(handoff.messages.map((m) => [m.timestamp, m.from.email, m.role, m.body])).toEqual([
      ["2026-03-02T16:45:00.000Z", "orders@contoso.com", "agent", "Order 778 left our warehouse today."],
      ["2026-03-08T10:00:00.000Z", "ana.ortiz@fabrikam.com", "customer", expect.stringContaining("nothing arrived")],
    ]);
    expect(handoff.customer.email).toBe("ana.ortiz@fabrikam.com");
    expect(handoff.messages[1]!.attachments!.map((a) => a.filename)).toEqual(["attachment-1.eml"]);
  });

  test("a digest: each part without a Content-Type is a message of its own (RFC 2046 §5.1.5)", async () => {
    const { handoff } = await handoffOf("digest.eml");
    expect(handoff.messages.map((m) => [m.from.email, m.subject, m.body])).toEqual([
      ["ana.ortiz@fabrikam.com", "Orange light", "My printer shows an orange light."],
      ["support@contoso.com", "Re: Orange light", "Orange means the paper tray is open."],
      ["community@contoso.com", "Printer forum digest", ""],
    ]);
  });

  test("a bounce: the status and the returned message reach the rep; the customer is whom it was for", async () => {
    const { handoff } = await handoffOf("bounce.eml");
    const text = transcriptOf(handoff);
    expect(text).toContain("Status: 5.1.1");
    expect(text).toContain("Please install firmware 2.4 and restart the router.");
    expect(handoff.messages.map((m) => [m.from.email, m.role])).toEqual([
      ["support@contoso.com", "agent"],
      ["mailer-daemon@contoso.com", "system"],
    ]);
    expect(handoff.customer).toEqual({ email: "ana.ortiz@fabrikam.example" });
  });
});

describe("what cannot be read is said in the user's terms", () => {
  test("an Outlook .msg is recognised by its first bytes and named", async () => {
    const msg = Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]);
    expect(isOutlookMsg(msg)).toBe(true);
    const { handoff, problems } = await read(msg);
    expect(handoff).toBeNull();
    expect(problems).toEqual([{ field: "(root)", message: expect.stringMatching(/^is an Outlook \.msg file/) }]);
  });

  test("From: guest@localhost: kept as the sender's name, no contact address, a warning names From:", async () => {
    const { handoff, warnings } = await handoffOf("local-sender.eml");
    expect(handoff.customer).toEqual({ name: "guest@localhost" });
    expect(handoff.messages[0]).toMatchObject({ from: { name: "guest@localhost" }, role: "customer" });
    expect(warnings).toEqual([expect.stringMatching(/^From: guest@localhost is not an internet email address/)]);
  });

  test("a message with no From: header is kept with an unknown sender, and a warning names From:", async () => {
    const raw = Buffer.from("Date: Thu, 12 Mar 2026 09:00:00 +0000\r\nSubject: Hello\r\n\r\nNo sender here.\r\n");
    const { handoff, problems, warnings } = await read(raw);
    expect(problems).toEqual([]);
    expect(handoff!.messages[0]).toMatchObject({ from: {}, body: "No sender here." });
    expect(warnings).toEqual(["there is no From: header: the sender is unknown"]);
  });

  test("a file with no email headers at all is refused as not an email", async () => {
    const { problems } = await read(Buffer.from("just some notes\nwith no headers\n"));
    expect(problems).toEqual([{ field: "(root)", message: expect.stringMatching(/^is not an email message/) }]);
  });
});
