import { formatParty, parseParty } from "../../../core/transcript/header";
import { parseTranscript } from "../../../core/transcript/parse";

const BODY = "[2026-11-20T09:14:03Z] Jane Doe <jane@contoso.com> (customer)\nhi";

function headerOf(lines: string) {
  return parseTranscript(`${lines}\n\n--- Transcript ---\n${BODY}\n\n--- End of transcript (1 messages) ---`).header;
}

describe("a customer written as name and address", () => {
  test("spaces around the name and inside the brackets are not part of either", () => {
    expect(parseParty("  Jane Doe  < jane@contoso.com >  ")).toEqual({ name: "Jane Doe", email: "jane@contoso.com" });
  });

  test("a bare address is an address", () => {
    expect(parseParty("jane@contoso.com")).toEqual({ email: "jane@contoso.com" });
  });

  test("a name alone is a name, without the spaces around it", () => {
    expect(parseParty("  Jane Doe  ")).toEqual({ name: "Jane Doe" });
  });

  test("empty brackets leave only the name", () => {
    expect(parseParty("Jane Doe <>")).toEqual({ name: "Jane Doe" });
  });

  test("nothing at all is no name and no address", () => {
    expect(parseParty("")).toEqual({});
    expect(parseParty("   ")).toEqual({});
  });

  test("a name ending in > with no < is a name", () => {
    expect(parseParty("Jane Doe>")).toEqual({ name: "Jane Doe>" });
  });

  test("text after the bracketed address makes the whole a name", () => {
    expect(parseParty("Jane Doe <jane@contoso.com> x>")).toEqual({ name: "Jane Doe <jane@contoso.com> x>" });
    expect(parseParty("Jane Doe <jane@contoso.com>x>")).toEqual({ name: "Jane Doe <jane@contoso.com>x>" });
  });

  test("a name holding < keeps it; the last bracketed part is the address", () => {
    expect(parseParty("Jane <Billing<jane@contoso.com>")).toEqual({ name: "Jane <Billing", email: "jane@contoso.com" });
    expect(parseParty("Jane <Billing < jane@contoso.com >")).toEqual({
      name: "Jane <Billing",
      email: "jane@contoso.com",
    });
  });

  test("a name holding < with empty brackets after it keeps only the name", () => {
    expect(parseParty("Jane <Billing <>")).toEqual({ name: "Jane <Billing" });
  });

  test("a name that looks like an address is written with empty brackets, so it reads back as a name", () => {
    expect(formatParty({ name: "jane@contoso.com" })).toBe("jane@contoso.com <>");
    expect(parseParty("jane@contoso.com <>")).toEqual({ name: "jane@contoso.com" });
  });
});

describe("transcript header lines", () => {
  test("an indented line continues the value above it", () => {
    expect(headerOf("Summary: Charged twice\n  for November.").summary).toBe("Charged twice for November.");
  });

  test("an indented line continues an unknown key's value too", () => {
    expect(headerOf("Ticket: 42\n\tand 43").extra).toEqual([["Ticket", "42 and 43"]]);
  });

  test("a line that is no header line is kept as it is, and is not appended to the key above", () => {
    expect(headerOf("Channel: email\nfree text here").extra).toEqual([["", "free text here"]]);
    expect(headerOf("Channel: email\nfree text here").channel).toBe("email");
  });

  test("an indented line after a line that is no header line is kept on its own", () => {
    expect(headerOf("Ticket: 42\nfree text\n  indented").extra).toEqual([
      ["Ticket", "42"],
      ["", "free text"],
      ["", "indented"],
    ]);
  });

  test("spaces before the colon and after the value are not part of key or value", () => {
    const header = headerOf("Channel : email  \nTicket : 42  ");
    expect(header.channel).toBe("email");
    expect(header.extra).toEqual([["Ticket", "42"]]);
  });

  test("a key with no value continued on an indented line takes that line as its value", () => {
    expect(headerOf("Ticket:\n  42").extra).toEqual([["Ticket", "42"]]);
  });

  test("a line of spaces in the header is no line", () => {
    expect(headerOf("   \nChannel: email").extra).toEqual([]);
    expect(headerOf("free text\n \t \nChannel: email").extra).toEqual([["", "free text"]]);
  });

  test("a key with no value is kept with an empty value", () => {
    expect(headerOf("Ticket:").extra).toEqual([["Ticket", ""]]);
  });

  test("a repeated known key keeps the first value; the second is kept among the other lines", () => {
    const header = headerOf("Channel: email\nChannel: chat");
    expect(header.channel).toBe("email");
    expect(header.extra).toEqual([["Channel", "chat"]]);
  });

  test("a customer line with nothing after the colon is a customer with no name and no address", () => {
    expect(headerOf("Customer:").customer).toEqual({});
  });
});
