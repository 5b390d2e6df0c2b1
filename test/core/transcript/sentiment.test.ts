import { normalizeSentiment, SENTIMENT_LABELS, sentimentFromOptionValue } from "../../../core/transcript/sentiment";

/** Microsoft's seven labels and the e2c_sentiment choice values PRODUCT.md §2 and §4.1 give them, written out. */
const DOCUMENTED: Array<[string, number]> = [
  ["Very negative", 412500000],
  ["Negative", 412500001],
  ["Slightly negative", 412500002],
  ["Neutral", 412500003],
  ["Slightly positive", 412500004],
  ["Positive", 412500005],
  ["Very positive", 412500006],
];

describe("sentiment in Microsoft's seven-point vocabulary (PRODUCT.md §4.1)", () => {
  test("the vocabulary is Microsoft's seven labels, in order", () => {
    expect([...SENTIMENT_LABELS]).toEqual(DOCUMENTED.map(([label]) => label));
  });

  test.each(DOCUMENTED)("%s is matched case-insensitively and has choice value %i", (label, value) => {
    const s = normalizeSentiment(label.toUpperCase());
    expect(s.label).toBe(label);
    expect(s.optionValue).toBe(value);
  });

  test.each([
    ["negative", "Negative"],
    ["neg", "Negative"],
    ["-1", "Negative"],
    ["1", "Positive"],
    ["pos", "Positive"],
    ["0", "Neutral"],
    ["very_negative", "Very negative"],
    ["slightly-positive", "Slightly positive"],
    ["extremely negative", "Very negative"],
    ["somewhat positive", "Slightly positive"],
    ["-0.4", "Slightly negative"],
    ["0.9", "Positive"],
    ["-2", "Very negative"],
    ["3", "Very positive"],
  ])("%s normalises to %s", (input, label) => {
    expect(normalizeSentiment(input).label).toBe(label);
  });

  test("a number normalises like its text", () => {
    expect(normalizeSentiment(-1).label).toBe("Negative");
    expect(normalizeSentiment(0.1).label).toBe("Neutral");
  });

  test("anything else is kept as text and shown neutral", () => {
    expect(normalizeSentiment("grumpy")).toEqual({ label: null, text: "grumpy", optionValue: null, tone: "neutral" });
    expect(normalizeSentiment("very neutral").label).toBeNull();
  });

  test("negative labels have a negative tone, positive labels a positive tone", () => {
    expect(SENTIMENT_LABELS.map((l) => normalizeSentiment(l).tone)).toEqual([
      "negative",
      "negative",
      "negative",
      "neutral",
      "positive",
      "positive",
      "positive",
    ]);
  });

  test("an e2c_sentiment choice value reads back as its label; others are not ours", () => {
    expect(sentimentFromOptionValue(412500001)?.label).toBe("Negative");
    expect(sentimentFromOptionValue(412500007)).toBeNull();
    expect(sentimentFromOptionValue(1)).toBeNull();
  });
});
