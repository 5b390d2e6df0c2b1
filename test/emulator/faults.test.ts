/** Fault injection (`--faults`): the failures the connector must survive, on demand and repeatably. */
import { FaultPlan, parseFaults } from "../../plugins-js/emulator/faults";
import { call, emulator } from "./helpers";

describe("the --faults spec", () => {
  test("reads rates, request numbers and settings", () => {
    const { spec, problems } = parseFaults(
      "429:0.1, 503:0.05,reset:0.02,reset-after:0.01,slow:0.1,503@2+5,latency=10,slow-ms=50,retry-after=3,seed=9",
    );
    expect(problems).toEqual([]);
    expect(spec).toEqual({
      rates: { "429": 0.1, "503": 0.05, reset: 0.02, "reset-after": 0.01, slow: 0.1 },
      at: { "503": [2, 5] },
      latencyMs: 10,
      slowMs: 50,
      retryAfterSeconds: 3,
      seed: 9,
    });
  });

  test("names each part it cannot read and what it accepts", () => {
    const { problems } = parseFaults("429:2,teapot:0.1,latency=fast");
    expect(problems.map((p) => p.message.split(":")[0])).toEqual(['"429', '"teapot', '"latency=fast" is not a fault']);
    expect(problems[0]!.message).toMatch(/use KIND:RATE \(0–1\)/);
  });

  test("the same seed draws the same faults", () => {
    const { spec } = parseFaults("429:0.3,503:0.2,seed=42");
    const draw = () => {
      const plan = new FaultPlan(spec);
      return Array.from({ length: 50 }, () => plan.draw());
    };
    expect(draw()).toEqual(draw());
    expect(draw().filter(Boolean).length).toBeGreaterThan(0);
  });
});

describe("injected faults", () => {
  test("429 answers with Retry-After and the service protection error; the next request is served", async () => {
    const em = await emulator({ faults: "429@1,retry-after=7" });
    try {
      const first = await call(em, "GET", "WhoAmI");
      expect(first.status).toBe(429);
      expect(first.headers.get("retry-after")).toBe("7");
      expect(first.json.error).toEqual({
        code: "0x80072322",
        message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
      });
      expect((await call(em, "GET", "WhoAmI")).status).toBe(200);
      expect(em.faults.injected["429"]).toBe(1);
    } finally {
      await em.close();
    }
  });

  test("503 answers Service Unavailable", async () => {
    const em = await emulator({ faults: "503@1" });
    try {
      expect((await call(em, "GET", "WhoAmI")).status).toBe(503);
    } finally {
      await em.close();
    }
  });

  test("reset drops the connection before the request is handled: nothing is written", async () => {
    const em = await emulator({ faults: "reset@1" });
    try {
      const before = em.store.count("account");
      await expect(call(em, "POST", "accounts", { name: "Lost" })).rejects.toThrow();
      expect(em.store.count("account")).toBe(before);
    } finally {
      await em.close();
    }
  });

  test("reset-after handles the request, then drops the connection: written, but the answer is lost", async () => {
    const em = await emulator({ faults: "reset-after@1" });
    try {
      await expect(call(em, "POST", "accounts", { name: "Written, unanswered" })).rejects.toThrow();
      expect(em.store.all("account").some((a) => a.name === "Written, unanswered")).toBe(true);
    } finally {
      await em.close();
    }
  });

  test("the emulator's own health endpoint is never faulted", async () => {
    const em = await emulator({ faults: "503:1" });
    try {
      const r = await fetch(`${em.url}/_emulator/health`);
      expect(r.status).toBe(200);
      expect(em.requestCount).toBe(0);
    } finally {
      await em.close();
    }
  });
});

describe("the seed", () => {
  test("a seed row Dataverse would refuse stops the emulator with the row named", async () => {
    const seed = {
      format: "e2c-emulator-seed/1",
      roles: {},
      users: [{ systemuserid: "e2c00000-0000-4000-8000-0000000000a9", fullname: "U", token: "token-token" }],
      rows: { contacts: [{ lastname: "ok" }, { lastname: "bad", statecode: "Active" }] },
    };
    await expect(emulator({ seed })).rejects.toThrow(
      /^seed rows\.contacts\[1\]: .*Cannot convert the literal 'Active'/,
    );
  });

  test("a user naming a role the seed does not define is refused", () => {
    const { parseSeed } = jest.requireActual("../../plugins-js/emulator/seed");
    const result = parseSeed({
      format: "e2c-emulator-seed/1",
      users: [
        { systemuserid: "e2c00000-0000-4000-8000-0000000000a9", fullname: "U", token: "token-token", roles: ["Nope"] },
      ],
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ field: "users[0].roles", message: 'names role "Nope", which is not in roles' }],
    });
  });
});
