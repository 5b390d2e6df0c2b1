"use strict";
// How every bench line is measured and judged: at least five rounds after a warm-up, the median reported with the
// min–max spread, and a verdict that says "uncertain" when the spread reaches across the budget (a 2-core machine
// moves from one run to the next; a median alone would call a coin toss "within budget").

const ROUNDS = 5;

/** Summary of a list of samples: median, min, max and the samples themselves (sorted). */
function summarize(samples) {
  if (samples.length === 0) throw new Error("no samples to summarize");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples: sorted };
}

/** Runs `fn` `warmup` times unmeasured, then `rounds` times; each round returns a number or resolves to one. */
async function rounds(fn, { rounds: count = ROUNDS, warmup = 1 } = {}) {
  if (count < ROUNDS) throw new Error(`a bench line needs at least ${ROUNDS} rounds, not ${count}`);
  for (let i = 0; i < warmup; i++) await fn(i, true);
  const samples = [];
  for (let i = 0; i < count; i++) samples.push(await fn(i, false));
  return summarize(samples);
}

/** Milliseconds one synchronous call of `fn` takes. */
function timeMs(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * The verdict of a measured line against `budget = { atLeast } | { atMost }`:
 * - "within budget" when the median and the whole spread meet it,
 * - "OVER BUDGET" when the median misses it,
 * - "uncertain" when the median meets it but the spread reaches past it (the margin is smaller than the noise).
 */
function verdict(stat, budget) {
  if ("atLeast" in budget) {
    if (stat.median < budget.atLeast) return "over";
    return stat.min < budget.atLeast ? "uncertain" : "within";
  }
  if (stat.median > budget.atMost) return "over";
  return stat.max > budget.atMost ? "uncertain" : "within";
}

const fixed = (n) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));

/**
 * One row a bench returns, as `npm run bench` prints and records it: `{ name, text, budget?, verdict?, median?, min?,
 * max?, samples?, unit? }`. A measured row (`stat`) prints its median with the min–max spread and the number of
 * rounds; a plain row (`value`, `ok`) prints its value.
 */
function describeRow(row) {
  let text;
  let judged;
  if (row.stat) {
    const format = row.format ?? ((n) => `${fixed(n)}${row.unit ? ` ${row.unit}` : ""}`);
    text = `${format(row.stat.median)}  (min–max ${format(row.stat.min)} – ${format(row.stat.max)}, ${row.stat.samples.length} rounds)`;
    if (row.detail) text += `  ${row.detail}`;
    judged = row.budget ? verdict(row.stat, row.budget) : undefined;
  } else {
    text = row.value;
    judged = row.ok === undefined ? undefined : row.ok ? "within" : "over";
  }
  const budget = row.budget ? (typeof row.budget === "string" ? row.budget : row.budget.text) : undefined;
  return {
    name: row.name,
    ...(row.stat ? { median: row.stat.median, min: row.stat.min, max: row.stat.max, samples: row.stat.samples } : {}),
    ...(row.unit ? { unit: row.unit } : {}),
    text,
    ...(budget ? { budget, verdict: judged } : {}),
  };
}

module.exports = { ROUNDS, summarize, rounds, timeMs, verdict, describeRow };
