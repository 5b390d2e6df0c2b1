/**
 * The handoff checked against what the connector will write it into, before anything is written (PRODUCT.md §8
 * point 1): the lengths of the contact and case columns read from the environment's metadata, the sentiment
 * vocabulary of PRODUCT.md §4.1, and the size of the note that holds the full transcript. Each problem names the
 * handoff's field, the limit and what to do.
 *
 * Refuse or cut, per field: the customer's address, name and phone, the session URL, the classification and the
 * handoff id are refused when too long (a cut address, name or link would be a wrong one); the title and the
 * description are cut by design (PRODUCT.md §4 rule 2, §8 point 4), the full transcript going into a note.
 */
import type { InputProblem } from "../transcript/handoff";
import { normalizeSentiment, SENTIMENT_LABELS } from "../transcript/sentiment";
import type { Handoff } from "../transcript/types";
import { columnOf, type TableMetadata } from "./table-metadata";

/** Dataverse's default lengths of the contact columns the connector writes (Contact table reference,
 * https://learn.microsoft.com/power-apps/developer/data-platform/reference/entities/contact). */
export const CONTACT_TEXT_DEFAULTS = { emailaddress1: 100, firstname: 50, lastname: 50, telephone1: 50 } as const;
export type ContactTextColumn = keyof typeof CONTACT_TEXT_DEFAULTS;

/**
 * Scores are read on anchors at ±2 (very), ±1 and ±0.5 (PRODUCT.md §4.1); a score further out than ±3 is not on
 * that scale (a 0–100 or 1–5 score would land on "Very positive" whatever it meant), so it is refused.
 */
export const SENTIMENT_SCORE_LIMIT = 3;

/** Where the customer's address and name come from: the customer, else the first customer message's sender. */
export interface CustomerFields {
  email: { value: string; field: string } | null;
  name: { value: string; field: string } | null;
}

export interface LimitFacts {
  incident: TableMetadata;
  /** Max lengths of the contact's text columns, as the environment reports them. */
  contactTextLimits?: Partial<Record<ContactTextColumn, number>>;
  maxUploadBytes: number;
}

/** The first and last name a new contact gets: the last word is the last name (contact.lastname is required). */
export function splitName(name: string): { firstname?: string; lastname: string } {
  const clean = name.replace(/\s+/g, " ").trim();
  const space = clean.lastIndexOf(" ");
  return space > 0 ? { firstname: clean.slice(0, space), lastname: clean.slice(space + 1) } : { lastname: clean };
}

export function contactLimit(facts: LimitFacts, column: ContactTextColumn): number {
  return facts.contactTextLimits?.[column] ?? CONTACT_TEXT_DEFAULTS[column];
}

/** The UTF-8 size of a text, as a file on a note holds it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLong(value: string, max: number, what: string, todo: string): string | null {
  return value.length > max
    ? `is ${value.length} characters; ${what} holds at most ${max} in this environment: ${todo}`
    : null;
}

function sentimentProblem(sentiment: unknown): string | null {
  const labels = SENTIMENT_LABELS.join(", ");
  const numeric =
    typeof sentiment === "number" ? sentiment : typeof sentiment === "string" ? Number(sentiment.trim()) : NaN;
  if (
    (typeof sentiment === "number" ||
      (typeof sentiment === "string" && /^\s*[+-]?(\d+(\.\d+)?|\.\d+)\s*$/.test(sentiment))) &&
    Math.abs(numeric) > SENTIMENT_SCORE_LIMIT
  ) {
    return `${String(sentiment).trim()} is outside the score range -${SENTIMENT_SCORE_LIMIT} to ${SENTIMENT_SCORE_LIMIT}; send one of Microsoft's seven labels instead: ${labels}`;
  }
  if (typeof sentiment !== "string" && typeof sentiment !== "number") return null; // validateHandoff says so
  if (normalizeSentiment(sentiment).label !== null) return null;
  return `${JSON.stringify(sentiment)} is not a sentiment: send one of Microsoft's seven labels (${labels}) or a score from -${SENTIMENT_SCORE_LIMIT} to ${SENTIMENT_SCORE_LIMIT}`;
}

/**
 * Problems of a handoff against the environment's limits, every one at once; safe on a handoff that failed
 * `validateHandoff` (only text is measured). `transcriptFile` is the full transcript when it goes into a note as
 * a file (the description cut, and too long for a note's text), else "".
 */
export function handoffLimitProblems(
  handoff: Handoff,
  customer: CustomerFields,
  facts: LimitFacts,
  transcriptFile: string,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (field: string, message: string | null): void => {
    if (message) problems.push({ field, message });
  };
  add("sentiment", sentimentProblem(handoff.sentiment));
  if (Array.isArray(handoff.messages) && handoff.messages.length === 0) {
    add("messages", "is empty: a handoff carries at least one message, the conversation the case is about");
  }
  const incidentMax = (column: string): number | undefined => {
    return columnOf(facts.incident, column)?.maxLength;
  };
  const urlMax = incidentMax("e2c_sessionurl");
  if (typeof handoff.sessionUrl === "string" && urlMax !== undefined) {
    add(
      "sessionUrl",
      tooLong(handoff.sessionUrl, urlMax, "the case's session URL column (e2c_sessionurl)", "send a shorter link"),
    );
  }
  const idMax = incidentMax("e2c_handoffid");
  if (typeof handoff.handoffId === "string" && idMax !== undefined) {
    add(
      "handoffId",
      tooLong(handoff.handoffId, idMax, "the case's handoff id column (e2c_handoffid)", "use a shorter id"),
    );
  }
  const classMax = incidentMax("e2c_classification");
  if (typeof handoff.classification === "string" && classMax !== undefined) {
    add(
      "classification",
      tooLong(
        handoff.classification.trim(),
        classMax,
        "the case's classification column (e2c_classification)",
        "use a shorter classification",
      ),
    );
  }

  if (customer.email) {
    add(
      customer.email.field,
      tooLong(
        customer.email.value,
        contactLimit(facts, "emailaddress1"),
        "a contact's email (emailaddress1)",
        "check the address",
      ),
    );
  }
  if (customer.name) {
    const parts = splitName(customer.name.value);
    for (const [part, column, label] of [
      [parts.firstname, "firstname", "first name"],
      [parts.lastname, "lastname", "last name"],
    ] as const) {
      const max = contactLimit(facts, column);
      if (part !== undefined && part.length > max) {
        add(
          customer.name.field,
          `its ${label} is ${part.length} characters; a contact's ${label} (${column}) holds at most ${max} in this environment: send a shorter name`,
        );
      }
    }
  }
  const phone: unknown = (handoff.customer as { phone?: unknown } | undefined)?.phone;
  if (phone !== undefined && phone !== null) {
    if (typeof phone !== "string") {
      add("customer.phone", `must be text, such as "+1 425 555 0100", not ${typeof phone} ${String(phone)}`);
    } else {
      add(
        "customer.phone",
        tooLong(
          phone.trim(),
          contactLimit(facts, "telephone1"),
          "a contact's phone (telephone1)",
          "send the number alone",
        ),
      );
    }
  }

  const noteBytes = utf8Length(transcriptFile);
  if (transcriptFile !== "" && noteBytes > facts.maxUploadBytes) {
    let largest = 0;
    handoff.messages.forEach((m, i) => {
      if (m.body.length > handoff.messages[largest]!.body.length) largest = i;
    });
    add(
      `messages[${largest}].body`,
      `is ${handoff.messages[largest]!.body.length} characters: the full transcript (${noteBytes} bytes) goes into a note on the case, and this environment accepts files up to ${facts.maxUploadBytes} bytes (System Settings → Email → maximum file size): shorten the message`,
    );
  }
  return problems;
}
