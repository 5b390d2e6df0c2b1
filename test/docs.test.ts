/** The README and docs are part of the product: they must not drift from what the code does. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REASON_IDS } from "../core/email-to-case/reasons";

const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");

describe("README", () => {
  test("starts with the two commands a newcomer runs", () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(firstBlock).toContain("npm start");
    expect(firstBlock).toContain("npm test");
  });

  test.each([...REASON_IDS])("documents the reason id %s", (id) => {
    expect(readme).toContain(`\`${id}\``);
  });

  test("gives every dependency in package.json a line saying why", () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8"));
    for (const name of [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]) {
      expect(readme).toContain(`\`${name}\``);
    }
  });
});
