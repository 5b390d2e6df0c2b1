/** The handoff against the columns it is written into (PRODUCT.md §8 point 1, §4.1), decided without Dataverse. */
import { handoffLimitProblems, splitName, utf8Length } from "../../../core/connector/handoff-limits";
import { customerFields } from "../../../core/connector/handoff-plan";
import type { Handoff } from "../../../core/transcript/types";
import { builtInTable, handoff } from "../../emulator/helpers";

const facts = { incident: builtInTable("incident"), maxUploadBytes: 5242880 };
const problems = (h: Handoff, more: Partial<typeof facts> & Record<string, unknown> = {}, file = "") =>
  handoffLimitProblems(h, customerFields(h), { ...facts, ...more }, file);

describe("sentiment: Microsoft's seven labels, or a score from -3 to 3", () => {
  test.each(["Very negative", "slightly POSITIVE", "neg", -1, "0.4", 3, -3])("%p is accepted", (sentiment) => {
    expect(problems(handoff({ sentiment }))).toEqual([]);
  });
  test.each([99, "99", 3.5, -4, "Furious", "very furious"])("%p is refused, naming the labels", (sentiment) => {
    const [problem] = problems(handoff({ sentiment }));
    expect(problem!.field).toBe("sentiment");
    expect(problem!.message).toContain("Very negative, Negative, Slightly negative, Neutral, Slightly positive");
  });
});

describe("lengths come from the environment's metadata", () => {
  test("a contact column shorter in this environment is the limit", () => {
    const [problem] = problems(handoff({ customer: { name: "Janet Doe", email: "jane@contoso.com" } }), {
      contactTextLimits: { firstname: 4 },
    });
    expect(problem).toEqual({
      field: "customer.name",
      message:
        "its first name is 5 characters; a contact's first name (firstname) holds at most 4 in this environment: send a shorter name",
    });
  });

  test("the name and address of the first customer message are named by their field when the customer has none", () => {
    const h = handoff({ customer: {} });
    h.messages[0]!.from = { name: `Jane ${"D".repeat(51)}`, email: `${"j".repeat(101)}@x.example` };
    expect(problems(h).map((p) => p.field)).toEqual(["messages[0].from.email", "messages[0].from.name"]);
  });

  test("without the solution's columns, the session URL is not limited by them", () => {
    const incident = builtInTable("incident");
    delete incident.columns.e2c_sessionurl;
    expect(problems(handoff({ sessionUrl: `https://x.example/${"s".repeat(600)}` }), { incident })).toEqual([]);
  });
});

describe("the full transcript note", () => {
  test("a file larger than the environment's maximum file size is refused at the largest message", () => {
    const h = handoff();
    h.messages[1]!.body = "é".repeat(500);
    const [problem] = problems(h, { maxUploadBytes: 10 }, "a transcript of more than ten bytes");
    expect(problem!.field).toBe("messages[1].body");
    expect(problem!.message).toContain("this environment accepts files up to 10 bytes");
  });
});

test("utf8Length counts the bytes of a file: 1, 2, 3 and 4-byte characters", () => {
  expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
  expect(utf8Length("aé€😀")).toBe(Buffer.byteLength("aé€😀"));
});

test("splitName: the last word is the last name", () => {
  expect(splitName("  Mary   Ann Smith ")).toEqual({ firstname: "Mary Ann", lastname: "Smith" });
  expect(splitName("Cher")).toEqual({ lastname: "Cher" });
});
