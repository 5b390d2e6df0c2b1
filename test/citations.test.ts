/**
 * Admins read Microsoft's documents by title and learn.microsoft.com address, never the toolkit's research keys
 * ("seed 001", "S-FAQ", "S-NC cause 9"): every reason, finding, recommendation, assumption, outcome row and command
 * output is walked, and every string literal of the shipped code is read for a key.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { checkEnvironment } from "../core/email-to-case/health";
import { outcomeTable } from "../core/email-to-case/outcome-table";
import { REASONS, reasonOf, recommendationOf, type ReasonKey } from "../core/email-to-case/reasons";
import { validateRule } from "../core/email-to-case/rule-validation";
import { ruleSchema, scenarioSchema, type ArcRule, type Queue } from "../core/email-to-case/scenario";
import { MICROSOFT_DOCS } from "../core/email-to-case/sources";
import { e2c } from "./cli/fake-io";

const ROOT = join(__dirname, "..");
/** A research key: "seed 001", "seeds 001 and 002", "the seed's table", "(seed …)", "S-NC", "S-FAQ". */
const KEY = /\bseeds? \d|\bseed's\b|\(seed\b|\bS-[A-Z]{2,}\b/i;
const DOCS = Object.values(MICROSOFT_DOCS);

function expectNoKey(text: string, where: string): void {
  const found = KEY.exec(text);
  if (found) throw new Error(`${where} cites a research key ("${found[0]}"): ${text.slice(0, 300)}`);
}

/** Every string in a JSON value, and every `{ title, url }` in it. */
function walk(value: unknown, strings: string[] = [], cited: unknown[] = []): { strings: string[]; cited: unknown[] } {
  if (typeof value === "string") strings.push(value);
  else if (Array.isArray(value)) for (const v of value) walk(v, strings, cited);
  else if (value && typeof value === "object") {
    if ("title" in value && "url" in value) cited.push(value);
    for (const v of Object.values(value)) walk(v, strings, cited);
  }
  return { strings, cited };
}

describe("the Microsoft documents the toolkit cites", () => {
  test.each(DOCS.map((d) => [d.title, d]))("%s is a learn.microsoft.com address", (_title, doc) => {
    expect(doc.url).toMatch(/^https:\/\/learn\.microsoft\.com\/[a-z0-9/-]+$/);
    expectNoKey(doc.title, "a document title");
  });
});

describe("reasons: label, recommendation and document", () => {
  test.each(Object.keys(REASONS))("%s", (key) => {
    const reason = reasonOf(key as ReasonKey);
    expectNoKey(reason.label, key);
    expectNoKey(recommendationOf(key as ReasonKey), key);
    expect(DOCS).toContainEqual(reason.source);
  });
});

/** Rules and queues in every combination of the settings the findings are about. */
function ruleVariants(): { rule: ArcRule; queue: Queue }[] {
  const out: { rule: ArcRule; queue: Queue }[] = [];
  const flags = [false, true];
  for (const allowUnknownSender of flags)
    for (const checkActiveEntitlement of flags)
      for (const checkIfResolved of flags)
        for (const sendAutomaticResponse of flags)
          for (const [method, status] of [
            [0, 1],
            [1, 0],
            [2, 2],
            [4, 1],
          ] as const) {
            const rule = ruleSchema.parse({
              id: `r${out.length}`,
              queueId: out.length % 5 === 0 ? null : "q",
              state: out.length % 2 ? "active" : "draft",
              allowUnknownSender,
              checkActiveEntitlement,
              checkIfResolved,
              resolvedSinceMinutes: checkIfResolved ? null : out.length % 3 === 0 ? -5 : 60,
              sendAutomaticResponse,
              responseTemplateId: sendAutomaticResponse ? null : "t",
              senderResolution: out.length % 4 === 0 ? "powerAutomate" : "createContact",
              ownerCanCreateContacts: out.length % 3 !== 1,
              ownerEnabled: out.length % 7 !== 0,
              items: [
                [],
                [{ name: "Never", matches: "none" }],
                [
                  { name: "All", matches: "any" },
                  { name: "Later", matches: { subjectContains: "x" } },
                ],
              ][out.length % 3],
            }) as ArcRule;
            const queue = scenarioSchema.shape.queues.unwrap().element.parse({
              id: "q",
              name: "Q",
              emailAddress: out.length % 6 === 0 ? null : "q@contoso.com",
              incomingEmailFilteringMethod: method,
              mailbox: { incomingEmailStatus: status, incomingEmailDeliveryMethod: out.length % 8 === 0 ? 0 : 2 },
            }) as Queue;
            out.push({ rule, queue });
          }
  return out;
}

describe("findings, outcome tables and the health check", () => {
  const variants = ruleVariants();

  test("every finding of validateRule cites no key, and its document is one of Microsoft's", () => {
    const ids = new Set<string>();
    for (const { rule, queue } of variants) {
      for (const f of validateRule(rule, {
        queue,
        expectBccOrDistributionGroup: true,
        otherRules: [rule, { ...rule, id: "twin" }],
      })) {
        ids.add(f.id);
        expectNoKey(f.message, f.id);
        expectNoKey(f.recommendation, f.id);
        expect(DOCS).toContainEqual(f.source);
      }
    }
    // The walk reaches the findings it claims to walk.
    expect(ids.size).toBeGreaterThanOrEqual(20);
  });

  test("every outcome row names its Microsoft document and cites no key", () => {
    for (const { rule } of variants.slice(0, 16)) {
      for (const row of outcomeTable(rule)) {
        const { strings } = walk(row);
        for (const s of strings) expectNoKey(s, row.id);
        expect(DOCS).toContainEqual(row.source);
      }
    }
  });

  test("the health check of an environment (the page's and the doctor's findings) cites no key", () => {
    const health = checkEnvironment({
      emailCorrelationEnabled: false,
      queues: variants.slice(0, 8).map((v, i) => ({ ...v.queue, id: `q${i}` })),
      rules: variants.slice(0, 4).map((v, i) => ({ ...v.rule, queueId: `q${i}` })),
    });
    const { strings, cited } = walk(health);
    for (const s of strings) expectNoKey(s, "health");
    for (const c of cited) expect(DOCS).toContainEqual(c);
    expect(health.findings.map((f) => f.id)).toEqual(
      expect.arrayContaining(["correlation-disabled", "queue-without-active-rule", "queue-accepts-no-email"]),
    );
  });
});

describe("command output, text and --json", () => {
  const scenarios = readdirSync(join(ROOT, "examples/scenarios")).filter(
    (f) => f.endsWith(".json") && !f.endsWith(".expected.json"),
  );
  test.each(scenarios)("e2c diagnose %s", (file) => {
    const path = join(ROOT, "examples/scenarios", file);
    const text = e2c(["diagnose", path]).stdout;
    expectNoKey(text, `diagnose ${file}`);
    const { strings, cited } = walk(JSON.parse(e2c(["diagnose", path, "--json"]).stdout));
    for (const s of strings) expectNoKey(s, `diagnose --json ${file}`);
    for (const c of cited) expect(DOCS).toContainEqual(c);
  });

  test.each(readdirSync(join(ROOT, "examples/rules")))("e2c arc validate %s", (file) => {
    const path = join(ROOT, "examples/rules", file);
    const text = e2c(["arc", "validate", path]).stdout;
    expectNoKey(text, `arc validate ${file}`);
    expect(text).toContain("Documented in:\n  ");
    const { strings, cited } = walk(JSON.parse(e2c(["arc", "validate", path, "--json"]).stdout));
    for (const s of strings) expectNoKey(s, `arc validate --json ${file}`);
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(DOCS).toContainEqual(c);
  });
});

test("no string in the shipped code cites a research key (keys belong in comments)", () => {
  const files = execFileSync("git", ["ls-files", "core", "plugins-js", "webresources", "pcf", "bin"], {
    cwd: ROOT,
    encoding: "utf8",
  })
    .split("\n")
    .filter((f) => /\.(ts|tsx|js|html)$/.test(f));
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8");
    if (file.endsWith(".html")) {
      if (KEY.test(text)) found.push(file);
      continue;
    }
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
        if (KEY.test(node.text)) found.push(`${file}: ${node.text.slice(0, 80)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
  }
  expect(found).toEqual([]);
});

describe("the README and docs/", () => {
  test.each([
    "README.md",
    ...readdirSync(join(ROOT, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => `docs/${f}`),
  ])("%s cites no research key", (file) => {
    const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
    const found = lines.filter((l) => KEY.test(l));
    expect(found).toEqual([]);
  });

  test("the examples' expected diagnoses name Microsoft's documents, not keys", () => {
    for (const file of readdirSync(join(ROOT, "examples/scenarios"))) {
      expectNoKey(readFileSync(join(ROOT, "examples/scenarios", file), "utf8"), file);
    }
  });

  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  test.each(Object.entries(REASONS))(
    "the README's reason table cites the document of %s, with its address",
    (_key, entry) => {
      const row = readme.split("\n").find((l) => l.startsWith(`| \`${entry.id}\``));
      expect(row).toContain(`[${entry.source.title}]`);
      expect(readme).toContain(`[${entry.source.title}]: ${entry.source.url}\n`);
    },
  );
});
