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

describe("the least-privilege role", () => {
  const readme = readFileSync(join(__dirname, "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Least privilege"), readme.indexOf("Only when you use them"));
  const seed = JSON.parse(readFileSync(join(__dirname, "..", "examples/emulator/demo-seed.json"), "utf8"));

  test("the README lists exactly the privileges the demo seed's connector role holds", () => {
    const documented = [...section.matchAll(/prv\w+/g)].map((m) => m[0]).sort();
    expect(documented).toEqual([...seed.roles["Email to Case connector"]].sort());
  });
});

describe("the solution's contents", () => {
  test("the README's table lists exactly the zip's control, web resources and Case columns", () => {
    const { packSolution } = jest.requireActual("../plugins-js/solution/pack");
    const { version } = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8"));
    const packed = packSolution(join(__dirname, ".."), version, true);
    const customizations = new TextDecoder().decode(packed.entries.get("customizations.xml"));
    const inZip = [
      ...[
        ...customizations.matchAll(/<WebResource>\s*<WebResourceId>[^<]*<\/WebResourceId>\s*<Name>([^<]+)<\/Name>/g),
      ].map((m) => m[1]),
      ...[...customizations.matchAll(/<CustomControl>\s*<Name>([^<]+)<\/Name>/g)].map((m) => m[1]),
      ...[
        ...customizations.matchAll(/<attribute PhysicalName="[^"]+">[\s\S]*?<LogicalName>([^<]+)<\/LogicalName>/g),
      ].map((m) => m[1]),
    ].sort();
    const section = readme.slice(readme.indexOf("### What the solution contains"), readme.indexOf("### Import"));
    const listed = [...section.matchAll(/^\|[^|]+\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(inZip);
  });
});
