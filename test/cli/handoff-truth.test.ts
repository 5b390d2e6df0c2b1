/**
 * What `e2c handoff` and `e2c doctor` say is what Dataverse holds (issue 12): each case driven through the command
 * against the emulator on 127.0.0.1, with the exact fault sequences named, and the printed outcome checked against
 * the emulator's store afterwards.
 *
 * Request numbers in the fault specs: 1 the metadata read, 2 the look-up, 3 the change set; 4–8 the transport's
 * retries of the change set (6 tries in all); 9 on, the look-up that follows a lost answer.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { counts, emulator, ROOT, SUPPORT_QUEUE } from "../emulator/helpers";
import { e2cAsync } from "./fake-io";

let em: RunningEmulator | null = null;
afterEach(async () => {
  await em?.close();
  em = null;
});

async function start(faults?: string): Promise<RunningEmulator> {
  em = await emulator(faults ? { faults } : {});
  return em;
}

const example = (name: string) => readFileSync(join(ROOT, "examples/handoffs", name));
const billing = () => JSON.parse(example("billing-double-charge.json").toString("utf8"));
const config = (url: string, more: Record<string, unknown> = {}) =>
  JSON.stringify({
    environmentUrl: url,
    auth: { type: "emulator" },
    default_queue_id: SUPPORT_QUEUE,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...more,
  });

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("lost answers: the command looks before it reports", () => {
  test.each([
    ["reset-after@3+4+5+6+7+8", "every try's answer dropped after the write"],
    ["reset-after@3,503@4+5+6+7+8", "the first answer dropped after the write, then 503 to every retry"],
  ])("%s (%s): created, naming the case and queue item Dataverse holds; exit 0", async (faults) => {
    const e = await start(faults);
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(e.url),
    });
    expect(r.code).toBe(0);
    const [incident, ...others] = e.store.all("incident");
    expect(others).toEqual([]);
    const item = e.store.all("queueitem").find((q) => (q.objectid as { id: string }).id === incident!.incidentid)!;
    expect(r.stdout).toBe(
      `h.json: created case ${String(incident!.ticketnumber)} (incident ${String(incident!.incidentid)})\n` +
        "  contact: matched e2c00000-0000-4000-8000-000000000201\n" +
        `  queue item: ${String(item.queueitemid)}\n` +
        `  warning: Dataverse's answer to the write was lost (${faults.includes("503") ? "503: The service is temporarily unavailable. Try again later." : "socket hang up"}); the look-up by handoff id found the case with the incident id this delivery generated, so this delivery wrote it.\n`,
    );
    expect(r.stderr).not.toMatch(/nothing was written/i);
  });

  test("reset-after@3+4+5+6+7+8 with attachments: the notes reported are the notes on the case", async () => {
    const e = await start("reset-after@3+4+5+6+7+8");
    const r = await e2cAsync(
      ["handoff", "o.eml", "--config", "c.json", "--classification", "Returns", "--sentiment", "Negative", "--json"],
      { "o.eml": example("damaged-order.eml"), "c.json": config(e.url, { copy_attachments: true }) },
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.status).toBe("created");
    const notes = e.store.all("annotation").filter((a) => (a.objectid as { id: string }).id === result.incidentId);
    expect(notes).toHaveLength(1);
    expect(result.notes).toEqual([{ id: String(notes[0]!.annotationid), subject: "Attachment: invoice-1182.pdf" }]);
  });

  test("reset@3+4+5+6+7+8 (dropped before the write): looked up, no case, so 'nothing was written'; exit 3", async () => {
    const e = await start("reset@3+4+5+6+7+8");
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(e.url),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      "e2c:   Nothing was written: the answer to the write was lost, and a look-up by handoff id found no case.",
    );
    expect(occurrences(r.stderr.toLowerCase(), "nothing was written")).toBe(1);
    expect(e.store.count("incident")).toBe(0);
    expect(e.store.count("queueitem")).toBe(0);
  });

  test("reset-after@3…14 (the look-up fails too): the outcome is unknown, said so, not guessed; exit 3", async () => {
    const e = await start("reset-after@3+4+5+6+7+8+9+10+11+12+13+14");
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json", "--json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(e.url),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("whether the case was written is unknown");
    expect(r.stderr).not.toMatch(/nothing was written/i);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: "unknown", written: "unknown" });
    // It was written: "unknown" was the truthful answer, "nothing was written" would have been false.
    expect(e.store.count("incident")).toBe(1);
  });
});

describe("limits checked before writing: every problem at once, the handoff's field, exit 2, nothing written", () => {
  async function refused(change: (h: any) => void, more: Record<string, unknown> = {}) {
    const e = await start();
    const before = counts(e);
    const h = billing();
    change(h);
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": JSON.stringify(h),
      "c.json": config(e.url, more),
    });
    expect(r.code).toBe(2);
    expect(counts(e)).toEqual(before);
    expect(r.stderr).not.toContain("ticket_properties");
    expect(occurrences(r.stderr, "Nothing was written.")).toBe(1);
    return r.stderr;
  }

  test("a 110-character customer.email: the contact's 100", async () => {
    const stderr = await refused((h) => (h.customer.email = `${"j".repeat(98)}@contoso.com`));
    expect(stderr).toContain(
      "e2c: h.json: customer.email: is 110 characters; a contact's email (emailaddress1) holds at most 100 in this environment: check the address",
    );
  });

  test("a first or last name over the contact's 50", async () => {
    const stderr = await refused((h) => (h.customer.name = `${"F".repeat(51)} ${"L".repeat(60)}`));
    expect(stderr).toContain(
      "customer.name: its first name is 51 characters; a contact's first name (firstname) holds at most 50",
    );
    expect(stderr).toContain(
      "customer.name: its last name is 60 characters; a contact's last name (lastname) holds at most 50",
    );
  });

  test("a 63-character phone: the contact's 50", async () => {
    const stderr = await refused((h) => (h.customer.phone = "+1 ".padEnd(63, "5")));
    expect(stderr).toContain(
      "customer.phone: is 63 characters; a contact's phone (telephone1) holds at most 50 in this environment",
    );
  });

  test("a 618-character sessionUrl: the case's 500", async () => {
    const stderr = await refused((h) => (h.sessionUrl = `https://support.example.com/${"s".repeat(590)}`));
    expect(stderr).toContain(
      "sessionUrl: is 618 characters; the case's session URL column (e2c_sessionurl) holds at most 500 in this environment: send a shorter link",
    );
  });

  test('"phone": 4255550100 (a number) is an input error, not a crash', async () => {
    const stderr = await refused((h) => (h.customer.phone = 4255550100));
    expect(stderr).toContain('customer.phone: must be text, such as "+1 425 555 0100", not number 4255550100');
    expect(stderr).not.toContain("internal error");
  });

  test('sentiment "Furious": names the seven labels', async () => {
    const stderr = await refused((h) => (h.sentiment = "Furious"));
    expect(stderr).toContain(
      'sentiment: "Furious" is not a sentiment: send one of Microsoft\'s seven labels (Very negative, Negative, Slightly negative, Neutral, Slightly positive, Positive, Very positive) or a score from -3 to 3',
    );
  });

  test("sentiment 99: outside the score range, not a silent Very positive", async () => {
    const stderr = await refused((h) => (h.sentiment = 99));
    expect(stderr).toContain("sentiment: 99 is outside the score range -3 to 3");
  });

  test('"messages": [] is refused', async () => {
    const stderr = await refused((h) => (h.messages = []));
    expect(stderr).toContain("messages: is empty: a handoff carries at least one message");
  });

  test("all of them at once, in one run", async () => {
    const stderr = await refused((h) => {
      h.customer = { name: "N".repeat(51), email: `${"j".repeat(98)}@contoso.com`, phone: 4255550100 };
      h.sessionUrl = `https://x.example/${"s".repeat(600)}`;
      h.sentiment = "Furious";
    });
    for (const field of ["customer.name", "customer.email", "customer.phone", "sessionUrl", "sentiment"]) {
      expect(stderr).toContain(`e2c: h.json: ${field}: `);
    }
  });

  test("a message body whose full transcript exceeds the environment's 5 MB file size: refused", async () => {
    const stderr = await refused((h) => (h.messages[0].body = "x".repeat(6 * 1024 * 1024)));
    expect(stderr).toContain("messages[0].body: is 6291456 characters: the full transcript");
    expect(stderr).toContain("this environment accepts files up to 5242880 bytes");
  }, 30000);

  test("an email thread's --sentiment outside the vocabulary is named as the option it came from", async () => {
    const e = await start();
    const r = await e2cAsync(
      ["handoff", "o.eml", "--config", "c.json", "--classification", "Returns", "--sentiment", "Furious"],
      { "o.eml": example("damaged-order.eml"), "c.json": config(e.url) },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('e2c: o.eml: --sentiment: "Furious" is not a sentiment');
    expect(e.store.count("incident")).toBe(0);
  });

  test("a 50 MB handoff file is refused by its size, before it is parsed", async () => {
    const e = await start();
    const before = counts(e);
    const [head, tail] = JSON.stringify({ ...billing(), sentiment: "@" }).split('"@"') as [string, string];
    const file = Buffer.concat([Buffer.from(`${head}"`), Buffer.alloc(50 * 1024 * 1024, "x"), Buffer.from(`"${tail}`)]);
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], { "h.json": file, "c.json": config(e.url) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c: h.json: is 50.0 MB; a handoff file may be at most 40.0 MB");
    expect(counts(e)).toEqual(before);
  }, 30000);
});

describe("explanations: the right file, the right command, one exit code per kind of outcome", () => {
  test("an unreachable environment: one clear message, one retry line, 'Nothing was written.' once; exit 3", async () => {
    const e = await start();
    const url = e.url;
    await e.close();
    em = null;
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(url),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`e2c: h.json: could not reach ${url} (ECONNREFUSED).`);
    expect(r.stderr).toContain("what to do: check environmentUrl in c.json");
    expect(occurrences(r.stderr, "Nothing was written.")).toBe(1);
    expect(occurrences(r.stderr, "retrying")).toBe(1);
    expect(r.stderr).not.toMatch(/refused|\(0\)/);
  });

  test("a token the environment does not accept: sign-in failed; exit 3", async () => {
    const e = await start();
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(e.url, { auth: { type: "emulator", token: "not-a-user" } }),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`e2c: h.json: ${e.url} did not accept the sign-in (401).`);
    expect(r.stderr).not.toContain("[object Object]");
  });

  test("a config problem found against the environment is the config file's: default_priority 7", async () => {
    const e = await start();
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(e.url, { default_priority: 7 }),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("e2c: c.json: default_priority: 7 is not one of the column's options");
    expect(r.stderr).not.toContain("h.json");
    expect(r.stderr).toContain('The settings are described in the README under "Configuration: e2c.config.json".');
    expect(r.stderr).not.toContain("handoff format");
    expect(e.store.count("incident")).toBe(0);
  });

  test('"constructor" and "__proto__" in ticket_properties: unknown columns, named; exit 2', async () => {
    const e = await start();
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json"], {
      "h.json": example("billing-double-charge.json"),
      "c.json": config(e.url).replace(/}$/, ', "ticket_properties": { "constructor": 1, "__proto__": { "x": 1 } } }'),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "e2c: c.json: ticket_properties.constructor: is not a column of the incident table in this environment",
    );
    expect(r.stderr).toContain(
      "e2c: c.json: ticket_properties.__proto__: is not a column of the incident table in this environment",
    );
    expect(r.stderr).not.toContain("native code");
    expect(e.store.count("incident")).toBe(0);
  });

  test("e2c doctor against an unreachable environment: one retry line, no connector hint; exit 3", async () => {
    const e = await start();
    const url = e.url;
    await e.close();
    em = null;
    const r = await e2cAsync(["doctor", "--config", "c.json"], { "c.json": config(url) });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`e2c: doctor: could not reach ${url} (ECONNREFUSED).`);
    expect(occurrences(r.stderr, "retrying")).toBe(1);
    expect(r.stderr).not.toMatch(/Cannot get entity set name|\[object Object\]|handoff/);
  });

  test("e2c doctor with a token the environment does not accept: sign-in failed; exit 3", async () => {
    const e = await start();
    const r = await e2cAsync(["doctor", "--config", "c.json"], {
      "c.json": config(e.url, { doctor: { auth: { type: "emulator", token: "not-a-user" } } }),
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`e2c: doctor: ${e.url} did not accept the sign-in (401).`);
    expect(r.stderr).toContain("what to do: check doctor.auth in c.json");
    expect(r.stderr).not.toMatch(/\[object Object\]|handoff/);
  });
});

describe("--dry-run --json tells what would be written", () => {
  test("plan.description is the exact text the case then gets", async () => {
    const e = await start();
    const files = { "h.json": example("billing-double-charge.json"), "c.json": config(e.url) };
    const dry = JSON.parse(
      (await e2cAsync(["handoff", "h.json", "--config", "c.json", "--dry-run", "--json"], files)).stdout,
    );
    expect(e.store.count("incident")).toBe(0);
    const real = JSON.parse((await e2cAsync(["handoff", "h.json", "--config", "c.json", "--json"], files)).stdout);
    expect(dry.plan.description).toBe(e.store.get("incident", real.incidentId)!.description);
  });

  test("plan.notes: the subject, file name and size of each note", async () => {
    const e = await start();
    const h = billing();
    h.messages[0].body = "y".repeat(150000);
    const r = await e2cAsync(["handoff", "h.json", "--config", "c.json", "--dry-run", "--json"], {
      "h.json": JSON.stringify(h),
      "c.json": config(e.url),
    });
    const { plan } = JSON.parse(r.stdout);
    expect(plan.descriptionTruncated).toBe(true);
    expect(plan.notes).toEqual([
      { subject: "Handoff transcript", filename: "handoff-transcript.txt", bytes: expect.any(Number) },
    ]);
    expect(plan.notes[0].bytes).toBeGreaterThan(150000);
  });
});

describe("the README's exit codes are the commands' own", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const codes = (text: string) => [...new Set(text.match(/\b[0-3]\b/g))].sort();
  test.each([
    ["e2c handoff", "../../plugins-js/cli/commands/handoff", "HANDOFF_USAGE"],
    ["e2c doctor", "../../plugins-js/cli/commands/doctor", "DOCTOR_USAGE"],
  ])("%s: the table row and the usage text name the same codes", async (command, module, name) => {
    const usage: string = (await import(module))[name];
    const row = readme.split("\n").find((l) => l.startsWith(`| \`${command} `))!;
    const exitCell = row.split("|").at(-2)!;
    expect(codes(exitCell)).toEqual(codes(usage.slice(usage.indexOf("exit "))));
    expect(codes(exitCell)).toEqual(["0", "1", "2", "3"]);
  });
});
