/** Command-line options, parsed with Node's own `util.parseArgs`; a wrong option is an input error. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "./io";

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
