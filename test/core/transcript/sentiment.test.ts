import { normalizeSentiment, SENTIMENT_LABELS, sentimentFromOptionValue } from "../../../core/transcript/sentiment";

describe("sentiment in Microsoft's seven-point vocabulary (PRODUCT.md §4.1)", () => {
  test.each(SENTIMENT_LABELS.map((l, i) => [l, i]))(
    "%s is matched case-insensitively and has choice value 41250000%i",
    (label, i) => {
      const s = normalizeSentiment(String(label).toUpperCase());
      expect(s.label).toBe(label);
      expect(s.optionValue).toBe(412500000 + Number(i));
    },
  );

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
