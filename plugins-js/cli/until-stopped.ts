/** How a serving command waits: until its caller's `stop` (a test) settles, else until Ctrl-C or SIGTERM. */
export function untilStopped(stop?: Promise<unknown>): Promise<unknown> {
  return (
    stop ??
    new Promise<void>((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    })
  );
}
