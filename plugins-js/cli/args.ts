/**
 * Command-line options, read with Node's own `util.parseArgs` (its tokens), and checked here so that a wrong option
 * says in plain words what is wrong and what is allowed ("unknown option --jsn; did you mean --json?") instead of
 * parseArgs' own text. A wrong option is an input error (exit 2).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError, type CliIO } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | undefined>;

function problem(command: string, message: string): InputError {
  return new InputError("", [{ field: "(root)", message: `${message} (see e2c ${command} --help)` }]);
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function closest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = k.startsWith(name) && name.length >= 2 ? 0.5 : distance(name, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

/**
 * `--emails -3`: the value of a string option may start with a dash (a negative number); parseArgs would call it
 * ambiguous, so it is joined to its option and judged by the option's own check.
 */
function joinDashedValues(args: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith("--") ? arg.slice(2) : null;
    const next = args[i + 1];
    if (name && options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
): { values: Values; positionals: string[] } {
  const { tokens } = parseArgs({
    args: joinDashedValues(args, options),
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const values: Values = {};
  const positionals: string[] = [];
  const known = Object.keys(options);
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (!spec) {
      const suggestion = closest(token.name, known);
      const listed = known.map((k) => `--${k}`).join(", ");
      throw problem(
        command,
        `unknown option ${token.rawName}; ${suggestion ? `did you mean --${suggestion}?` : `e2c ${command} takes ${listed}`}`,
      );
    }
    if (spec.type === "boolean" && token.inlineValue) {
      throw problem(
        command,
        `${token.rawName} takes no value: write ${token.rawName} alone, not ${token.rawName}=${token.value}`,
      );
    }
    if (spec.type === "string" && token.value === undefined) {
      throw problem(command, `${token.rawName} needs a value: ${token.rawName} VALUE`);
    }
    values[token.name] = spec.type === "boolean" ? true : token.value;
  }
  return { values, positionals };
}

/**
 * A whole-number option between `min` and `max`, or `undefined` when it is not given. The error says what the number
 * is and the range allowed: `--emails: must be a number of emails from 0 to 5000, not "-3"`.
 */
export function wholeNumberOption(
  values: Values,
  name: string,
  range: { min: number; max: number; what: string },
): number | undefined {
  const text = values[name];
  if (typeof text !== "string") return undefined;
  const n = /^\s*-?\d+\s*$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n) && n >= range.min && n <= range.max) return n;
  throw new InputError("", [
    { field: `--${name}`, message: `must be ${range.what} from ${range.min} to ${range.max}, not "${text}"` },
  ]);
}

export interface CommandArgs {
  json: boolean;
  file: string | undefined;
  /** Every positional argument, for commands that take several files. */
  files: string[];
  values: Values;
}

/**
 * The shape every e2c command shares: `[FILE] [--json] [--help] [more options]`. Prints the usage and returns null
 * for --help.
 */
export function commandArgs(
  io: CliIO,
  command: string,
  args: string[],
  usage: string,
  more: Options = {},
): CommandArgs | null {
  const { values, positionals } = parseCommandArgs(command, args, {
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
    ...more,
    // Every command that reads e2c.config.json can point it at another environment.
    ...(more.config ? { url: { type: "string" } } : {}),
  });
  if (values.help) {
    io.stdout(usage);
    return null;
  }
  return { json: values.json === true, file: positionals[0], files: positionals, values };
}
