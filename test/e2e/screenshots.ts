/**
 * The README's pictures are checked, not just written: a screenshot taken in a test is compared, pixel by pixel in
 * Chromium itself, with the one stored under docs/images, and must match within a small tolerance (anti-aliasing).
 * `npm run screenshots` (E2C_UPDATE_SCREENSHOTS=1) stores new pictures instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";

const ROOT = join(__dirname, "..", "..");
export const UPDATE_SCREENSHOTS = process.env.E2C_UPDATE_SCREENSHOTS === "1";

/** A channel that moves by more than this counts the pixel as different. */
const CHANNEL_TOLERANCE = 48;

/**
 * Stores `png` as docs/images/`name` when updating; otherwise writes it to test-results/ and returns the share of
 * pixels (0–1) that differ from the stored picture (1 when the sizes differ).
 */
export async function differenceFromStored(browser: Browser, png: Buffer, name: string): Promise<number> {
  const stored = join(ROOT, "docs", "images", name);
  const actual = join(ROOT, UPDATE_SCREENSHOTS ? "docs/images" : "test-results", name);
  mkdirSync(dirname(actual), { recursive: true });
  writeFileSync(actual, png);
  if (UPDATE_SCREENSHOTS) return 0;
  const page = await browser.newPage();
  try {
    const toUrl = (b: Buffer) => `data:image/png;base64,${b.toString("base64")}`;
    return await page.evaluate(
      async ([a, b, tolerance]) => {
        const load = (src: string) =>
          new Promise<HTMLImageElement>((resolve, reject) => {
            const img = new Image();
            img.onload = () => resolve(img);
            img.onerror = () => reject(new Error("not a PNG"));
            img.src = src;
          });
        const [left, right] = await Promise.all([load(a as string), load(b as string)]);
        if (left.width !== right.width || left.height !== right.height) return 1;
        const pixels = (img: HTMLImageElement) => {
          const canvas = document.createElement("canvas");
          canvas.width = img.width;
          canvas.height = img.height;
          const context = canvas.getContext("2d")!;
          context.drawImage(img, 0, 0);
          return context.getImageData(0, 0, img.width, img.height).data;
        };
        const p = pixels(left);
        const q = pixels(right);
        let different = 0;
        for (let i = 0; i < p.length; i += 4) {
          const t = tolerance as number;
          if (Math.abs(p[i]! - q[i]!) > t || Math.abs(p[i + 1]! - q[i + 1]!) > t || Math.abs(p[i + 2]! - q[i + 2]!) > t)
            different++;
        }
        return different / (p.length / 4);
      },
      [toUrl(png), toUrl(readFileSync(stored)), CHANNEL_TOLERANCE] as const,
    );
  } finally {
    await page.close();
  }
}
