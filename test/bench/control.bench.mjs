// PRODUCT.md §9: the production bundle ≤ 25 KB gzip (React and Fluent from the platform), and rendering 10,000
// messages in headless Chromium no more than 2× the time of 100 (windowed rendering). Measured, never asserted.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import { rounds, summarize } from "./measure.cjs";

const require = createRequire(import.meta.url);
const root = new URL("../..", import.meta.url).pathname;
const bundlePath = `${root}out/controls/HandoffTranscript/bundle.js`;

/** Renders of each size per round. */
const PASSES = 10;

async function renderTimes(counts, runs) {
  const harness = require("../e2e/harness/harness.cjs");
  const { writeTranscript } = require("../../dist/core/transcript/index.js");
  const transcript = (n) => {
    const messages = Array.from({ length: n }, (_, i) => ({
      timestamp: new Date(Date.UTC(2026, 10, 20, 9, 0, 0) + i * 1000).toISOString(),
      from: i % 2 ? { name: "Sam Agent", email: "sam@contoso.com" } : { name: "Jane Doe", email: "jane@contoso.com" },
      role: i % 2 ? "agent" : "customer",
      body: `Message ${i}: I was charged twice this month.\n\nOn Tue, Jane wrote:\n> earlier text`,
    }));
    const handoff = {
      handoffId: "b",
      channel: "email",
      classification: "Billing",
      sentiment: "Negative",
      customer: {},
      messages,
    };
    return writeTranscript(handoff, { maxLength: null });
  };
  const browser = await harness.launch();
  try {
    const { page } = await harness.openHarness(browser);
    const descriptions = Object.fromEntries(counts.map((n) => [n, transcript(n)]));
    // Time from handing the control its value to the first messages on screen, measured in the page.
    const render = (d) =>
      page.evaluate((text) => {
        const start = performance.now();
        window.renderTranscript({ description: text, height: 600 });
        document.querySelector("article")?.getBoundingClientRect();
        return performance.now() - start;
      }, d);
    // Each round renders every size PASSES times, in turn, and compares the totals: a slow moment of the machine (a
    // garbage collection, a layout) hits both sides of the ratio and no single render decides a round.
    const samples = Object.fromEntries(counts.map((n) => [n, []]));
    const ratios = [];
    await rounds(
      async (_, warmup) => {
        const times = Object.fromEntries(counts.map((n) => [n, 0]));
        for (let pass = 0; pass < PASSES; pass++) for (const n of counts) times[n] += await render(descriptions[n]);
        if (!warmup) {
          for (const n of counts) samples[n].push(times[n] / PASSES);
          ratios.push(times[counts[1]] / times[counts[0]]);
        }
        return 0;
      },
      { rounds: runs, warmup: 3 },
    );
    return { times: Object.fromEntries(counts.map((n) => [n, summarize(samples[n])])), ratio: summarize(ratios) };
  } finally {
    await browser.close();
  }
}

export default async function run() {
  if (!existsSync(bundlePath)) return [{ name: "control", value: "not built: run npm run build:control first" }];
  const bundle = readFileSync(bundlePath);
  const gzip = gzipSync(bundle, { level: 9 }).length;
  const rows = [
    { name: "production bundle.js", value: `${(bundle.length / 1024).toFixed(1)} KB raw` },
    {
      name: "production bundle.js, gzip",
      value: `${(gzip / 1024).toFixed(1)} KB`,
      budget: "≤ 25 KB",
      ok: gzip <= 25 * 1024,
    },
  ];
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(chromium))
    return [...rows, { name: "render in Chromium", value: `skipped: no Chromium at ${chromium}` }];
  const { times, ratio } = await renderTimes([100, 10_000], 11);
  return [
    ...rows,
    { name: "render 100 messages (Chromium)", stat: times[100], unit: "ms" },
    { name: "render 10,000 messages (Chromium)", stat: times[10_000], unit: "ms" },
    {
      name: "render 10,000 / render 100",
      stat: ratio,
      format: (n) => `${n.toFixed(2)}×`,
      detail: `(${PASSES} renders a side each round)`,
      budget: { atMost: 2, text: "≤ 2×" },
    },
  ];
}
