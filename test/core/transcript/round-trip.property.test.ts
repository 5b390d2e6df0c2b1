/**
 * PRODUCT.md §4 rule 4: "any text round-trips: parse(write(t)) == t", and rule 6: the reader never throws.
 */
import fc from "fast-check";
import { parseTranscript } from "../../../core/transcript/parse";
import type { Handoff, HandoffMessage, Party } from "../../../core/transcript/types";
import { composeTranscript, writeTranscript } from "../../../core/transcript/write";
import { propertyRuns } from "../../fixtures/property-runs";

/** Lines chosen to look like the format's own structure, plus unicode that tends to break text handling. */
const hostileLine = fc.oneof(
  fc.constantFrom(
    "[2026-11-20T09:14:03Z] Mallory <m@evil.example> (agent)",
    "[2026-11-20 09:14 UTC] Mallory",
    "2026-11-20T09:14:03Z Mallory (customer)",
    "2026-11-20 09:14:03 UTC",
    "--- Transcript ---",
    "--- End of transcript (3 messages) ---",
    "--- End of transcript (1 message) ---",
    '--- Transcript truncated: 1 of 2 messages shown; full transcript in note "Handoff transcript" ---',
    "---transcript---",
    "Subject: Not the subject",
    "subject:",
    "\\",
    "\\[2026-11-20T09:14:03Z] x",
    "> quoted",
    "On Tue, 19 Nov 2026, Jane wrote:",
    "-----Original Message-----",
    "From: x",
    "Sent: y",
    "Channel: email",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[link](javascript:alert(1))",
    "مرحبا بالعالم — שלום",
    "👩‍👩‍👧‍👦🎉🏳️‍🌈",
    "\u202eevil\u202c",
    "a\u2028b\u2029c",
    "",
    " ",
    "\r",
    "tail\r",
    "\u0000\u0007",
  ),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

const body = fc.oneof(
  fc.array(hostileLine, { maxLength: 8 }).map((lines) => lines.join("\n")),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constant(""),
);

const party = fc.record(
  { name: fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), hostileLine), email: fc.emailAddress() },
  { requiredKeys: [] },
);

const message: fc.Arbitrary<HandoffMessage> = fc.record(
  {
    // null: an email whose time is unknown (no readable Date: or Received: header).
    timestamp: fc.oneof(
      {
        weight: 9,
        arbitrary: fc
          .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true })
          .map((d) => d.toISOString()),
      },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    from: party,
    role: fc.constantFrom("customer", "agent", "ai", "system", "Bot", "ASSISTANT"),
    subject: fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), hostileLine),
    body,
  },
  { requiredKeys: ["timestamp", "from", "role", "body"] },
);

const handoff: fc.Arbitrary<Handoff> = fc.record(
  {
    handoffId: fc.uuid(),
    channel: fc.constantFrom("email", "chat", "web form"),
    classification: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ""),
    sentiment: fc.oneof(fc.constantFrom("Negative", "very positive", "neg", "grumpy"), fc.integer({ min: -3, max: 3 })),
    summary: fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), hostileLine),
    sessionUrl: fc.webUrl(),
    customer: party,
    messages: fc.array(message, { maxLength: 6 }),
  },
  { requiredKeys: ["handoffId", "channel", "classification", "sentiment", "customer", "messages"] },
);

// What the reader must give back, written here from PRODUCT.md §4 and §4.1 rather than taken from the writer, so a
// writer and reader that drift together still fail: header values and names on one line, names without angle
// brackets, addresses without white space or brackets, roles and sentiments in their documented vocabulary.
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();

/** The generator's roles and what §4 rule 3 makes of them (aliases "bot" and "assistant" are the AI). */
const ROLE: Record<string, string> = {
  customer: "customer",
  agent: "agent",
  ai: "ai",
  system: "system",
  Bot: "ai",
  ASSISTANT: "ai",
};

/** The generator's sentiments and the label §4.1 gives each; text outside the vocabulary is kept as it is. */
const SENTIMENT: Record<string, string> = {
  Negative: "Negative",
  "very positive": "Very positive",
  neg: "Negative",
  grumpy: "grumpy",
  "-3": "Very negative",
  "-2": "Very negative",
  "-1": "Negative",
  "0": "Neutral",
  "1": "Positive",
  "2": "Very positive",
  "3": "Very positive",
};

function expectedParty(p: Party | undefined): Party {
  const name = oneLine(p?.name ?? "")
    .replace(/[<>]/g, "")
    .trim();
  const email = (p?.email ?? "").replace(/[\s<>()]/g, "");
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function expectedHeader(h: Handoff) {
  const customer = expectedParty(h.customer);
  const summary = h.summary === undefined ? "" : oneLine(h.summary);
  return {
    channel: oneLine(h.channel),
    classification: oneLine(h.classification),
    sentiment: SENTIMENT[String(h.sentiment)],
    ...(customer.name || customer.email ? { customer } : {}),
    ...(h.sessionUrl ? { session: oneLine(h.sessionUrl) } : {}),
    handoffId: h.handoffId,
    ...(summary ? { summary } : {}),
    extra: [],
  };
}

function expectedMessages(h: Handoff) {
  return h.messages.map((m) => {
    const subject = m.subject === undefined ? "" : oneLine(m.subject);
    return {
      timestamp: m.timestamp === null ? null : new Date(m.timestamp).toISOString().replace(".000Z", "Z"),
      sender: expectedParty(m.from),
      role: ROLE[m.role],
      ...(subject ? { subject } : {}),
      body: m.body,
    };
  });
}

describe("round trip", () => {
  test("parse(write(h)) gives back the same header and messages for any handoff", () => {
    fc.assert(
      fc.property(handoff, (h) => {
        const parsed = parseTranscript(writeTranscript(h, { maxLength: null }));
        expect(parsed.format).toBe("e2c-transcript/1");
        expect(parsed.truncated).toBe(false);
        expect(parsed.totalMessages).toBe(h.messages.length);
        expect(parsed.header).toEqual(expectedHeader(h));
        expect(parsed.messages.map(({ quoted: _quoted, signature: _signature, ...m }) => m)).toEqual(
          expectedMessages(h),
        );
      }),
      { numRuns: propertyRuns(400) },
    );
  });

  test("a cut transcript gives back exactly the messages it says it shows", () => {
    fc.assert(
      fc.property(handoff, fc.integer({ min: 400, max: 3000 }), (h, maxLength) => {
        const composed = composeTranscript(h, { maxLength });
        expect(composed.text.length).toBeLessThanOrEqual(maxLength);
        const parsed = parseTranscript(composed.text);
        expect(parsed.messages.map(({ quoted: _quoted, signature: _signature, ...m }) => m)).toEqual(
          expectedMessages(h).slice(0, composed.shownMessages),
        );
        expect(parsed.truncated).toBe(composed.truncated);
      }),
      { numRuns: propertyRuns(200) },
    );
  });

  test("quoted ranges always lie inside their message body", () => {
    fc.assert(
      fc.property(handoff, (h) => {
        for (const m of parseTranscript(writeTranscript(h, { maxLength: null })).messages) {
          for (const q of m.quoted) {
            expect(q.start).toBeGreaterThanOrEqual(0);
            expect(q.end).toBeLessThanOrEqual(m.body.length);
            expect(q.start).toBeLessThanOrEqual(q.end);
          }
        }
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});

describe("the reader never throws", () => {
  test("for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        expect(() => parseTranscript(text)).not.toThrow();
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  test("for any mix of transcript-looking lines, CRLF and HTML", () => {
    const lines = fc.array(
      fc.oneof(hostileLine, fc.constantFrom("<p>", "</p>", "<br>", "&amp;", "&#x0;", "&#99999999;")),
      {
        maxLength: 30,
      },
    );
    fc.assert(
      fc.property(lines, fc.constantFrom("\n", "\r\n", ""), (ls, eol) => {
        const parsed = parseTranscript(ls.join(eol));
        expect(["e2c-transcript/1", "loose", "raw"]).toContain(parsed.format);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });
});
