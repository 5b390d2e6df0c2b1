/** The .resx files and the English defaults must agree, and every manifest key must have a string. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_STRINGS } from "../../pcf/HandoffTranscript/strings/defaults";

const dir = join(__dirname, "..", "..", "pcf", "HandoffTranscript");
const resx = (file: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const xml = readFileSync(join(dir, "strings", file), "utf8");
  for (const m of xml.matchAll(/<data name="([^"]+)" xml:space="preserve"><value>([\s\S]*?)<\/value><\/data>/g)) {
    out[m[1]!] = m[2]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }
  return out;
};
const files = readdirSync(join(dir, "strings")).filter((f) => f.endsWith(".resx"));

describe("strings", () => {
  test("ship in English and at least three more languages, one of them right-to-left", () => {
    expect(files.sort()).toEqual([
      "HandoffTranscript.1025.resx",
      "HandoffTranscript.1031.resx",
      "HandoffTranscript.1033.resx",
      "HandoffTranscript.1036.resx",
    ]);
  });

  test("the English defaults in code are the 1033 resource strings", () => {
    expect(resx("HandoffTranscript.1033.resx")).toEqual(DEFAULT_STRINGS);
  });

  test.each(files)("%s has every string, none empty", (file) => {
    const strings = resx(file);
    expect(Object.keys(strings).sort()).toEqual(Object.keys(DEFAULT_STRINGS).sort());
    for (const value of Object.values(strings)) expect(value.trim()).not.toBe("");
  });

  test("every resx shipped is declared in the manifest, one <resx> per language, so the platform loads it", () => {
    // context.resources.getString reads only the resx files the manifest declares (Microsoft's
    // LocalizationAPIControl sample declares one per language); an undeclared file is never shown to anyone.
    const manifest = readFileSync(join(dir, "ControlManifest.Input.xml"), "utf8");
    const declared = [...manifest.matchAll(/<resx\s+path="strings\/([^"]+)"/g)].map((m) => m[1]!);
    expect(declared.sort()).toEqual([...files].sort());
  });

  test("every key the manifest names has a string", () => {
    const manifest = readFileSync(join(dir, "ControlManifest.Input.xml"), "utf8");
    for (const m of manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)) {
      expect(DEFAULT_STRINGS).toHaveProperty(m[1]!);
    }
  });

  test("placeholders survive translation", () => {
    for (const file of files) {
      const strings = resx(file);
      for (const [key, english] of Object.entries(DEFAULT_STRINGS)) {
        expect([key, (strings[key]!.match(/\{\d\}/g) ?? []).sort()]).toEqual([
          key,
          (english.match(/\{\d\}/g) ?? []).sort(),
        ]);
      }
    }
  });
});
