/**
 * The repository holds what the README's "Layout" section says it holds, and nothing else: a scratch file left at
 * the root (a `smoke.tmp.ts` with someone's absolute path in it) fails here instead of reaching a clone.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");

/** The paths the Layout block names: a folder (`core/`, `pcf/HandoffTranscript`) covers everything under it. */
function documentedLayout(): string[] {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Layout"));
  const block = /```\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .split("\n")
    .filter((line) => line !== "" && !line.startsWith(" "))
    .flatMap((line) => {
      // A list of paths ("a, b,"), or one path before its description.
      const column = line.split(/\s{2,}/)[0]!;
      return /^\S+,/.test(column) ? column.split(/,\s*/) : [column.split(/\s/)[0]!];
    })
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function covered(path: string, layout: readonly string[]): boolean {
  return layout.some((entry) => path === entry || path.startsWith(entry.endsWith("/") ? entry : `${entry}/`));
}

const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);

test("the Layout section names the project's folders and root files", () => {
  const layout = documentedLayout();
  expect(layout).toEqual(expect.arrayContaining(["core/", "plugins-js/cli/", "test/", "README.md", "package.json"]));
});

test("every tracked file is where the README's Layout says such files live", () => {
  const layout = documentedLayout();
  expect(tracked.filter((path) => !covered(path, layout))).toEqual([]);
});

test("a scratch file at the root would be outside the layout", () => {
  expect(covered("smoke.tmp.ts", documentedLayout())).toBe(false);
  expect(covered("plugins-js/cli2/x.ts", documentedLayout())).toBe(false);
});
