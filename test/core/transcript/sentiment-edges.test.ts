import { normalizeSentiment, sentimentFromOptionValue } from "../../../core/transcript/sentiment";

describe("a sentiment score between two labels", () => {
  test.each([
    [0.25, "Slightly positive"],
    [-0.25, "Slightly negative"],
    [0.75, "Positive"],
    [-0.75, "Negative"],
    [1.5, "Very positive"],
    [-1.5, "Very negative"],
  ])("%d, halfway between two anchors, takes the stronger label: %s", (score, label) => {
    expect(normalizeSentiment(score).label).toBe(label);
  });

  test.each([
    ["12", "Very positive"],
    ["0.75", "Positive"],
    [".25", "Slightly positive"],
    [" -1 ", "Negative"],
  ])("the text %j reads as a score: %s", (text, label) => {
    expect(normalizeSentiment(text).label).toBe(label);
  });

  test("text that only holds a number beside words is no score", () => {
    expect(normalizeSentiment("level 2")).toEqual({ label: null, text: "level 2", optionValue: null, tone: "neutral" });
    expect(normalizeSentiment("2 stars")).toEqual({ label: null, text: "2 stars", optionValue: null, tone: "neutral" });
  });
});

describe("a sentiment written in words", () => {
  test("a label wrapped in underscores or dashes reads as the label", () => {
    expect(normalizeSentiment("_negative_").label).toBe("Negative");
  });

  test("a word before the polarity that is no modifier makes it unknown, kept as written", () => {
    expect(normalizeSentiment("quite negative")).toEqual({
      label: null,
      text: "quite negative",
      optionValue: null,
      tone: "neutral",
    });
    expect(normalizeSentiment("very quite negative").label).toBeNull();
  });

  test("unknown text is kept without the spaces around it", () => {
    expect(normalizeSentiment("  grumpy  ").text).toBe("grumpy");
  });

  test("no sentiment at all is unknown and empty", () => {
    const none = { label: null, text: "", optionValue: null, tone: "neutral" };
    expect(normalizeSentiment(null)).toEqual(none);
    expect(normalizeSentiment(undefined)).toEqual(none);
  });
});

describe("an e2c_sentiment choice value", () => {
  test("the first choice value is Very negative", () => {
    expect(sentimentFromOptionValue(412500000)?.label).toBe("Very negative");
  });

  test("no choice value is no sentiment", () => {
    expect(sentimentFromOptionValue(null)).toBeNull();
    expect(sentimentFromOptionValue(undefined)).toBeNull();
  });
});
