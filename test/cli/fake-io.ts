import { readFileSync } from "node:fs";
import type { CliIO } from "../../plugins-js/cli/io";
import { run } from "../../plugins-js/cli/main";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `e2c` in-process. Files come from `files` first, then from disk; stdin is `stdin`. */
export function e2c(argv: string[], files: Record<string, string | Buffer> = {}, stdin = ""): CliResult {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (path) => {
      const f = files[path];
      if (f !== undefined) return Buffer.isBuffer(f) ? f : Buffer.from(f, "utf8");
      return readFileSync(path);
    },
    readStdin: () => Buffer.from(stdin, "utf8"),
  };
  const code = run(argv, io);
  return { code, stdout, stderr };
}
