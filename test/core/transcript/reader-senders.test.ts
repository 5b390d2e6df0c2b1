import { parseTranscript } from "../../../core/transcript/parse";
import { readReplyParts } from "../../../core/transcript/quoted";

const T = "2026-11-20T09:14:03Z";

function thread(lines: string[], header = ""): string {
  return `${header}${header ? "\n\n" : ""}--- Transcript ---\n${lines.join("\n")}\n\n--- End of transcript (${lines.length} messages) ---`;
}

function senders(text: string) {
  return parseTranscript(text).messages.map((m) => [m.sender, m.role]);
}

describe("who wrote each message", () => {
  test("a thread of ten people, the first writing again last, keeps each one's name, address and role", () => {
    const people = Array.from(
      { length: 10 },
      (_, i) => `[${T}] P${i} <p${i}@contoso.com> (${i === 0 ? "customer" : "agent"})\nhi`,
    );
    const read = senders(thread([...people, `[${T}] P0 <p0@contoso.com> (customer)\nagain`]));
    expect(read[0]).toEqual([{ name: "P0", email: "p0@contoso.com" }, "customer"]);
    expect(read[9]).toEqual([{ name: "P9", email: "p9@contoso.com" }, "agent"]);
    expect(read[10]).toEqual([{ name: "P0", email: "p0@contoso.com" }, "customer"]);
  });

  test("the same sender written again keeps the role stated the first time", () => {
    const read = senders(thread([`[${T}] Bot (bot)\na`, `[${T}] Jane (customer)\nb`, `[${T}] Bot (bot)\nc`]));
    expect(read.map(([, role]) => role)).toEqual(["ai", "customer", "ai"]);
  });

  test("a message line with only a role has a sender with no name and no address", () => {
    expect(senders(thread([`[${T}]   (customer)\nhi`, `[${T}] (Agent)\nhello`]))).toEqual([
      [{}, "customer"],
      [{}, "agent"],
    ]);
  });

  test("names with letters beyond ASCII at either end are read like any other", () => {
    expect(
      senders(
        thread([
          `[${T}] Ünal Kaya <unal@contoso.com> (agent)\na`,
          `[${T}] Jane ✉ (customer)\nb`,
          `[${T}] Zoë (Bot)\nc`,
          `[${T}] Ünal (x) (agent)\nd`,
        ]),
      ),
    ).toEqual([
      [{ name: "Ünal Kaya", email: "unal@contoso.com" }, "agent"],
      [{ name: "Jane ✉" }, "customer"],
      [{ name: "Zoë" }, "ai"],
      [{ name: "Ünal (x)" }, "agent"],
    ]);
  });

  test("a name beyond ASCII that ends in a lone parenthesis keeps it", () => {
    expect(senders(thread([`[${T}] Jane (customer)\na`, `[${T}] Ünal :)\nb`]))[1]).toEqual([
      { name: "Ünal :)" },
      "agent",
    ]);
  });

  test("a role after a no-break space is a role with no name and no address", () => {
    expect(senders(thread([`[${T}] \u00a0(customer)\nhi`]))).toEqual([[{}, "customer"]]);
  });

  test("a parenthesis that names no role is part of the name", () => {
    const read = senders(
      thread([`[${T}] Jane (customer)\na`, `[${T}] Ünal (manager)\nb`, `[${T}] Sam (team lead)\nc`]),
    );
    expect(read.slice(1).map(([sender]) => sender)).toEqual([{ name: "Ünal (manager)" }, { name: "Sam (team lead)" }]);
  });

  test("with a customer in the header, a message without a role is the customer's when the address matches in any case", () => {
    const read = senders(
      thread(
        [
          `[${T}] JANE@CONTOSO.COM\na`,
          `[${T}] Sam <sam@contoso.com>\nb`,
          `[${T}] jane doe\nc`,
          `[${T}] Jane Doe <other@contoso.com>\nd`,
        ],
        "Customer: Jane Doe <jane@contoso.com>",
      ),
    );
    expect(read.map(([, role]) => role)).toEqual(["customer", "agent", "customer", "agent"]);
  });

  test("with a customer in the header, a sender named otherwise with no address is an agent", () => {
    const read = senders(thread([`[${T}] Sam Lee\na`, `[${T}] Jane Doe\nb`], "Customer: Jane Doe <jane@contoso.com>"));
    expect(read.map(([, role]) => role)).toEqual(["agent", "customer"]);
  });

  test("with a customer named but no address in the header, a sender with an address is not matched by name", () => {
    const read = senders(thread([`[${T}] Jane Doe <jane@contoso.com>\na`, `[${T}] jane doe\nb`], "Customer: Jane Doe"));
    expect(read.map(([, role]) => role)).toEqual(["agent", "customer"]);
  });

  test("with no customer in the header, whoever wrote first is the customer", () => {
    const read = senders(
      thread([
        `[${T}] Jane <jane@contoso.com>\na`,
        `[${T}] Sam <sam@contoso.com>\nb`,
        `[${T}] JANE <Jane@Contoso.com>\nc`,
      ]),
    );
    expect(read.map(([, role]) => role)).toEqual(["customer", "agent", "customer"]);
  });
});

describe("descriptions that are not what they seem", () => {
  test("a description that is not text reads as an empty one", () => {
    expect(parseTranscript(undefined as unknown as string)).toEqual({
      format: "raw",
      header: { extra: [] },
      messages: [],
      truncated: false,
      totalMessages: null,
      text: "",
    });
  });

  test("a byte order mark before the header is not part of it", () => {
    expect(parseTranscript(`\ufeff${thread([`[${T}] Jane (customer)\nhi`], "Channel: email")}`).header.channel).toBe(
      "email",
    );
  });

  test("an escaped line before the first message is kept, unescaped, as a note from the system", () => {
    const t = parseTranscript(thread([`\\[${T}] not a message`, `[${T}] Jane (customer)\nhi`]));
    expect(t.messages[0]).toMatchObject({ timestamp: null, sender: {}, role: "system", body: `[${T}] not a message` });
    expect(t.messages[1]).toMatchObject({ sender: { name: "Jane" }, role: "customer", body: "hi" });
  });
});

describe("long bodies", () => {
  test("a quote below a hundred lines of reply is found where it starts", () => {
    const reply = Array.from({ length: 100 }, (_, i) => `Line ${i} of the reply.`).join("\n");
    const body = `${reply}\n\nOn Wed, 19 Nov 2026 at 18:02, Sam <sam@contoso.com> wrote:\n> Your invoice.\n> Regards`;
    expect(readReplyParts(body)).toEqual({
      quoted: [{ start: body.indexOf("On Wed"), end: body.length }],
      signature: null,
    });
  });

  test("quotes spread over three hundred lines are each found", () => {
    const block = (i: number) => `Answer ${i}.\n> Question ${i}?`;
    const body = Array.from({ length: 150 }, (_, i) => block(i)).join("\n");
    const quoted = readReplyParts(body).quoted;
    expect(quoted).toHaveLength(1);
    expect(quoted[0]).toEqual({ start: body.lastIndexOf("> Question 149?"), end: body.length });
  });
});
