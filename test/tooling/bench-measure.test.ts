// How `npm run bench` judges a measured line (test/bench/measure.cjs): medians of at least five rounds, and a
// verdict that does not call a measure "within budget" when its spread reaches past the budget.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rounds, summarize, verdict, describeRow } = require("../bench/measure.cjs") as {
  describeRow: (row: Record<string, unknown>) => Record<string, unknown>;
  rounds: (fn: (i: number, warmup: boolean) => number, o?: { rounds?: number; warmup?: number }) => Promise<Stat>;
  summarize: (samples: number[]) => Stat;
  verdict: (stat: Stat, budget: { atLeast: number } | { atMost: number }) => "within" | "over" | "uncertain";
};
interface Stat {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

describe("bench statistics", () => {
  test("the median of an odd count is the middle sample, with the min and max beside it", () => {
    expect(summarize([9, 1, 5, 7, 3])).toEqual({ median: 5, min: 1, max: 9, samples: [1, 3, 5, 7, 9] });
  });

  test("the median of an even count is the mean of the two middle samples", () => {
    expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
  });

  test("warm-up rounds are run but not counted", async () => {
    const seen: Array<[number, boolean]> = [];
    const stat = await rounds(
      (i, warmup) => {
        seen.push([i, warmup]);
        return warmup ? 1000 : i;
      },
      { rounds: 5, warmup: 2 },
    );
    expect(seen.filter(([, w]) => w)).toHaveLength(2);
    expect(stat.samples).toEqual([0, 1, 2, 3, 4]);
  });

  test("fewer than five rounds is refused", async () => {
    await expect(rounds(() => 1, { rounds: 3 })).rejects.toThrow("at least 5 rounds");
  });
});

describe("bench verdicts", () => {
  const stat = (median: number, min: number, max: number): Stat => ({ median, min, max, samples: [min, median, max] });

  test("a ceiling met by every round is within budget", () => {
    expect(verdict(stat(2.1, 2.0, 2.4), { atMost: 3 })).toBe("within");
  });

  test("a ceiling met by the median but not by the slowest round is uncertain", () => {
    expect(verdict(stat(2.6, 2.2, 3.4), { atMost: 3 })).toBe("uncertain");
  });

  test("a ceiling missed by the median is over budget", () => {
    expect(verdict(stat(3.2, 2.9, 3.5), { atMost: 3 })).toBe("over");
  });

  test("a floor met by every round is within budget", () => {
    expect(verdict(stat(120, 105, 130), { atLeast: 100 })).toBe("within");
  });

  test("a floor met by the median but not by the slowest round is uncertain", () => {
    expect(verdict(stat(110, 90, 130), { atLeast: 100 })).toBe("uncertain");
  });

  test("a floor missed by the median is over budget", () => {
    expect(verdict(stat(95, 80, 101), { atLeast: 100 })).toBe("over");
  });

  test("a measured row prints its median, its min–max spread and its rounds, and is judged against its budget", () => {
    const stat = summarize([2.5, 2.9, 3.2, 2.7, 2.8]);
    expect(
      describeRow({
        name: "ratio",
        stat,
        format: (n: number) => `${n.toFixed(1)}×`,
        detail: "(8 passes)",
        budget: { atMost: 3, text: "≤ 3×" },
      }),
    ).toEqual({
      name: "ratio",
      median: 2.8,
      min: 2.5,
      max: 3.2,
      samples: [2.5, 2.7, 2.8, 2.9, 3.2],
      text: "2.8×  (min–max 2.5× – 3.2×, 5 rounds)  (8 passes)",
      budget: "≤ 3×",
      verdict: "uncertain",
    });
  });

  test("a plain row prints its value, and its check decides the verdict", () => {
    expect(describeRow({ name: "bundle", value: "24.3 KB", budget: "≤ 25 KB", ok: true })).toEqual({
      name: "bundle",
      text: "24.3 KB",
      budget: "≤ 25 KB",
      verdict: "within",
    });
    expect(describeRow({ name: "size", value: "5 MB" })).toEqual({ name: "size", text: "5 MB" });
  });
});
