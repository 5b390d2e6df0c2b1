/** The text of a failure: Xrm.WebApi rejects with `{ message }` objects as well as Errors. */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return String(message ?? error);
}
