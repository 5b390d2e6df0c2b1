/** What a handoff is refused for, against the lengths of the columns it is written into, word for word. */
import { handoffLimitProblems, splitName, utf8Length, type LimitFacts } from "../../../core/connector/handoff-limits";
import { customerFields } from "../../../core/connector/handoff-plan";
import type { Handoff } from "../../../core/transcript/types";
import { exampleHandoff } from "../../fixtures/handoffs";
import { incidentTable } from "../../fixtures/connector";

const INCIDENT = incidentTable({
  e2c_sessionurl: { type: "String", maxLength: 41 },
  e2c_handoffid: { type: "String", maxLength: 36 },
  e2c_classification: { type: "String", maxLength: 7 },
});
const FACTS: LimitFacts = { incident: INCIDENT, maxUploadBytes: 5242880 };

function handoff(change: (h: Handoff) => void = () => undefined): Handoff {
  const h = exampleHandoff();
  change(h);
  return h;
}
const problems = (h: Handoff, facts: Partial<LimitFacts> = {}, file = "") =>
  handoffLimitProblems(h, customerFields(h), { ...FACTS, ...facts }, file);

describe("the handoff fits the environment", () => {
  test("the example handoff, each field exactly as long as its column allows, is accepted", () => {
    expect(problems(handoff())).toEqual([]);
  });
});

describe("the case's columns", () => {
  test("a session URL, a handoff id and a classification one character too long, each named", () => {
    const h = handoff((x) => {
      x.sessionUrl = "https://support.example.com/sessions/47110";
      x.handoffId = "7f3e2a9c-5b1d-4c1e-9a55-0d7f6c1b2e100";
      x.classification = " Billing2 ";
    });
    expect(problems(h)).toEqual([
      {
        field: "sessionUrl",
        message:
          "is 42 characters; the case's session URL column (e2c_sessionurl) holds at most 41 in this environment: send a shorter link",
      },
      {
        field: "handoffId",
        message:
          "is 37 characters; the case's handoff id column (e2c_handoffid) holds at most 36 in this environment: use a shorter id",
      },
      {
        field: "classification",
        message:
          "is 8 characters; the case's classification column (e2c_classification) holds at most 7 in this environment: use a shorter classification",
      },
    ]);
  });

  test("spaces around a classification do not count", () => {
    expect(problems(handoff((x) => (x.classification = "  Billing  ")))).toEqual([]);
  });

  test("a field that is not text is left to the handoff's own validation", () => {
    const h = handoff((x) => {
      (x as unknown as Record<string, unknown>).sessionUrl = 42;
      (x as unknown as Record<string, unknown>).handoffId = 42;
      (x as unknown as Record<string, unknown>).classification = 42;
    });
    expect(problems(h)).toEqual([]);
  });
});

describe("the contact's columns", () => {
  test("an address, a first name, a last name and a phone one character too long, each named", () => {
    const h = handoff((x) => {
      x.customer = {
        name: "Janet Doe-Smith",
        email: "jane.doe@contoso.com",
        phone: " +1 425 555 01000 ",
      } as Handoff["customer"];
    });
    const limits = { emailaddress1: 19, firstname: 4, lastname: 8, telephone1: 15 };
    expect(problems(h, { contactTextLimits: limits })).toEqual([
      {
        field: "customer.email",
        message:
          "is 20 characters; a contact's email (emailaddress1) holds at most 19 in this environment: check the address",
      },
      {
        field: "customer.name",
        message:
          "its first name is 5 characters; a contact's first name (firstname) holds at most 4 in this environment: send a shorter name",
      },
      {
        field: "customer.name",
        message:
          "its last name is 9 characters; a contact's last name (lastname) holds at most 8 in this environment: send a shorter name",
      },
      {
        field: "customer.phone",
        message:
          "is 16 characters; a contact's phone (telephone1) holds at most 15 in this environment: send the number alone",
      },
    ]);
  });

  test("each exactly as long as its column is accepted", () => {
    const h = handoff((x) => {
      x.customer = {
        name: "Jane Doe-Smit",
        email: "jane.doe@contoso.com",
        phone: "+1 425 555 0100",
      } as Handoff["customer"];
    });
    expect(
      problems(h, { contactTextLimits: { emailaddress1: 20, firstname: 4, lastname: 8, telephone1: 15 } }),
    ).toEqual([]);
  });

  test("Dataverse's default lengths when the environment does not say", () => {
    const h = handoff((x) => {
      x.customer = { name: "Jane Doe", email: `${"j".repeat(89)}@contoso.com` };
    });
    expect(problems(h).map((p) => p.message)).toEqual([
      "is 101 characters; a contact's email (emailaddress1) holds at most 100 in this environment: check the address",
    ]);
  });

  test("a one-word name has only a last name to measure", () => {
    const h = handoff((x) => {
      x.customer = { name: "Cher", email: "cher@contoso.com" };
    });
    expect(problems(h, { contactTextLimits: { firstname: 1, lastname: 4 } })).toEqual([]);
  });

  test("a phone that is not text", () => {
    const h = handoff((x) => {
      x.customer = {
        name: "Jane Doe",
        email: "jane.doe@contoso.com",
        phone: 4255550100,
      } as unknown as Handoff["customer"];
    });
    expect(problems(h)).toEqual([
      { field: "customer.phone", message: 'must be text, such as "+1 425 555 0100", not number 4255550100' },
    ]);
  });

  test("no phone, or a null one, is no problem", () => {
    const h = handoff((x) => {
      x.customer = { name: "Jane Doe", email: "jane.doe@contoso.com", phone: null } as unknown as Handoff["customer"];
    });
    expect(problems(h)).toEqual([]);
    expect(problems(handoff((x) => delete (x as { customer?: unknown }).customer))).toEqual([]);
  });
});

describe("sentiment", () => {
  test.each([
    [" 3.5 ", "3.5 is outside the score range -3 to 3"],
    ["+4", "+4 is outside the score range -3 to 3"],
    ["-9.75", "-9.75 is outside the score range -3 to 3"],
    [".5", null],
    [-3.01, "-3.01 is outside the score range -3 to 3"],
  ])("%j", (sentiment, start) => {
    const found = problems(handoff((x) => ((x as unknown as Record<string, unknown>).sentiment = sentiment)));
    if (start === null) expect(found.map((p) => p.field)).not.toContain("sentiment");
    else
      expect(found).toEqual([
        {
          field: "sentiment",
          message: `${start}; send one of Microsoft's seven labels instead: Very negative, Negative, Slightly negative, Neutral, Slightly positive, Positive, Very positive`,
        },
      ]);
  });

  test("a word that is no sentiment names the labels and the score range", () => {
    expect(problems(handoff((x) => (x.sentiment = "grumpy")))).toEqual([
      {
        field: "sentiment",
        message:
          '"grumpy" is not a sentiment: send one of Microsoft\'s seven labels (Very negative, Negative, Slightly negative, Neutral, Slightly positive, Positive, Very positive) or a score from -3 to 3',
      },
    ]);
  });

  test("a number written with words around it is not a score", () => {
    expect(problems(handoff((x) => (x.sentiment = "score 9")))[0]?.message).toMatch(/^"score 9" is not a sentiment/);
  });

  test("a sentiment that is neither text nor a number is left to the handoff's own validation", () => {
    expect(problems(handoff((x) => ((x as unknown as Record<string, unknown>).sentiment = true)))).toEqual([]);
  });
});

describe("the messages", () => {
  test("no message at all", () => {
    expect(problems(handoff((x) => (x.messages = [])))).toEqual([
      {
        field: "messages",
        message: "is empty: a handoff carries at least one message, the conversation the case is about",
      },
    ]);
  });

  test("a transcript file over the maximum file size is refused at the longest message", () => {
    const h = handoff((x) => {
      x.messages[0]!.body = "a".repeat(30);
      x.messages[1]!.body = "b".repeat(31);
      x.messages.push({ ...x.messages[0]!, body: "c".repeat(31) });
    });
    expect(problems(h, { maxUploadBytes: 10 }, "é".repeat(6))).toEqual([
      {
        field: "messages[1].body",
        message:
          "is 31 characters: the full transcript (12 bytes) goes into a note on the case, and this environment accepts files up to 10 bytes (System Settings → Email → maximum file size): shorten the message",
      },
    ]);
  });

  test("a transcript file exactly the maximum size, or none, is accepted", () => {
    expect(problems(handoff(), { maxUploadBytes: 12 }, "é".repeat(6))).toEqual([]);
    expect(problems(handoff(), { maxUploadBytes: 0 }, "")).toEqual([]);
  });
});

describe("sizes and names", () => {
  test("UTF-8 sizes at the edges of each width", () => {
    expect(utf8Length("\u007f")).toBe(1);
    expect(utf8Length("\u0080")).toBe(2);
    expect(utf8Length("\u07ff")).toBe(2);
    expect(utf8Length("\u0800")).toBe(3);
    expect(utf8Length("\ud7ff")).toBe(3);
    expect(utf8Length("\ud800\udc00")).toBe(4);
    expect(utf8Length("\udbff\udfff")).toBe(4);
    expect(utf8Length("\ue000")).toBe(3);
  });

  test("two characters of three bytes each are six bytes, not one of four", () => {
    expect(utf8Length("\u0800\u0800")).toBe(6);
    expect(utf8Length("\ue000\ue000")).toBe(6);
  });

  test("a lone high surrogate at the end is three bytes, as its replacement character is", () => {
    expect(utf8Length("a\ud83d")).toBe(4);
  });

  test("a name that starts with a space is still one word", () => {
    expect(splitName(" Cher")).toEqual({ lastname: "Cher" });
  });
});
