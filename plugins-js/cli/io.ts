/** Reading the command's inputs, with errors that name the file and say what to do (PRODUCT.md §6). */
import { readFileSync, statSync } from "node:fs";
import type { InputProblem } from "../../core/transcript/handoff";

/** Bad input: printed without a stack trace, exit code 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problems: InputProblem[],
    readonly hint?: string,
  ) {
    // `file` is empty for a mistake in the command line itself.
    super(
      problems
        .map((p) => `${file ? `${file}: ` : ""}${p.field === "(root)" ? "" : `${p.field}: `}${p.message}`)
        .join("\n"),
    );
    this.name = "InputError";
  }
}

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Buffer;
  readStdin: () => Buffer;
  /** A file's size in bytes, so a command can refuse a huge file before reading it (optional: tests leave it out). */
  fileSize?: (path: string) => number;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTTY?: boolean;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path),
  readStdin: () => readFileSync(0),
  fileSize: (path) => statSync(path).size,
  stderrIsTTY: process.stderr.isTTY === true,
};

export interface TextInput {
  name: string;
  text: string;
}

/** A file's text, or standard input for `-`. Unreadable or non-UTF-8 input is an input error. */
export function readText(io: CliIO, path: string | undefined): TextInput {
  const name = path === undefined || path === "-" ? "(stdin)" : path;
  let bytes: Buffer;
  try {
    bytes = name === "(stdin)" ? io.readStdin() : io.readFile(name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file: check the path"
        : code === "EISDIR"
          ? "is a folder, not a file"
          : code === "EACCES"
            ? "cannot be read: permission denied"
            : `cannot be read (${code ?? (error as Error).message})`;
    throw new InputError(name, [{ field: "(root)", message: why }]);
  }
  try {
    return { name, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    throw new InputError(name, [{ field: "(root)", message: "is not UTF-8 text: save it as UTF-8 and try again" }]);
  }
}

/** A JSON file; a syntax error names the line and column. */
export function readJson(io: CliIO, path: string | undefined, what: string): { name: string; value: unknown } {
  if (path === undefined) {
    throw new InputError("", [{ field: "(root)", message: `name the ${what} file to read` }]);
  }
  const { name, text } = readText(io, path);
  try {
    return { name, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    let where = "";
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split("\n").length;
      where = ` at line ${line}, column ${Number(at[1]) - before.lastIndexOf("\n")}`;
    }
    throw new InputError(name, [
      { field: "(root)", message: `is not valid JSON${where}: ${message.replace(/\s*\(line \d+ column \d+\)/, "")}` },
    ]);
  }
}
