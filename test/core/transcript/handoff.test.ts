import { validateHandoff } from "../../../core/transcript/handoff";
import { exampleHandoff } from "../../fixtures/handoffs";

const fields = (input: unknown) => validateHandoff(input).map((p) => p.field);

describe("a handoff is validated before anything is written (PRODUCT.md §8)", () => {
  test("the example handoff is valid", () => {
    expect(validateHandoff(exampleHandoff())).toEqual([]);
  });

  test("a handoff that is not an object is refused", () => {
    expect(validateHandoff([])).toEqual([{ field: "(root)", message: "a handoff must be a JSON object" }]);
  });

  test("required fields are named when missing", () => {
    expect(fields({ messages: [] })).toEqual(["handoffId", "channel", "classification", "sentiment", "customer"]);
  });

  test("the handoff id fits e2c_handoffid (100 characters)", () => {
    expect(validateHandoff({ ...exampleHandoff(), handoffId: "x".repeat(101) })).toEqual([
      { field: "handoffId", message: "is 101 characters; at most 100" },
    ]);
  });

  test("the classification fits e2c_classification (100 characters)", () => {
    expect(fields({ ...exampleHandoff(), classification: "c".repeat(101) })).toEqual(["classification"]);
  });

  test("the session link must be an http(s) URL", () => {
    expect(fields({ ...exampleHandoff(), sessionUrl: "javascript:alert(1)" })).toEqual(["sessionUrl"]);
  });

  test("addresses must be email addresses", () => {
    const h = exampleHandoff();
    h.messages[0]!.from.email = "jane at contoso";
    expect(fields({ ...h, customer: { email: "nope" } })).toEqual(["customer.email", "messages[0].from.email"]);
  });

  test("a timestamp needs a date, a time and a zone", () => {
    const h = exampleHandoff();
    h.messages[0]!.timestamp = "2026-11-20 09:14";
    expect(fields(h)).toEqual(["messages[0].timestamp"]);
  });

  test("attachments need a file name, a content type and base64 content", () => {
    const h = exampleHandoff();
    h.messages[0]!.attachments = [{ filename: "", contentType: "application/pdf", contentBase64: "not base64!" }];
    expect(fields(h)).toEqual(["messages[0].attachments[0].filename", "messages[0].attachments[0].contentBase64"]);
  });

  test("a sentiment may be a label or a score", () => {
    expect(validateHandoff({ ...exampleHandoff(), sentiment: -0.5 })).toEqual([]);
    expect(fields({ ...exampleHandoff(), sentiment: { score: 1 } })).toEqual(["sentiment"]);
  });

  test("an empty conversation is allowed: it is written as zero messages", () => {
    expect(validateHandoff({ ...exampleHandoff(), messages: [] })).toEqual([]);
  });
});
