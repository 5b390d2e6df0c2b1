/** `e2c webhook serve|register|unregister` and `e2c backfill` as an admin runs them, against the emulator. */
import { JsonRequests } from "../../plugins-js/dataverse/json-requests";
import { webhookCommand } from "../../plugins-js/cli/commands/webhook";
import type { CliIO } from "../../plugins-js/cli/io";
import type { RunningEmulator } from "../../plugins-js/emulator/server";
import { backfillCases } from "../../plugins-js/webhook/backfill";
import { emulator, SUPPORT_QUEUE } from "../emulator/helpers";
import { admin, columnsOf, createCase, description, EMPTY, KEY } from "../webhook/helpers";
import { e2cAsync } from "./fake-io";

let em: RunningEmulator;
const cleanup: Array<() => void> = [];
beforeEach(async () => {
  em = await emulator();
});
afterEach(async () => {
  for (const c of cleanup.splice(0)) c();
  await em.close();
});

const config = (webhook: Record<string, unknown> = { key: KEY }) =>
  JSON.stringify({
    environmentUrl: em.url,
    auth: { type: "emulator" },
    default_queue_id: SUPPORT_QUEUE,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    webhook,
  });

const URL_ARG = "http://127.0.0.1:7073/api/case-events";
const NAME = "Email to Case Toolkit: case enrichment";

describe("e2c webhook register", () => {
  test("creates the endpoint and the two steps and says so; exit 0", async () => {
    const r = await e2cAsync(["webhook", "register", "--url", URL_ARG, "--config", "c.json"], { "c.json": config() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Webhook "${NAME}" → ${URL_ARG} \\(WebhookKey \\?code=\\)\\n` +
          "  service endpoint: created \\([0-9a-f-]{36}\\)\\n" +
          "  step Create of incident \\(PostOperation, asynchronous\\): created \\([0-9a-f-]{36}\\)\\n" +
          "  step Update of incident \\(PostOperation, asynchronous, filtering attribute description\\): created \\([0-9a-f-]{36}\\)\\n$",
      ),
    );
    expect(r.stdout).not.toContain(KEY);
  });

  test("run again, it changes nothing and says unchanged", async () => {
    const files = { "c.json": config() };
    await e2cAsync(["webhook", "register", "--url", URL_ARG, "--config", "c.json"], files);
    const r = await e2cAsync(["webhook", "register", "--url", URL_ARG, "--config", "c.json"], files);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/: unchanged/g)).toHaveLength(3);
  });

  test("a 403 is explained as the privilege the signed-in user lacks; exit 1", async () => {
    const r = await e2cAsync(["webhook", "register", "--url", URL_ARG, "--config", "c.json"], {
      "c.json": config({ key: KEY, adminAuth: { type: "emulator", token: "e2c-emulator-connector" } }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^e2c: register: Dataverse refused \(403 0x80040220\): 403: the application user's security role lacks prvReadServiceEndpoint \(Read on ServiceEndpoint\)\.\n/,
    );
  });

  test("without a key it names the setting; exit 2", async () => {
    const r = await e2cAsync(["webhook", "register", "--url", URL_ARG, "--config", "c.json"], {
      "c.json": config({}),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^e2c: c\.json: webhook\.key: is not set\ne2c: Put a long random key in the environment variable E2C_WEBHOOK_KEY/,
    );
  });

  test("refuses an --auth it does not know; exit 2", async () => {
    const r = await e2cAsync(["webhook", "register", "--url", URL_ARG, "--auth", "basic", "--config", "c.json"], {
      "c.json": config(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('e2c: --auth: must be webhookkey or httpheader, not "basic"\n');
  });

  test("unregister removes what register made", async () => {
    const files = { "c.json": config() };
    await e2cAsync(["webhook", "register", "--url", URL_ARG, "--config", "c.json"], files);
    const r = await e2cAsync(["webhook", "unregister", "--config", "c.json"], files);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/: removed/g)).toHaveLength(3);
    expect(em.store.count("serviceendpoint") + em.store.count("sdkmessageprocessingstep")).toBe(0);
  });
});

describe("e2c webhook serve", () => {
  test("serves the webhook on 127.0.0.1 until stopped, and fills a case another integration creates", async () => {
    let stdout = "";
    let stderr = "";
    let announced: (url: string) => void = () => undefined;
    const url = new Promise<string>((resolve) => (announced = resolve));
    const io: CliIO = {
      stdout: (t) => {
        stdout += t;
        const m = /Case enrichment webhook on (\S+)/.exec(stdout);
        if (m) announced(m[1]!);
      },
      stderr: (t) => void (stderr += t),
      readFile: () => Buffer.from(config()),
      readStdin: () => Buffer.alloc(0),
    };
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = webhookCommand(io, ["serve", "--port", "0", "--config", "c.json"], {}, stopped);
    const served = await url;
    expect(served).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/case-events$/);
    const reg = await e2cAsync(["webhook", "register", "--url", served, "--config", "c.json"], { "c.json": config() });
    expect(reg.code).toBe(0);
    const id = await createCase(em, description());
    await em.webhooks.idle();
    expect((await columnsOf(em, id)).e2c_classification).toBe("Billing");
    stop();
    expect(await running).toBe(0);
    expect(stdout).toMatch(/Webhook stopped\.\n$/);
    expect(stderr).toMatch(
      new RegExp(
        `case-events [0-9a-f-]{36} case ${id} Create: set e2c_classification, e2c_sentiment, e2c_handoffid, e2c_sessionurl\\n$`,
      ),
    );
  });
});

describe("e2c backfill", () => {
  async function cases(): Promise<{ transcripts: string[]; plain: string }> {
    const transcripts = [];
    for (let i = 0; i < 3; i++) {
      transcripts.push(await createCase(em, description().replace(/Handoff-Id: .*/, `Handoff-Id: backfill-${i}`)));
    }
    return { transcripts, plain: await createCase(em, description("not-a-transcript.txt")) };
  }

  test("fills the cases whose description holds a transcript, and says what it did; exit 0", async () => {
    const { transcripts, plain } = await cases();
    const r = await e2cAsync(["backfill", "--config", "c.json"], { "c.json": config() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("4 cases with a description and empty handoff columns; 3 filled, 1 hold no transcript.\n");
    for (const [i, id] of transcripts.entries()) {
      expect(await columnsOf(em, id)).toMatchObject({ e2c_classification: "Billing", e2c_handoffid: `backfill-${i}` });
    }
    expect(await columnsOf(em, plain)).toEqual(EMPTY);
  });

  test("--dry-run writes nothing", async () => {
    const { transcripts } = await cases();
    const r = await e2cAsync(["backfill", "--config", "c.json", "--dry-run"], { "c.json": config() });
    expect(r.stdout).toBe(
      "Dry run, nothing written: 4 cases with a description and empty handoff columns; 3 would be filled, 1 hold no transcript.\n",
    );
    expect(await columnsOf(em, transcripts[0]!)).toEqual(EMPTY);
  });

  test("run again, it finds only the cases it cannot fill", async () => {
    await cases();
    await e2cAsync(["backfill", "--config", "c.json"], { "c.json": config() });
    const r = await e2cAsync(["backfill", "--config", "c.json", "--json"], { "c.json": config() });
    expect(JSON.parse(r.stdout)).toEqual({ seen: 1, filled: 0, noTranscript: 1, failed: 0, dryRun: false });
  });

  test("pages through every case, also while filling the ones it has seen", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(await createCase(em, description().replace(/Handoff-Id: .*/, `Handoff-Id: page-${i}`)));
    const { api, transport } = admin(em);
    cleanup.push(() => transport.close());
    const pages: number[] = [];
    const summary = await backfillCases(api as JsonRequests, {
      dryRun: false,
      pageSize: 2,
      onProgress: (seen) => pages.push(seen),
    });
    expect(summary).toMatchObject({ seen: 7, filled: 7 });
    expect(pages).toEqual([2, 4, 6, 7]);
    for (const id of ids) expect((await columnsOf(em, id)).e2c_classification).toBe("Billing");
  });
});
