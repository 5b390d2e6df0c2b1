/** The handler and the endpoint on their own, with the case records standing in for Dataverse. */
import type { CaseColumnValues } from "../../core/enrichment/case-columns";
import { DataverseError } from "../../plugins-js/dataverse/errors";
import type { CaseRecords } from "../../plugins-js/webhook/case-records";
import { answerCaseEvent, keyMatches, MAX_BODY_BYTES } from "../../plugins-js/webhook/endpoint";
import { description, KEY } from "./helpers";

const CASE = "5b8a2c1e-0000-4000-8000-00000000c0de";
const CONTRACTS = "http://schemas.microsoft.com/xrm/2011/Contracts";

class FakeCases implements CaseRecords {
  reads: string[] = [];
  updates: Array<{ id: string; values: CaseColumnValues; rowVersion: string | undefined }> = [];
  failNext: Error[] = [];
  constructor(public record: Record<string, unknown> | null = {}) {}
  read(id: string): Promise<Record<string, unknown> | null> {
    this.reads.push(id);
    return Promise.resolve(this.record);
  }
  update(id: string, values: CaseColumnValues, rowVersion?: string): Promise<boolean> {
    const failure = this.failNext.shift();
    if (failure) return Promise.reject(failure);
    this.updates.push({ id, values, rowVersion });
    return Promise.resolve(this.record !== null);
  }
}

function entity(attributes: Record<string, unknown>, rowVersion: string | null = null): Record<string, unknown> {
  return {
    RowVersion: rowVersion,
    __type: `Entity:${CONTRACTS}`,
    Attributes: Object.entries(attributes).map(([key, value]) => ({ key, value })),
    Id: CASE,
    LogicalName: "incident",
  };
}

function context(message: string, options: { target?: Record<string, unknown>; post?: Record<string, unknown> } = {}) {
  return {
    MessageName: message,
    PrimaryEntityName: "incident",
    PrimaryEntityId: CASE,
    Stage: 40,
    Mode: 1,
    Depth: 1,
    InputParameters: options.target ? [{ key: "Target", value: entity(options.target) }] : [],
    PostEntityImages: options.post ? [{ key: "PostImage", value: entity(options.post) }] : [],
    PreEntityImages: [],
  };
}

async function send(
  body: unknown,
  cases: FakeCases,
  headers: Record<string, string> = {},
  code: string | undefined = KEY,
): Promise<{ status: number; body: Record<string, unknown>; log: string[] }> {
  const log: string[] = [];
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const answer = await answerCaseEvent(
    {
      header: (name) => headers[name],
      code,
      readBody: (limit) => Promise.resolve(Buffer.byteLength(text) > limit ? null : text),
    },
    { key: KEY, cases, log: (l) => log.push(l) },
  );
  return { ...answer, log };
}

describe("where the description comes from", () => {
  it("takes it from a Create's Target and does not read the case", async () => {
    const cases = new FakeCases();
    const answer = await send(context("Create", { target: { description: description() } }), cases);
    expect(answer.status).toBe(200);
    expect(cases.reads).toEqual([]);
    expect(cases.updates[0]!.values).toMatchObject({ e2c_classification: "Billing", e2c_sentiment: 412500001 });
  });

  it("reads the case when an Update's Target does not say what the columns hold", async () => {
    const cases = new FakeCases({ description: description(), e2c_classification: "Billing" });
    await send(context("Update", { target: { description: description() } }), cases);
    expect(cases.reads).toEqual([CASE]);
    expect(Object.keys(cases.updates[0]!.values)).toEqual(["e2c_sentiment", "e2c_handoffid", "e2c_sessionurl"]);
  });

  it("takes the description and the columns from the step's post-image", async () => {
    const cases = new FakeCases();
    const post = {
      description: description(),
      e2c_classification: "Billing",
      e2c_sentiment: { __type: `OptionSetValue:${CONTRACTS}`, Value: 412500001 },
    };
    await send(context("Update", { target: { title: "x" }, post }), cases);
    expect(cases.reads).toEqual([]);
    expect(Object.keys(cases.updates[0]!.values)).toEqual(["e2c_handoffid", "e2c_sessionurl"]);
  });

  it("reads the case when Dataverse says the context was cut (x-ms-dynamics-msg-size-exceeded)", async () => {
    const cases = new FakeCases({ description: description() });
    const cut = { ...context("Create"), InputParameters: undefined };
    await send(cut, cases, { "x-ms-dynamics-msg-size-exceeded": "true" });
    expect(cases.reads).toEqual([CASE]);
    expect(cases.updates).toHaveLength(1);
  });
});

describe("what it writes", () => {
  it("finds nothing to do in the Update its own write raises", async () => {
    const written = { description: description(), ...(await firstWrite()) };
    const cases = new FakeCases(written);
    const answer = await send(context("Update", { target: { e2c_classification: "Billing" } }), cases);
    expect(answer.body).toMatchObject({ outcome: "nothing-to-do", why: "the columns are already right" });
    expect(cases.updates).toEqual([]);
  });

  it("leaves e2c_handoffid out when another case already has that handoff id", async () => {
    const cases = new FakeCases();
    cases.failNext.push(
      new DataverseError(
        412,
        "0x80040237",
        "Cannot insert duplicate key. The entity key e2c_handoffid_key requires that this set of attributes contains unique values.",
      ),
    );
    const answer = await send(context("Create", { target: { description: description() } }), cases);
    expect(answer.status).toBe(200);
    expect(cases.updates[0]!.values).not.toHaveProperty("e2c_handoffid");
    expect(answer.log[0]).toMatch(/already belongs to another case; e2c_handoffid left empty/);
  });

  it("writes a Create's values only if the case is still at the Create's version", async () => {
    const cases = new FakeCases();
    const event = context("Create", { target: { description: description() } });
    event.InputParameters = [{ key: "Target", value: entity({ description: description() }, "1042") }];
    await send(event, cases);
    expect(cases.updates[0]!.rowVersion).toBe("1042");
  });

  it("decides from the case as it is now when it changed after a late Create", async () => {
    const newer = description().replace("Classification: Billing", "Classification: Refunds");
    const cases = new FakeCases({ description: newer, e2c_classification: null });
    cases.failNext.push(
      new DataverseError(412, "", "The version of the existing record doesn't match the RowVersion property provided."),
    );
    const event = context("Create", { target: { description: description() } });
    event.InputParameters = [{ key: "Target", value: entity({ description: description() }, "1042") }];
    const answer = await send(event, cases);
    expect(answer.status).toBe(200);
    expect(cases.reads).toEqual([CASE]);
    expect(cases.updates[0]).toMatchObject({ values: { e2c_classification: "Refunds" }, rowVersion: undefined });
  });

  it("ignores events that are not a case's Create or Update", async () => {
    const cases = new FakeCases();
    const answer = await send({ ...context("Delete"), PrimaryEntityName: "contact" }, cases);
    expect(answer.body).toMatchObject({ outcome: "nothing-to-do" });
    expect(cases.reads).toEqual([]);
  });

  it("says nothing to do when the case was deleted before the event arrived", async () => {
    const cases = new FakeCases(null);
    const answer = await send(context("Update", { target: { title: "x" } }), cases);
    expect(answer.body).toMatchObject({ outcome: "nothing-to-do", why: "the case no longer exists" });
  });
});

async function firstWrite(): Promise<CaseColumnValues> {
  const cases = new FakeCases();
  await send(context("Create", { target: { description: description() } }), cases);
  return cases.updates[0]!.values;
}

describe("the endpoint's answers", () => {
  it("answers 400 to a body that is not JSON", async () => {
    expect((await send("<xml/>", new FakeCases())).status).toBe(400);
  });

  it("answers 400 to JSON that is not an execution context, naming what is missing", async () => {
    const answer = await send({ hello: "world" }, new FakeCases());
    expect(answer.status).toBe(400);
    expect(answer.body.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^MessageName: /)]));
  });

  it("answers 413 to a body over 1 MB", async () => {
    const answer = await send("x".repeat(MAX_BODY_BYTES + 1), new FakeCases());
    expect(answer.status).toBe(413);
  });

  it("answers 413 from the declared length, without reading the body", async () => {
    const log: string[] = [];
    const readBody = jest.fn();
    const answer = await answerCaseEvent(
      { header: (n) => (n === "content-length" ? String(MAX_BODY_BYTES + 1) : undefined), code: KEY, readBody },
      { key: KEY, cases: new FakeCases(), log: (l) => log.push(l) },
    );
    expect(answer.status).toBe(413);
    expect(readBody).not.toHaveBeenCalled();
  });

  it("answers 401 without reading the body to a request without the key", async () => {
    const readBody = jest.fn();
    const answer = await answerCaseEvent(
      { header: () => undefined, code: undefined, readBody },
      { key: KEY, cases: new FakeCases(), log: () => undefined },
    );
    expect(answer.status).toBe(401);
    expect(readBody).not.toHaveBeenCalled();
  });

  it("accepts the key as the x-e2c-key header", async () => {
    const answer = await send(context("Create"), new FakeCases(), { "x-e2c-key": KEY }, undefined);
    expect(answer.status).toBe(200);
  });

  it("answers 503 when Dataverse cannot be reached, so that Dataverse retries", async () => {
    const cases = new FakeCases();
    cases.failNext.push(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }));
    const answer = await send(context("Create", { target: { description: description() } }), cases);
    expect(answer.status).toBe(503);
  });

  it("answers 500 and names the missing privilege when Dataverse refuses the write", async () => {
    const cases = new FakeCases();
    cases.failNext.push(
      new DataverseError(
        403,
        "0x80040220",
        "Principal user (Id=e2c00000-0000-4000-8000-0000000000a4) is missing prvWriteIncident privilege (Id=…) on OTC=112 for entity 'incident'",
      ),
    );
    const answer = await send(context("Create", { target: { description: description() } }), cases);
    expect(answer.status).toBe(500);
    expect(answer.body.error).toBe(
      "403: the application user's security role lacks prvWriteIncident (Write on Incident).",
    );
  });
});

describe("the key comparison", () => {
  it("matches only the same key, whatever the lengths", () => {
    expect(keyMatches(KEY, KEY)).toBe(true);
    expect(keyMatches(KEY, `${KEY}x`)).toBe(false);
    expect(keyMatches(KEY, "")).toBe(false);
    expect(keyMatches(KEY, undefined)).toBe(false);
    expect(keyMatches("", "")).toBe(false);
  });
});
