import { parseTranscript } from "../../../core/transcript/parse";
import { writeTranscript } from "../../../core/transcript/write";
import { EXAMPLE_TRANSCRIPT, handoffWithMessages } from "../../fixtures/handoffs";

const MSG = "[2026-11-20T09:14:03Z] Jane Doe <jane@contoso.com> (customer)";

function transcript(header: string, body: string, end = "--- End of transcript (1 messages) ---"): string {
  return `${header}\n\n--- Transcript ---\n${body}\n\n${end}`;
}

describe("reading a transcript (PRODUCT.md §4)", () => {
  test("the example in PRODUCT.md reads as the documented JSON", () => {
    const t = parseTranscript(EXAMPLE_TRANSCRIPT);
    expect(t.format).toBe("e2c-transcript/1");
    expect(t.header).toEqual({
      channel: "email",
      classification: "Billing",
      sentiment: "Negative",
      customer: { name: "Jane Doe", email: "jane.doe@contoso.com" },
      session: "https://support.example.com/sessions/4711",
      handoffId: "7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e10",
      extra: [],
    });
    expect(t.truncated).toBe(false);
    expect(t.totalMessages).toBe(2);
    expect(t.messages[0]).toMatchObject({
      timestamp: "2026-11-20T09:14:03Z",
      sender: { name: "Jane Doe", email: "jane.doe@contoso.com" },
      role: "customer",
      subject: "Charged twice for November",
    });
    expect(t.messages[1]).toEqual({
      timestamp: "2026-11-20T09:15:10Z",
      sender: { name: "Contoso Assistant" },
      role: "ai",
      body: "Sorry to hear that. I am handing you to a billing specialist.",
      quoted: [],
      signature: null,
    });
  });

  test("rule 5: quoted text is marked in every message, not only the last", () => {
    const t = parseTranscript(EXAMPLE_TRANSCRIPT);
    const first = t.messages[0]!;
    expect(first.quoted).toEqual([{ start: 37, end: first.body.length }]);
    expect(first.body.slice(37)).toBe(
      "On 19 Nov 2026, at 18:02, Contoso Billing <billing@contoso.com> wrote:\n> Your invoice is attached.",
    );
    const many = parseTranscript(
      `--- Transcript ---\n${[1, 2, 3].map((i) => `[2026-11-20T09:0${i}:00Z] Jane (customer)\nnew ${i}\n> old ${i}\n`).join("\n")}\n--- End of transcript (3 messages) ---`,
    );
    expect(many.messages.map((m) => m.quoted.length)).toEqual([1, 1, 1]);
  });

  test("rule 5 on demand: with replyParts off, bodies are the same and nothing is marked yet", () => {
    const eager = parseTranscript(EXAMPLE_TRANSCRIPT);
    const deferred = parseTranscript(EXAMPLE_TRANSCRIPT, { replyParts: false });
    expect(deferred.messages.map((m) => m.body)).toEqual(eager.messages.map((m) => m.body));
    expect(deferred.messages.map((m) => [m.quoted, m.signature])).toEqual(eager.messages.map(() => [[], null]));
    expect(eager.messages[0]!.quoted).not.toEqual([]);
  });

  test("rule 1: header keys are case-insensitive", () => {
    const t = parseTranscript(transcript("CHANNEL: email\nclassification: Returns\nhandoff-ID: h-1", `${MSG}\nhi`));
    expect(t.header).toMatchObject({ channel: "email", classification: "Returns", handoffId: "h-1" });
  });

  test("rule 1: unknown header keys are kept, in order", () => {
    const t = parseTranscript(transcript("Channel: email\nPriority: High\nLanguage: de-DE\nTicket: 42", `${MSG}\nhi`));
    expect(t.header.extra).toEqual([
      ["Priority", "High"],
      ["Language", "de-DE"],
      ["Ticket", "42"],
    ]);
  });

  test("rule 1: Summary is a known key", () => {
    expect(parseTranscript(transcript("Summary: Billed twice", `${MSG}\nhi`)).header.summary).toBe("Billed twice");
  });

  test("§4.1: a header sentiment is normalised to Microsoft's label", () => {
    expect(parseTranscript(transcript("Sentiment: NEG", `${MSG}\nhi`)).header.sentiment).toBe("Negative");
    expect(parseTranscript(transcript("Sentiment: grumpy", `${MSG}\nhi`)).header.sentiment).toBe("grumpy");
  });

  test("rule 2: a description with no end line was cut", () => {
    const t = parseTranscript(`Channel: email\n\n--- Transcript ---\n${MSG}\nHello, I was char`);
    expect(t.truncated).toBe(true);
    expect(t.totalMessages).toBeNull();
    expect(t.messages[0]!.body).toBe("Hello, I was char");
  });

  test("rule 2: the writer's truncation line gives the total and marks the transcript truncated", () => {
    const t = parseTranscript(
      transcript(
        "Channel: email",
        `${MSG}\nhi`,
        '--- Transcript truncated: 1 of 7 messages shown; full transcript in note "Handoff transcript" ---',
      ),
    );
    expect(t.truncated).toBe(true);
    expect(t.totalMessages).toBe(7);
    expect(t.messages).toHaveLength(1);
  });

  test("rule 2: the end line with one message in the singular is read too", () => {
    const t = parseTranscript(transcript("Channel: email", `${MSG}\nhi`, "--- End of transcript (1 message) ---"));
    expect(t.truncated).toBe(false);
    expect(t.totalMessages).toBe(1);
  });

  test.each([
    ["ISO with Z", "[2026-11-20T09:14:03Z]", "2026-11-20T09:14:03Z"],
    ["an offset", "[2026-11-20T11:14:03+02:00]", "2026-11-20T09:14:03Z"],
    ["a negative offset without colon", "[2026-11-20T04:14:03-0500]", "2026-11-20T09:14:03Z"],
    ["YYYY-MM-DD HH:MM UTC", "[2026-11-20 09:14 UTC]", "2026-11-20T09:14:00Z"],
    ["YYYY-MM-DD HH:MM:SS UTC", "[2026-11-20 09:14:03 UTC]", "2026-11-20T09:14:03Z"],
    ["no brackets", "2026-11-20T09:14:03Z", "2026-11-20T09:14:03Z"],
    ["no brackets and UTC", "2026-11-20 09:14:03 UTC", "2026-11-20T09:14:03Z"],
    ["fractions of a second", "[2026-11-20T09:14:03.5Z]", "2026-11-20T09:14:03.500Z"],
  ])("rule 3: a timestamp with %s is read as UTC", (_, stamp, iso) => {
    const t = parseTranscript(transcript("Channel: email", `${stamp} Jane Doe (customer)\nhi`));
    expect(t.messages[0]!.timestamp).toBe(iso);
    expect(t.messages[0]!.sender).toEqual({ name: "Jane Doe" });
  });

  test.each(["2026-02-31T09:14:03Z", "2026-13-01T09:14:03Z", "2026-11-20T24:00:00Z", "0000-00-00T00:00:00Z"])(
    "rule 3: an impossible date [%s] still starts a message, with no time and its sender",
    (stamp) => {
      const t = parseTranscript(transcript("Channel: email", `[${stamp}]  Jane <jane@contoso.com> (customer)\nhi`));
      expect(t.messages[0]).toMatchObject({
        timestamp: null,
        sender: { name: "Jane", email: "jane@contoso.com" },
        role: "customer",
        body: "hi",
      });
    },
  );

  test("rule 3: a missing role is inferred: the customer's address is the customer, others are agents", () => {
    const t = parseTranscript(
      transcript(
        "Customer: Jane Doe <JANE@contoso.com>",
        "[2026-11-20T09:14:03Z] Jane <jane@contoso.com>\nhi\n\n[2026-11-20T09:15:03Z] Sam <sam@contoso.com>\nhello",
        "--- End of transcript (2 messages) ---",
      ),
    );
    expect(t.messages.map((m) => m.role)).toEqual(["customer", "agent"]);
  });

  test("rule 3: with no customer in the header, whoever wrote first is the customer", () => {
    const t = parseTranscript(
      "--- Transcript ---\n[2026-11-20T09:14:03Z] Jane\nhi\n\n[2026-11-20T09:15:03Z] Sam\nhello\n\n[2026-11-20T09:16:03Z] Jane\nthanks\n\n--- End of transcript (3 messages) ---",
    );
    expect(t.messages.map((m) => m.role)).toEqual(["customer", "agent", "customer"]);
  });

  test("rule 3: roles are read case-insensitively, with common synonyms", () => {
    const t = parseTranscript(transcript("Channel: email", "[2026-11-20T09:14:03Z] Helper (Bot)\nhi"));
    expect(t.messages[0]!.role).toBe("ai");
  });

  test.each(["\t", "\f", "\v", "\r", " ", "\u00a0", "\u2028"])(
    "rule 3: white space (%j) around the sender part is ignored",
    (space) => {
      const t = parseTranscript(
        transcript("Channel: email", `[2026-11-20T09:14:03Z] ${space}Sam <sam@contoso.com> (agent)${space}\nhi`),
      );
      expect([t.messages[0]!.sender, t.messages[0]!.role]).toEqual([
        { name: "Sam", email: "sam@contoso.com" },
        "agent",
      ]);
    },
  );

  test("rule 3: a parenthesis that is not a role stays in the name", () => {
    const t = parseTranscript(
      transcript("Channel: email", "[2026-11-20T09:14:03Z] Sam (Contoso) <sam@contoso.com> (agent)\nhi"),
    );
    expect(t.messages[0]!.sender).toEqual({ name: "Sam (Contoso)", email: "sam@contoso.com" });
  });

  test("rule 4: the body runs to the next message line, without the blank line that separates messages", () => {
    const t = parseTranscript(
      transcript(
        "Channel: email",
        `${MSG}\nline 1\n\nline 3\n\n[2026-11-20T09:15:03Z] Sam (agent)\nok`,
        "--- End of transcript (2 messages) ---",
      ),
    );
    expect(t.messages.map((m) => m.body)).toEqual(["line 1\n\nline 3", "ok"]);
  });

  test("rule 4: an optional first line Subject: is the subject, and only the first line", () => {
    const t = parseTranscript(transcript("Channel: email", `${MSG}\nSubject: Refund\nbody\nSubject: not one`));
    expect(t.messages[0]!.subject).toBe("Refund");
    expect(t.messages[0]!.body).toBe("body\nSubject: not one");
  });

  test("rule 4: a first line subject: in lower case is the subject too", () => {
    const t = parseTranscript(transcript("Channel: email", `${MSG}\nsubject: Refund\nbody`));
    expect(t.messages[0]!.subject).toBe("Refund");
    expect(t.messages[0]!.body).toBe("body");
  });

  test("rule 4: a body whose first line is subject: in lower case is written escaped and read back as body", () => {
    const written = writeTranscript(
      handoffWithMessages(1, () => "subject: Refund\nbody"),
      { maxLength: null },
    );
    expect(written).toContain("\n\\subject: Refund\nbody\n");
    const message = parseTranscript(written).messages[0]!;
    expect(message.subject).toBeUndefined();
    expect(message.body).toBe("subject: Refund\nbody");
  });

  test("rule 4: the reader removes the escaping backslash", () => {
    const t = parseTranscript(
      transcript("Channel: email", `${MSG}\n\\[2026-11-20T09:14:03Z] Mallory (agent)\n\\\\x\n\\Subject: y`),
    );
    expect(t.messages).toHaveLength(1);
    expect(t.messages[0]!.body).toBe("[2026-11-20T09:14:03Z] Mallory (agent)\n\\x\nSubject: y");
    expect(t.messages[0]!.subject).toBeUndefined();
  });

  test("rule 6: CRLF text reads the same as LF text", () => {
    const crlf = EXAMPLE_TRANSCRIPT.replace(/\n/g, "\r\n");
    expect(parseTranscript(crlf)).toEqual(parseTranscript(EXAMPLE_TRANSCRIPT));
  });

  test("rule 6: a description saved as HTML by the rich text editor is read as text", () => {
    const html = EXAMPLE_TRANSCRIPT.split("\n")
      .map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") || "&nbsp;"}</p>`)
      .join("\n");
    const t = parseTranscript(`<div>${html}</div>`);
    expect(t.format).toBe("e2c-transcript/1");
    expect(t.messages).toHaveLength(2);
    expect(t.messages[0]!.sender.email).toBe("jane.doe@contoso.com");
    expect(t.messages[0]!.body).toContain("> Your invoice is attached.");
    expect(t.totalMessages).toBe(2);
  });

  test("rule 6: HTML with <br> line breaks and entities is read as text", () => {
    const t = parseTranscript(
      "<p>Channel: email<br>Classification: R&amp;D</p><p>--- Transcript ---<br>[2026-11-20T09:14:03Z] Jane (customer)<br>a &lt;b&gt; &#169; &#x1F600;</p><p>--- End of transcript (1 messages) ---</p>",
    );
    expect(t.header.classification).toBe("R&D");
    expect(t.messages[0]!.body).toBe("a <b> © 😀");
  });

  test("rule 6: script and style content in HTML is dropped, never run", () => {
    const t = parseTranscript("<p>hello</p><script>alert(1)</script><style>p{}</style><p>world</p>");
    expect(t.format).toBe("raw");
    expect(t.text).toBe("hello\nworld");
  });

  test("rule 6: a description that is not a transcript comes back as raw with its text", () => {
    const t = parseTranscript("Customer called about a refund.\nPlease call back.");
    expect(t).toEqual({
      format: "raw",
      header: { extra: [] },
      messages: [],
      truncated: false,
      totalMessages: null,
      text: "Customer called about a refund.\nPlease call back.",
    });
  });

  test("rule 6: an empty description is raw and empty", () => {
    expect(parseTranscript("")).toMatchObject({ format: "raw", text: "", messages: [] });
  });

  test("rule 6: message lines without the opening separator read as a loose transcript", () => {
    const t = parseTranscript(
      "Channel: chat\n[2026-11-20 09:14 UTC] Jane (customer)\nhi\n[2026-11-20 09:15 UTC] Sam (agent)\nhello",
    );
    expect(t.format).toBe("loose");
    expect(t.header.channel).toBe("chat");
    expect(t.messages.map((m) => [m.role, m.body])).toEqual([
      ["customer", "hi"],
      ["agent", "hello"],
    ]);
    expect(t.truncated).toBe(false);
  });

  test("text between the opening separator and the first message is kept as a system note", () => {
    const t = parseTranscript(
      transcript("Channel: email", `(forwarded by Contoso)\n${MSG}\nhi`, "--- End of transcript (2 messages) ---"),
    );
    expect(t.messages[0]).toMatchObject({ role: "system", timestamp: null, body: "(forwarded by Contoso)" });
  });

  test("a byte order mark at the start is ignored", () => {
    expect(parseTranscript(`\ufeff${EXAMPLE_TRANSCRIPT}`)).toEqual(parseTranscript(EXAMPLE_TRANSCRIPT));
  });

  test("a CR inside a body of an LF transcript is data and is kept", () => {
    const t = parseTranscript(transcript("Channel: email", `${MSG}\na\rb\r`));
    expect(t.messages[0]!.body).toBe("a\rb\r");
  });
});
