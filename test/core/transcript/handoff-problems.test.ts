import { HandoffValidationError, parseHandoff, validateHandoff } from "../../../core/transcript/handoff";
import { exampleHandoff } from "../../fixtures/handoffs";

/** The example handoff with its first message replaced by `message` (merged over a valid one). */
function withMessage(message: Record<string, unknown>): unknown {
  const h = exampleHandoff();
  return { ...h, messages: [{ ...h.messages[1], ...message }] };
}

describe("each problem with a handoff is named with its field and what is wrong", () => {
  test("header fields of the wrong type, blank or null", () => {
    expect(
      validateHandoff({
        ...exampleHandoff(),
        handoffId: null,
        channel: 7,
        classification: "   ",
        summary: 12,
        sessionUrl: 12,
        sentiment: null,
      }),
    ).toEqual([
      { field: "handoffId", message: "is required" },
      { field: "channel", message: "must be text, not number" },
      { field: "classification", message: "must not be empty" },
      { field: "summary", message: "must be text, not number" },
      { field: "sessionUrl", message: "must be text, not number" },
      { field: "sentiment", message: "is required" },
    ]);
  });

  test("optional header fields may be missing or null; a summary may be empty", () => {
    expect(validateHandoff({ ...exampleHandoff(), summary: "", sessionUrl: null })).toEqual([]);
    const h: Record<string, unknown> = { ...exampleHandoff() };
    delete h.summary;
    delete h.sessionUrl;
    expect(validateHandoff(h)).toEqual([]);
  });

  test("a handoff id of exactly 100 characters fits", () => {
    expect(validateHandoff({ ...exampleHandoff(), handoffId: "x".repeat(100) })).toEqual([]);
  });

  test("a session link must be a link and nothing after it", () => {
    expect(validateHandoff({ ...exampleHandoff(), sessionUrl: "https://x.example/a b" })).toEqual([
      { field: "sessionUrl", message: "must be an http(s) URL" },
    ]);
    expect(validateHandoff({ ...exampleHandoff(), sessionUrl: "see https://x.example/a" })).toEqual([
      { field: "sessionUrl", message: "must be an http(s) URL" },
    ]);
    expect(validateHandoff({ ...exampleHandoff(), sessionUrl: "HTTP://x.example/a" })).toEqual([]);
  });

  test("a sentiment that is neither a label nor a score", () => {
    expect(validateHandoff({ ...exampleHandoff(), sentiment: { score: -1 } })).toEqual([
      { field: "sentiment", message: 'must be a label such as "Negative" or a score such as -1' },
    ]);
    expect(validateHandoff({ ...exampleHandoff(), sentiment: undefined })).toEqual([
      { field: "sentiment", message: "is required" },
    ]);
  });

  test("messages that are not a list", () => {
    expect(validateHandoff({ ...exampleHandoff(), messages: { 0: {} } })).toEqual([
      { field: "messages", message: "must be an array of messages" },
    ]);
  });

  test("a message that is not an object, or is a list", () => {
    expect(validateHandoff({ ...exampleHandoff(), messages: ["hi", null, []] })).toEqual([
      { field: "messages[0]", message: "must be an object" },
      { field: "messages[1]", message: "must be an object" },
      { field: "messages[2]", message: "must be an object" },
    ]);
  });

  test("a message with every field wrong", () => {
    expect(
      validateHandoff(
        withMessage({ timestamp: 1763630043000, from: null, role: 1, subject: 5, body: null, attachments: "a.pdf" }),
      ),
    ).toEqual([
      {
        field: "messages[0].timestamp",
        message:
          "must be an ISO 8601 date and time with a zone, such as 2026-11-20T09:14:03Z, or null when it is unknown",
      },
      { field: "messages[0].from", message: "is required (an object with optional name and email)" },
      { field: "messages[0].role", message: "must be one of customer, agent, ai, system" },
      { field: "messages[0].subject", message: "must be text" },
      { field: "messages[0].body", message: "is required and must be text (it may be empty)" },
      { field: "messages[0].attachments", message: "must be an array" },
    ]);
  });

  test("a timestamp in a list is no timestamp, even when the list reads as one", () => {
    expect(validateHandoff(withMessage({ timestamp: ["2026-11-20T09:14:03Z"] }))).toEqual([
      {
        field: "messages[0].timestamp",
        message:
          "must be an ISO 8601 date and time with a zone, such as 2026-11-20T09:14:03Z, or null when it is unknown",
      },
    ]);
  });

  test("an unknown time, a null subject and an empty body are allowed", () => {
    expect(validateHandoff(withMessage({ timestamp: null, subject: null, body: "" }))).toEqual([]);
  });

  test("a sender that is not an object, or has a name that is not text", () => {
    expect(validateHandoff(withMessage({ from: "Jane" }))).toEqual([
      { field: "messages[0].from", message: "must be an object with optional name and email" },
    ]);
    expect(validateHandoff(withMessage({ from: [] }))).toEqual([
      { field: "messages[0].from", message: "must be an object with optional name and email" },
    ]);
    expect(validateHandoff(withMessage({ from: { name: 42 } }))).toEqual([
      { field: "messages[0].from.name", message: "must be text" },
    ]);
  });

  test("a sender with a null name and null or empty address is a sender with neither", () => {
    expect(validateHandoff(withMessage({ from: { name: null, email: null } }))).toEqual([]);
    expect(validateHandoff(withMessage({ from: { email: "" } }))).toEqual([]);
  });

  test("an address is quoted in its problem; one with spaces around it is still an address", () => {
    expect(validateHandoff(withMessage({ from: { email: 42 } }))).toEqual([
      { field: "messages[0].from.email", message: "is not an email address: 42" },
    ]);
    expect(validateHandoff(withMessage({ from: { email: "jane at contoso" } }))).toEqual([
      { field: "messages[0].from.email", message: 'is not an email address: "jane at contoso"' },
    ]);
    expect(validateHandoff(withMessage({ from: { email: " jane@contoso.com " } }))).toEqual([]);
  });

  test("a missing customer is named as the customer", () => {
    const required = [{ field: "customer", message: "is required (an object with optional name and email)" }];
    expect(validateHandoff({ ...exampleHandoff(), customer: null })).toEqual(required);
    expect(validateHandoff({ ...exampleHandoff(), customer: undefined })).toEqual(required);
  });

  test("an attachment that is no object, or misses its parts", () => {
    expect(
      validateHandoff(
        withMessage({
          attachments: [
            null,
            { filename: " ", contentType: "text/plain" },
            { filename: "a.txt", contentType: "text/plain", contentBase64: "not base64!" },
            { filename: "b.txt", contentType: "text/plain", contentBase64: {} },
          ],
        }),
      ),
    ).toEqual([
      { field: "messages[0].attachments[0]", message: "must be an object" },
      { field: "messages[0].attachments[1].filename", message: "is required text" },
      { field: "messages[0].attachments[1].contentBase64", message: "is required text" },
      { field: "messages[0].attachments[2].contentBase64", message: "is not valid base64" },
      { field: "messages[0].attachments[3].contentBase64", message: "is required text" },
    ]);
  });

  test("an attachment may be empty, but its name and type may not be blank", () => {
    expect(
      validateHandoff(
        withMessage({ attachments: [{ filename: "empty.txt", contentType: "text/plain", contentBase64: "" }] }),
      ),
    ).toEqual([]);
    expect(
      validateHandoff(withMessage({ attachments: [{ filename: "a.txt", contentType: "  ", contentBase64: "aGk=" }] })),
    ).toEqual([{ field: "messages[0].attachments[0].contentType", message: "is required text" }]);
  });
});

describe("a checked handoff", () => {
  test("a valid handoff comes back as itself with no problems", () => {
    const h = exampleHandoff();
    const result = parseHandoff(h);
    expect(result.handoff).toBe(h);
    expect(result.problems).toEqual([]);
  });

  test("an invalid one comes back as no handoff with its problems", () => {
    expect(parseHandoff({ ...exampleHandoff(), channel: "" })).toEqual({
      handoff: null,
      problems: [{ field: "channel", message: "must not be empty" }],
    });
  });

  test("the error for an invalid handoff lists every problem in its message", () => {
    const error = new HandoffValidationError([
      { field: "channel", message: "must not be empty" },
      { field: "messages[0].role", message: "must be one of customer, agent, ai, system" },
    ]);
    expect(error.name).toBe("HandoffValidationError");
    expect(error.message).toBe(
      "Invalid handoff: channel: must not be empty; messages[0].role: must be one of customer, agent, ai, system",
    );
  });
});
