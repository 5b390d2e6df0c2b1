/** Command-line options, parsed with Node's own `util.parseArgs`; a wrong option is an input error. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError, type CliIO } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseCommandArgs<O extends Options>(
  command: string,
  args: string[],
  options: O,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new InputError("", [{ field: "(root)", message: `${(error as Error).message}; see e2c ${command} --help` }]);
  }
}

export interface CommandArgs {
  json: boolean;
  file: string | undefined;
  /** Every positional argument, for commands that take several files. */
  files: string[];
  values: Record<string, string | boolean | undefined>;
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
  });
  if (values.help) {
    io.stdout(usage);
    return null;
  }
  return { json: values.json === true, file: positionals[0], files: positionals, values };
}
