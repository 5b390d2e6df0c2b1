// PRODUCT.md §9: transcript parse ≥ 100 MB/s on a 5 MB transcript, and within 3× of one split("\n") pass over
// the same text. Measured, reported, never asserted in npm test.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { writeTranscript, parseTranscript, readReplyParts } = require("../../dist/core/transcript/index.js");

/**
 * A deterministic transcript of at least `bytes` characters, shaped like an email thread: short notes, replies that
 * quote the previous message, Outlook header blocks and long paragraphs (about 1 KB a message on average).
 */
export function generateTranscript(bytes) {
  const paragraph = "I checked the statement again this morning and the second charge is still there. ".repeat(6);
  const bodies = [
    `Hello,\n\n${paragraph}\n\n${paragraph}\n\nBest regards,\nJane Doe\nContoso Ltd.`,
    `Thanks for the details.\n\n${paragraph}\n\nOn Tue, 19 Nov 2026 at 18:02, Jane Doe <jane@contoso.com> wrote:\n${paragraph
      .match(/.{1,70}/g)
      .map((l) => `> ${l}`)
      .join("\n")}`,
    "Hi team,\nI was charged twice for November. Could you look into it?\nThanks, Jane",
    "Thanks for reaching out.\n\nOn Tue, 19 Nov 2026 at 18:02, Contoso Billing <billing@contoso.com> wrote:\n> Your invoice is attached.\n> Kind regards",
    "Please see below.\n\nFrom: Contoso Billing <billing@contoso.com>\nSent: Tuesday, November 19, 2026 6:02 PM\nTo: Jane Doe\nSubject: Invoice\n\nYour invoice is attached.",
    "A long line: " + "lorem ipsum dolor sit amet ".repeat(20),
    "Short one.",
  ];
  const messages = [];
  let size = 0;
  for (let i = 0; size < bytes * 1.02; i++) {
    const body = bodies[i % bodies.length];
    size += body.length + 70;
    messages.push({
      timestamp: new Date(Date.UTC(2026, 10, 20, 9, 0, 0) + i * 1000).toISOString(),
      from: i % 2 ? { name: "Sam Agent", email: "sam@contoso.com" } : { name: "Jane Doe", email: "jane@contoso.com" },
      role: i % 2 ? "agent" : "customer",
      subject: i % 7 === 0 ? "Charged twice" : undefined,
      body,
    });
  }
  return writeTranscript(
    {
      handoffId: "bench",
      channel: "email",
      classification: "Billing",
      sentiment: "Negative",
      customer: { name: "Jane Doe", email: "jane@contoso.com" },
      messages,
    },
    { maxLength: null },
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

export default function run() {
  const text = generateTranscript(5 * 1024 * 1024);
  const megabytes = Buffer.byteLength(text, "utf8") / (1024 * 1024);
  let messages = 0;
  for (let i = 0; i < 3; i++) messages = parseTranscript(text).messages.length; // warm-up
  const parseMs = time(() => parseTranscript(text), 15);
  const splitMs = time(() => text.split("\n"), 15);
  const throughput = megabytes / (parseMs / 1000);
  const ratio = parseMs / splitMs;
  // Folding alone (quoted ranges and signature of every message), the part of parsing that reads reply text.
  const bodies = parseTranscript(text).messages.map((m) => m.body);
  let folded = 0;
  const foldMs = time(() => {
    folded = 0;
    for (const body of bodies) if (readReplyParts(body).quoted.length > 0) folded++;
  }, 15);
  return [
    { name: "transcript size", value: `${megabytes.toFixed(2)} MB, ${messages} messages` },
    {
      name: "transcript parse throughput",
      value: `${throughput.toFixed(0)} MB/s`,
      budget: "≥ 100 MB/s",
      ok: throughput >= 100,
    },
    {
      name: "folding quoted text and signatures",
      value: `${(megabytes / (foldMs / 1000)).toFixed(0)} MB/s (${foldMs.toFixed(1)} ms, ${folded} of ${bodies.length} messages fold a quote)`,
    },
    {
      name: 'parse time / split("\\n") time',
      value: `${ratio.toFixed(2)}× (${parseMs.toFixed(1)} ms / ${splitMs.toFixed(1)} ms)`,
      budget: "≤ 3×",
      ok: ratio <= 3,
    },
  ];
}
