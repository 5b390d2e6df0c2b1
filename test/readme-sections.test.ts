/**
 * Error hints send people to the README or docs/ by section name: every section the code names exists, as a heading
 * of that file, and every docs/ file it names exists.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");

/** A file's headings as a reader sees them: without the #s and the code marks. */
function headings(file: string): string[] {
  return [...readFileSync(join(ROOT, file), "utf8").matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map((m) =>
    m[1]!.replace(/`/g, ""),
  );
}

const shipped = execFileSync("git", ["ls-files", "core", "plugins-js", "webresources", "pcf", "scripts", "bin"], {
  cwd: ROOT,
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => /\.(ts|tsx|js|mjs|cjs|html)$/.test(f));

/** `the README under "Configuration: e2c.config.json"`, `docs/emulator.md under "…"`, quotes escaped or not. */
const SECTION = /\b(README|docs\/[\w-]+\.md)\b[^"\n]{0,40}?\bunder \\?"([^"\\]+)\\?"/g;

const named: [string, string, string][] = [];
const files = new Set<string>();
for (const file of shipped) {
  const text = readFileSync(join(ROOT, file), "utf8");
  for (const m of text.matchAll(SECTION)) named.push([file, m[1] === "README" ? "README.md" : m[1]!, m[2]!]);
  for (const m of text.matchAll(/\bdocs\/[\w-]+\.md\b/g)) files.add(`${file} → ${m[0]}`);
}

test("the code names README and docs sections (the walk finds them)", () => {
  expect(named.length).toBeGreaterThanOrEqual(3);
});

test.each(named)("%s names %s's section %p, which exists", (_from, doc, section) => {
  expect(headings(doc)).toContain(section);
});

test.each([...files])("%s exists", (pair) => {
  expect(existsSync(join(ROOT, pair.split(" → ")[1]!))).toBe(true);
});
