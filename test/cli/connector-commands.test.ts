/** `e2c handoff`, `e2c emulator` and `e2c doctor` as an admin runs them (PRODUCT.md §6), against the emulator. */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { counts, demoSeedJson, emulator, ROOT, SUPPORT_QUEUE } from "../emulator/helpers";
import { e2cAsync } from "./fake-io";

let em: RunningEmulator;
beforeEach(async () => {
  em = await emulator();
});
afterEach(() => em.close());

const example = (name: string) => readFileSync(join(ROOT, "examples/handoffs", name));
const config = (more: Record<string, unknown> = {}) =>
  JSON.stringify({
    environmentUrl: em.url,
    auth: { type: "emulator" },
    default_queue_id: SUPPORT_QUEUE,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...more,
  });

describe("e2c handoff", () => {
  test("creates the case and says which, with its contact and queue item; exit 0", async () => {
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^h\.json: created case CAS-\d{5}-[0-9A-F]{6} \(incident [0-9a-f-]{36}\)\n {2}contact: matched e2c00000-0000-4000-8000-000000000201\n {2}queue item: [0-9a-f-]{36}\n$/,
    );
    expect(em.store.count("incident")).toBe(1);
  });

  test("the same handoff again: already there, nothing written; exit 0", async () => {
    const files = { "h.json": example("billing-double-charge.json"), "c.json": config() };
    await e2cAsync(["handoff", "h.json", "--config", "c.json"], files);
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^h\.json: already there: case CAS-/);
    expect(em.store.count("incident")).toBe(1);
  });

  test("--json prints the documented result", async () => {
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json", "--json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(),
    });
    const result = JSON.parse(r.stdout);
    expect(Object.keys(result)).toEqual([
      "file",
      "format",
      "status",
      "handoffId",
      "incidentId",
      "ticketNumber",
      "contact",
      "queueItemId",
      "notes",
      "skippedAttachments",
      "warnings",
      "roundTrips",
    ]);
    expect(result).toMatchObject({
      format: "e2c-handoff-result/1",
      status: "created",
      contact: { outcome: "matched" },
    });
  });

  test("an invalid handoff: every problem named with the file, nothing written; exit 2", async () => {
    const before = counts(em);
    const r = await e2cAsync(["handoff", "bad.json", "--config", "c.json"], {
      "bad.json": example("invalid-handoff.json"),
      "c.json": config(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c: bad.json: handoffId: must not be empty");
    expect(r.stderr).toContain("e2c: bad.json: messages[0].role: must be one of customer, agent, ai, system");
    expect(r.stderr).toContain("Nothing was written.");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(counts(em)).toEqual(before);
  });

  test("a refusal by Dataverse is explained; exit 1, nothing written", async () => {
    const seed = demoSeedJson();
    seed.roles["Email to Case connector"] = seed.roles["Email to Case connector"].filter(
      (p: string) => p !== "prvCreateNote",
    );
    await em.close();
    em = await emulator({ seed });
    const r = await e2cAsync(
      ["handoff", "h.eml", "--config", "c.json", "--classification", "Returns", "--sentiment", "Negative"],
      {
        "h.eml": example("damaged-order.eml"),
        "c.json": config({ copy_attachments: true }),
      },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "Dataverse refused the handoff (403 0x80040220): 403 on create: the application user's security role lacks prvCreateNote (Create on Note).",
    );
    expect(r.stderr).toContain("what to do: Give the application user's security role Create on Note.");
    expect(r.stderr).toContain("Nothing was written.");
    expect(em.store.count("incident")).toBe(0);
  });

  test("--dry-run lists the writes and makes none", async () => {
    const before = counts(em);
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json", "--dry-run"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(),
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dry run, nothing written; would create "Billing - Jane Doe"');
    expect(r.stdout).toContain("writes, in one change set: create incident, addToQueue");
    expect(counts(em)).toEqual(before);
  });

  test("an .eml: HTML body as text, the attachment as a note, the sender as the customer", async () => {
    const r = await e2cAsync(
      [
        "handoff",
        "order.eml",
        "--config",
        "c.json",
        "--classification",
        "Returns",
        "--sentiment",
        "Slightly negative",
        "--json",
      ],
      { "order.eml": example("damaged-order.eml"), "c.json": config({ copy_attachments: true }) },
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    const incident = em.store.get("incident", result.incidentId)!;
    expect(incident.title).toBe("Returns - Omar Haddad");
    expect(String(incident.description)).toContain("Order 1182 arrived with a cracked screen.");
    expect(String(incident.description)).not.toContain("<p>");
    expect(String(incident.description)).not.toContain("alert(");
    expect(result.notes.map((n: any) => n.subject)).toEqual(["Attachment: invoice-1182.pdf"]);
    expect(result.contact).toEqual({ id: "e2c00000-0000-4000-8000-000000000202", outcome: "reactivated" });
  });

  test("an .eml sent twice is one case: the thread's Message-ID names the handoff", async () => {
    const files = { "order.eml": example("damaged-order.eml"), "c.json": config() };
    const args = [
      "handoff",
      "order.eml",
      "--config",
      "c.json",
      "--classification",
      "Returns",
      "--sentiment",
      "Negative",
    ];
    await e2cAsync(args, files);
    const again = await e2cAsync(args, files);
    expect(again.stdout).toMatch(/already there/);
    expect(em.store.count("incident")).toBe(1);
  });

  test("an .eml needs --classification and --sentiment; exit 2", async () => {
    const r = await e2cAsync(["handoff", "order.eml", "--config", "c.json"], {
      "order.eml": example("damaged-order.eml"),
      "c.json": config(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c: order.eml: --classification: is required for an email thread");
    expect(r.stderr).toContain("e2c: order.eml: --sentiment: is required for an email thread");
  });

  test("an mbox thread: messages in order, customer and agent roles, >From unescaped", async () => {
    const r = await e2cAsync(
      ["handoff", "t.mbox", "--config", "c.json", "--classification", "Hardware", "--sentiment", "Neutral", "--json"],
      { "t.mbox": example("printer-thread.mbox"), "c.json": config() },
    );
    expect(r.code).toBe(0);
    const { parseTranscript } = await import("../../core/transcript/parse");
    const t = parseTranscript(String(em.store.get("incident", JSON.parse(r.stdout).incidentId)!.description));
    expect(t.messages.map((m) => m.role)).toEqual(["customer", "agent", "customer"]);
    expect(t.messages[1]!.body).toContain("From our notes: this model needs firmware 2.1.");
  });

  test("several files: each reported, progress on stderr, the worst exit code", async () => {
    const r = await e2cAsync(["handoff", "a.json", "bad.json", "--config", "c.json"], {
      "a.json": example("billing-double-charge.json"),
      "bad.json": example("invalid-handoff.json"),
      "c.json": config(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c: handoff 1 of 2: a.json");
    expect(r.stdout).toMatch(/^a\.json: created case/);
    expect(em.store.count("incident")).toBe(1);
  });
});

describe("e2c.config.json", () => {
  test("no config file: says so and how to get one; exit 2", async () => {
    const r = await e2cAsync(["handoff", "h.json"], { "h.json": example("billing-double-charge.json") });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c: e2c.config.json: no such file in this folder");
    expect(r.stderr).toContain("Copy examples/e2c.config.json here");
  });

  test("a secret written into the file is refused", async () => {
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": JSON.stringify({
        ...JSON.parse(config()),
        auth: { type: "clientCredentials", tenantId: "t", clientId: "c", clientSecret: "hunter2" },
      }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("auth.clientSecret: secrets do not belong in the file");
    expect(r.stderr).not.toContain("hunter2");
  });

  test("each bad setting is named", async () => {
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": JSON.stringify({
        environmentUrl: "not a url",
        auth: { type: "emulator" },
        default_queue_id: "Support",
        copy_attachments: "yes",
      }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("c.json: environmentUrl: must be the environment URL");
    expect(r.stderr).toContain("c.json: default_queue_id: must be a GUID");
    expect(r.stderr).toContain("c.json: copy_attachments:");
  });

  test("client credentials without the secret in the environment: says which variable to set", async () => {
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": JSON.stringify({
        ...JSON.parse(config()),
        auth: { type: "clientCredentials", tenantId: "t", clientId: "c", clientSecretEnv: "E2C_TEST_UNSET_SECRET" },
      }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "auth: The client secret is not set: put it in the environment variable E2C_TEST_UNSET_SECRET",
    );
  });

  test("the shipped example configuration is valid", async () => {
    const { parseConfig } = await import("../../plugins-js/cli/config");
    for (const file of ["examples/e2c.config.json", "examples/e2c.config.real-environment.json"]) {
      expect(parseConfig(JSON.parse(readFileSync(join(ROOT, file), "utf8")))).toMatchObject({ ok: true });
    }
  });
});

describe("e2c doctor", () => {
  test("reads the demo environment and reports its mistakes and the email they stop; exit 1", async () => {
    const r = await e2cAsync(["doctor", "--config", "c.json"], { "c.json": config() });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ERROR   rule "Returns email to case": The rule has no rule items');
    expect(r.stdout).toMatch(
      /"Where is my return label\?" from new\.customer@example\.net[^\n]*\n\s+Happened: no case; the email's Regarding is empty\.\n\s+With today's settings: No case: stopped at mailbox sync \(mailbox-test-failed\)/,
    );
    expect(r.stdout).toContain(
      "Microsoft's article: FAQ about automatic record creation <https://learn.microsoft.com/dynamics365/customer-service/administer/arc-faqs>",
    );
    expect(r.stdout).toMatch(/"Charged twice for November"[^]*?no-valid-entitlement/);
    expect(r.stderr).toContain("e2c doctor: reading rules, items, queues, mailboxes and organisation…");
  });

  test("--json prints e2c-doctor/1 with an e2c-diagnosis/1 for each email", async () => {
    const r = await e2cAsync(["doctor", "--config", "c.json", "--json", "--emails", "2"], { "c.json": config() });
    const report = JSON.parse(r.stdout);
    expect(report.format).toBe("e2c-doctor/1");
    expect(report.emails).toHaveLength(2);
    expect(report.emails[0].diagnosis.format).toBe("e2c-diagnosis/1");
    expect(report.healthy).toBe(false);
  });

  test("a healthy environment: exit 0", async () => {
    const seed = demoSeedJson();
    seed.rows.convertrules = [seed.rows.convertrules[0]];
    seed.rows.convertruleitems = [seed.rows.convertruleitems[0]];
    seed.rows.queues = [seed.rows.queues[0]];
    seed.rows.mailboxes = [seed.rows.mailboxes[0]];
    seed.rows.emails = [seed.rows.emails[2]];
    await em.close();
    em = await emulator({ seed });
    const r = await e2cAsync(["doctor", "--config", "c.json"], { "c.json": config() });
    expect(r.stdout).toMatch(/Healthy\.\n$/);
    expect(r.code).toBe(0);
  });

  test("a user who may not read the configuration: says which privilege; exit 1", async () => {
    const r = await e2cAsync(["doctor", "--config", "c.json"], {
      "c.json": config({ doctor: { auth: { type: "emulator", token: "e2c-emulator-agent" } } }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing prvRead\w+ privilege/);
    expect(r.stderr).toContain("what to do: give the doctor's user (doctor.auth, or auth) a role with prvRead");
  });
});

describe("e2c emulator", () => {
  test("serves on 127.0.0.1 until Ctrl-C, then stops cleanly", async () => {
    const child = spawn(process.execPath, [join(ROOT, "bin/e2c.js"), "emulator", "--port", "0", "--quiet"], {
      stdio: "pipe",
    });
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on("exit", () => reject(new Error(out)));
    });
    const health = await fetch(`${url}/_emulator/health`);
    expect(health.status).toBe(200);
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", (c) => resolve(c));
      child.kill("SIGINT");
    });
    expect(code).toBe(0);
    expect(out).toContain("Emulator stopped.");
  }, 30_000); // a child Node process: its start-up alone can take seconds on a busy 2-core machine

  test("a bad --faults spec is an input error; exit 2", async () => {
    const r = await e2cAsync(["emulator", "--faults", "429:lots"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('e2c: --faults: "429:lots" is not a fault');
  });

  test("a seed that is not a seed names its problems; exit 2", async () => {
    const r = await e2cAsync(["emulator", "--seed", "s.json"], {
      "s.json": JSON.stringify({ format: "e2c-emulator-seed/1", users: [] }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c: s.json: users:");
  });
});

describe("e2c doctor on the demo: what happened and what would happen, in distinct words", () => {
  test("an email with no case that today's settings would turn into one says both, and how to have it processed", async () => {
    const r = await e2cAsync(["doctor", "--config", "c.json"], { "c.json": config() });
    expect(r.stdout).toMatch(
      /"Printer offline again"[^\n]*\n {6}Happened: no case; the email's Regarding is empty\.\n {6}With today's settings: A case is created in queue "Support"[^\n]*\n {6}What to do: to have the rule process it now, open it in Activities and Add To Queue the rule's queue\./,
    );
  });

  test("notes are labelled NOTE, as the summary line counts them", async () => {
    const r = await e2cAsync(["doctor", "--config", "c.json"], { "c.json": config() });
    expect(r.stdout).toMatch(/3 notes\n/);
    expect(r.stdout).toMatch(/^ {2}NOTE {4}rule "/m);
    expect(r.stdout).not.toMatch(/^ {2}INFO /m);
  });

  test("neither the text nor --json cites a research key; --json cites { title, url }", async () => {
    const text = (await e2cAsync(["doctor", "--config", "c.json"], { "c.json": config() })).stdout;
    const json = (await e2cAsync(["doctor", "--config", "c.json", "--json"], { "c.json": config() })).stdout;
    for (const out of [text, json]) expect(out).not.toMatch(/\bseeds? \d|\(seed\b|\bS-[A-Z]{2,}\b/);
    const report = JSON.parse(json);
    expect(report.health.findings[0].source).toEqual({
      title: expect.any(String),
      url: expect.stringMatching(/^https:\/\/learn\.microsoft\.com\//),
    });
  });
});
