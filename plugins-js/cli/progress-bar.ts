/** The progress bar the long-running commands draw on a terminal's standard error (cli-progress). */
import { SingleBar } from "cli-progress";

export interface TerminalProgress {
  /** Shows `value` of `total`, with the `step` shown where the format names {step}; starts the bar the first time. */
  update(value: number, total: number, step?: string): void;
  /** Clears the bar, if it was ever drawn. */
  stop(): void;
}

/** A bar in `format` (cli-progress placeholders: {bar}, {value}, {total}, {step}), started lazily on stderr. */
export function terminalProgressBar(format: string): TerminalProgress {
  const bar = new SingleBar({ format, stream: process.stderr, hideCursor: true, clearOnComplete: true });
  let started = false;
  return {
    update(value, total, step = "") {
      if (!started) bar.start(total, value, { step });
      started = true;
      bar.setTotal(total);
      bar.update(value, { step });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
