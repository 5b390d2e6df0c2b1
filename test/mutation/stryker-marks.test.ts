/**
 * Every mark that keeps an equivalent mutant out of the score takes effect: one that Stryker does not read leaves
 * that mutant counted as a survivor with a reason beside it that no run ever used.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { unreadMarks } from "./stryker-marks";

const ROOT = join(__dirname, "..", "..");
const CONFIGS = ["stryker.node.json", "stryker.control.json", "stryker.core.json"];

/** `folder/**\/*.ext`, the one form the configurations use. */
function filesOf(pattern: string): string[] {
  const match = /^([\w/.-]+)\/\*\*\/\*\.(\w+)$/.exec(pattern);
  if (!match) throw new Error(`test/mutation: a mutate pattern of another form, ${pattern}; read it here too`);
  const [, folder, ext] = match as unknown as [string, string, string];
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return path.endsWith(`.${ext}`) && !path.endsWith(`.d.${ext}`) ? [path] : [];
    });
  return walk(join(ROOT, folder));
}

const mutated = [
  ...new Set(
    CONFIGS.flatMap((config) =>
      (JSON.parse(readFileSync(join(__dirname, config), "utf8")) as { mutate: string[] }).mutate.flatMap(filesOf),
    ),
  ),
];

test("the mutated files are found, among them the control's view", () => {
  expect(mutated.map((path) => relative(ROOT, path))).toEqual(
    expect.arrayContaining([
      "core/transcript/quoted.ts",
      "webresources/src/forms/arc-rule-form.ts",
      "pcf/HandoffTranscript/components/HandoffTranscriptView.tsx",
    ]),
  );
});

test("every Stryker mark in the mutated source is one Stryker reads", () => {
  const unread = mutated.flatMap((path) =>
    unreadMarks(readFileSync(path, "utf8"), path).map(
      (mark) => `${relative(ROOT, path)}:${mark.line} ${mark.why}: ${mark.text}`,
    ),
  );
  expect(unread).toEqual([]);
});

const NOT_READ = "not before a node: Stryker never reads it";

/** Each case: what a mark's place does, the file's lines, and the marks found unread as [line, why]. */
const PLACES: [string, string, string[], [number, string][]][] = [
  [
    "a mark before the statement it names is read",
    "f.ts",
    [
      "export function f(a: number) {",
      "  // Stryker disable next-line EqualityOperator: reason",
      "  return a > 1;",
      "}",
    ],
    [],
  ],
  [
    "a mark before the closing brace of a callback is never read",
    "g.ts",
    ["const g = useCallback(() => {", "  run();", "  // Stryker disable next-line ArrayDeclaration: reason", "}, []);"],
    [[3, NOT_READ]],
  ],
  [
    "a mark before the list argument itself is read",
    "g.ts",
    [
      "const g = useCallback(",
      "  () => run(),",
      "  // Stryker disable next-line ArrayDeclaration: reason",
      "  [],",
      ");",
    ],
    [],
  ],
  [
    "a mark before an else is never read",
    "h.ts",
    ["if (a) b();", "// Stryker disable next-line LogicalOperator: reason", "else if (c && d) e();"],
    [[2, NOT_READ]],
  ],
  [
    "a mark between the attributes of a JSX element is read",
    "e.tsx",
    [
      "const e = <List",
      "  items={items}",
      "  // Stryker disable next-line ArrayDeclaration: reason",
      "  version={[a, b]}",
      "/>;",
    ],
    [],
  ],
  [
    "a mark followed by a blank line marks nothing",
    "s.ts",
    ["// Stryker disable next-line StringLiteral: reason", "", 'export const s = "x";'],
    [[1, "the next line holds no code"]],
  ],
  [
    "a mark that disables from a line on is followed by its restore",
    "f.ts",
    [
      "export function f(a: number) {",
      "  // Stryker disable BlockStatement: reason",
      "  if (a) return 1;",
      "  return 2;",
      "}",
      "// Stryker restore BlockStatement",
      "export const g = 1;",
    ],
    [],
  ],
  [
    "a mark that disables from a line on, restored before a closing brace, disables to the end of the file",
    "f.ts",
    [
      "export function f(a: number) {",
      "  // Stryker disable BlockStatement: reason",
      "  if (a) return 1;",
      "  // Stryker restore BlockStatement",
      "}",
      "export const g = 1;",
    ],
    [
      [2, "no restore follows: it disables to the end of the file"],
      [4, NOT_READ],
    ],
  ],
];

test.each(PLACES)("%s", (_place, fileName, lines, unread) => {
  expect(unreadMarks(lines.join("\n"), fileName).map((mark) => [mark.line, mark.why])).toEqual(unread);
});
