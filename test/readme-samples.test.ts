/**
 * The README's sample outputs are what the commands print: each `$ npx e2c …` in a ```sh block is run (against the
 * demo emulator where it needs an environment) and its standard output compared with the lines shown. In a sample,
 * a line "…" stands for lines left out, and "…" inside a line for the rest of it; record ids and ticket numbers,
 * new on every run, are compared by shape.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLE_CONFIG_URL } from "../plugins-js/cli/commands/emulator";
import type { RunningEmulator } from "../plugins-js/emulator/server";
import { e2cAsync } from "./cli/fake-io";
import { emulator } from "./emulator/helpers";

const ROOT = join(__dirname, "..");

interface Sample {
  /** The command as the README shows it, without `$ `. */
  command: string;
  output: string[];
}

/** Each ```sh block that shows a command's output, as its commands and their sample lines. */
function samplesOf(markdown: string): Sample[][] {
  const blocks: Sample[][] = [];
  for (const [, body] of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = body!.replace(/\n$/, "").split("\n");
    if (!lines.some((l) => l.startsWith("$ "))) continue;
    const samples: Sample[] = [];
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i]!;
      if (!line.startsWith("$ ")) {
        samples.at(-1)?.output.push(line);
        continue;
      }
      let command = line.slice(2);
      while (command.endsWith("\\")) {
        line = lines[++i]!;
        command = `${command.slice(0, -1).trimEnd()} ${line.trim()}`;
      }
      samples.push({ command: command.replace(/\s+#.*$/, "").trim(), output: [] });
    }
    blocks.push(samples);
  }
  return blocks;
}

/** Ids and ticket numbers differ on every run: compared by their shape. */
function byShape(line: string): string {
  return line
    .replace(/\b[0-9a-f]{8}-(?:[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|…)/g, "<id>")
    .replace(/\bCAS-\d{5}-[0-9A-F]{6}\b/g, "<ticket>");
}

function lineMatches(sample: string, actual: string): boolean {
  const parts = byShape(sample)
    .split("…")
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[^]*")}$`).test(byShape(actual));
}

/** null when the sample shows the output, otherwise what differs. */
function difference(sample: string[], actual: string[]): string | null {
  let at = 0;
  let skipping = false;
  for (const line of sample) {
    if (line.trim() === "…") {
      skipping = true;
      continue;
    }
    let found = at;
    if (skipping) while (found < actual.length && !lineMatches(line, actual[found]!)) found++;
    if (found >= actual.length || !lineMatches(line, actual[found]!)) {
      return `the sample shows\n  ${line}\nwhere the command prints\n  ${actual[at] ?? "(nothing more)"}`;
    }
    at = found + 1;
    skipping = false;
  }
  if (!skipping && at < actual.length) return `the command prints more than the sample shows:\n  ${actual[at]}`;
  return null;
}

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = samplesOf(readme);

test("the README shows samples of every e2c command that prints a report", () => {
  const shown = blocks.flat().map((s) => s.command.split(" ").slice(2, 4).join(" "));
  for (const c of [
    "transcript parse",
    "transcript write",
    "diagnose examples/scenarios/08-bcc-only.json",
    "arc validate",
  ])
    expect(shown.some((s) => s.startsWith(c.split(" ").slice(0, 2).join(" ")))).toBe(true);
  expect(shown.some((s) => s.startsWith("doctor"))).toBe(true);
  expect(shown.some((s) => s.startsWith("handoff"))).toBe(true);
});

describe.each(blocks.map((b) => [b.map((s) => s.command.split(" ").slice(0, 4).join(" ")).join("; "), b]))(
  "README sample: %s",
  (_name, samples) => {
    let em: RunningEmulator;
    beforeAll(async () => {
      em = await emulator();
      // The samples use examples/e2c.config.json, which expects the emulator on its usual port.
      process.env.E2C_ENVIRONMENT_URL = em.url;
    });
    afterAll(async () => {
      delete process.env.E2C_ENVIRONMENT_URL;
      await em.close();
    });

    test("prints what the README shows", async () => {
      for (const { command, output } of samples as Sample[]) {
        const words = command.split(/\s+/);
        expect(words.slice(0, 2)).toEqual(["npx", "e2c"]);
        // `e2c emulator` is the emulator this test has started.
        if (words[2] === "emulator") continue;
        const r = await e2cAsync(words.slice(2));
        const printed = r.stdout.split(em.url).join(EXAMPLE_CONFIG_URL).replace(/\n$/, "").split("\n");
        const diff = difference(output, printed);
        if (diff) throw new Error(`$ ${command}\n${diff}`);
      }
    });
  },
);
