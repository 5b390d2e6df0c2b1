/** A refusal from Dataverse: the HTTP status and the error body's code and message (research domain.md §5). */
import type { DataverseFault } from "../../core/connector/explain-error";

export class DataverseError extends Error implements DataverseFault {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For a change set: which request (0-based) failed. */
    readonly requestIndex: number | null = null,
  ) {
    super(message);
    this.name = "DataverseError";
  }
}

/** The `{ error: { code, message } }` body, or the status line when there is none. */
export function errorFromBody(status: number, statusText: string, body: string | undefined): DataverseError {
  try {
    const parsed = JSON.parse(body ?? "") as { error?: { code?: string; message?: string } };
    if (parsed.error) return new DataverseError(status, parsed.error.code ?? "", parsed.error.message ?? statusText);
  } catch {
    // Not JSON: fall through to the status line.
  }
  return new DataverseError(status, "", `${status} ${statusText}`.trim());
}

/**
 * A write that failed after a try whose answer was lost (a dropped connection or a 503 after the request was sent):
 * it may have been carried out, so the caller must look before it says what happened. `cause` is how the last try
 * ended (a DataverseError, such as the 412 of a retry that found its own write, or a connection error).
 */
export class AnswerLostError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the answer was lost: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "AnswerLostError";
  }
}
