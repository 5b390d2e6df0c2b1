import { readFileSync } from "node:fs";
import type { CliIO } from "../../plugins-js/cli/io";
import { run } from "../../plugins-js/cli/main";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function fakeIO(
  files: Record<string, string | Buffer>,
  stdin: string,
): { io: CliIO; out: () => { stdout: string; stderr: string } } {
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
  return { io, out: () => ({ stdout, stderr }) };
}

/** Runs a synchronous `e2c` command in-process. Files come from `files` first, then from disk; stdin is `stdin`. */
export function e2c(argv: string[], files: Record<string, string | Buffer> = {}, stdin = ""): CliResult {
  const { io, out } = fakeIO(files, stdin);
  const code = run(argv, io);
  if (typeof code !== "number") throw new Error(`e2c ${argv[0]} answers later: use e2cAsync`);
  return { code, ...out() };
}

/** Runs any `e2c` command in-process, waiting for the ones that talk to an environment. */
export async function e2cAsync(
  argv: string[],
  files: Record<string, string | Buffer> = {},
  stdin = "",
): Promise<CliResult> {
  const { io, out } = fakeIO(files, stdin);
  const code = await run(argv, io);
  return { code, ...out() };
}
