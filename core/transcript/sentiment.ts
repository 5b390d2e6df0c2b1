/**
 * Sentiment in Microsoft's seven-point vocabulary (PRODUCT.md §4.1; Customer Service sentiment analysis,
 * MicrosoftDocs/dynamics-365-customer-engagement `administer/enable-sentiment-analysis.md`).
 */

export const SENTIMENT_LABELS = [
  "Very negative",
  "Negative",
  "Slightly negative",
  "Neutral",
  "Slightly positive",
  "Positive",
  "Very positive",
] as const;

export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];
export type SentimentTone = "negative" | "neutral" | "positive";

/** `e2c_sentiment` choice values: publisher option value prefix 41250, in label order (PRODUCT.md §2, §4.1). */
export const SENTIMENT_OPTION_BASE = 412500000;

export interface Sentiment {
  /** The label, or null when the input is not a sentiment we recognise. */
  label: SentimentLabel | null;
  /** What to show: the label, or the input text kept as it was. */
  text: string;
  /** The `e2c_sentiment` choice value, or null. */
  optionValue: number | null;
  /** Unknown text is shown neutral. */
  tone: SentimentTone;
}

const MODIFIERS: Record<string, "very" | "slightly"> = {
  very: "very",
  extremely: "very",
  strongly: "very",
  highly: "very",
  slightly: "slightly",
  somewhat: "slightly",
  mildly: "slightly",
  a: "slightly", // "a bit negative" → handled with "bit"
  bit: "slightly",
};
const POLARITIES: Record<string, -1 | 0 | 1> = {
  negative: -1,
  neg: -1,
  positive: 1,
  pos: 1,
  neutral: 0,
  neu: 0,
};

function labelOf(index: number): SentimentLabel {
  return SENTIMENT_LABELS[index] as SentimentLabel;
}

/**
 * Numbers are read as a polarity score on anchors at ±2 (very), ±1 (plain), ±0.5 (slightly) and 0, and take the
 * nearest label: `-1` → Negative, `0.4` → Slightly positive, `-2.5` → Very negative.
 */
function fromScore(score: number): SentimentLabel {
  const magnitude = Math.abs(score);
  if (magnitude < 0.25) return "Neutral";
  const step = magnitude < 0.75 ? 1 : magnitude < 1.5 ? 2 : 3;
  return labelOf(3 + Math.sign(score) * step);
}

export function normalizeSentiment(input: string | number | null | undefined): Sentiment {
  if (input === null || input === undefined) return unknown("");
  if (typeof input === "number") return Number.isFinite(input) ? known(fromScore(input)) : unknown(String(input));
  const text = input.trim();
  if (/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(text)) return known(fromScore(Number(text)));
  const words = text
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
  const polarityWord = words[words.length - 1];
  const polarity = polarityWord === undefined ? undefined : POLARITIES[polarityWord];
  if (polarity === undefined) return unknown(text);
  const modifiers = words.slice(0, -1);
  if (polarity === 0) return modifiers.length === 0 ? known("Neutral") : unknown(text);
  if (modifiers.length === 0) return known(labelOf(3 + polarity * 2));
  const strength = modifiers.map((w) => MODIFIERS[w]);
  if (strength.some((s) => s === undefined)) return unknown(text);
  return known(labelOf(3 + polarity * (strength.includes("very") ? 3 : 1)));
}

function known(label: SentimentLabel): Sentiment {
  const index = SENTIMENT_LABELS.indexOf(label);
  return {
    label,
    text: label,
    optionValue: SENTIMENT_OPTION_BASE + index,
    tone: index < 3 ? "negative" : index > 3 ? "positive" : "neutral",
  };
}

function unknown(text: string): Sentiment {
  return { label: null, text, optionValue: null, tone: "neutral" };
}

/** The label for an `e2c_sentiment` choice value, or null when it is not one of ours. */
export function sentimentFromOptionValue(value: number | null | undefined): Sentiment | null {
  // Stryker disable next-line LogicalOperator: with && the test never holds; null then gives a negative index and undefined NaN, both refused below
  if (value === null || value === undefined) return null;
  const index = value - SENTIMENT_OPTION_BASE;
  return Number.isInteger(index) && index >= 0 && index < SENTIMENT_LABELS.length ? known(labelOf(index)) : null;
}
