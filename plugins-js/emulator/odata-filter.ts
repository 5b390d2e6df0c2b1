/**
 * The `$filter` subset the emulator understands (PRODUCT.md §7): eq, ne, gt, ge, lt, le, and, or, not, parentheses,
 * contains, startswith, endswith, null, true/false, numbers, 'text' (with '' for a quote), GUIDs and dates.
 * Text compares without regard to case, as Dataverse's default collation does.
 */
import { GUID_RE } from "../../core/connector/odata-literals";
import { errors } from "./errors";

export type FilterNode =
  | { kind: "and" | "or"; operands: FilterNode[] }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; op: "eq" | "ne" | "gt" | "ge" | "lt" | "le"; left: Operand; right: Operand }
  | { kind: "function"; name: "contains" | "startswith" | "endswith"; args: [Operand, Operand] };

export type Operand = { kind: "property"; name: string } | { kind: "literal"; value: unknown };

type Token = { type: "word" | "string" | "punct"; text: string; at: number };

const DATE_RE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;
const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const FUNCTIONS = new Set(["contains", "startswith", "endswith"]);

/**
 * How deep parentheses and `not` may nest. Dataverse documents no number; the OData library that parses its URLs
 * takes a recursion limit (Microsoft, "UriQueryExpressionParser(Int32) Constructor": "The maximum depth of each part
 * of the query - a recursion limit"). A chain of `and`/`or` does not nest: it is one node with many operands.
 */
export const MAX_FILTER_DEPTH = 100;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t") {
      i++;
    } else if (c === "'") {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw errors.badRequest(`Syntax error: unterminated text at position ${i} in $filter.`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      tokens.push({ type: "string", text: value, at: i });
      i = j + 1;
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ type: "punct", text: c, at: i });
      i++;
    } else {
      let j = i;
      while (j < text.length && !" \t(),'".includes(text[j]!)) j++;
      tokens.push({ type: "word", text: text.slice(i, j), at: i });
      i = j;
    }
  }
  return tokens;
}

export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const fail = (what: string): never => {
    const at = peek()?.at ?? text.length;
    throw errors.badRequest(`Syntax error at position ${at} in '${text}': ${what}.`);
  };
  const expect = (punct: string): void => {
    const t = peek();
    if (!t || t.type !== "punct" || t.text !== punct) fail(`expected '${punct}'`);
    pos++;
  };
  const isWord = (word: string): boolean => {
    const t = peek();
    return t !== undefined && t.type === "word" && t.text.toLowerCase() === word;
  };

  function operand(): Operand {
    const t = peek();
    if (!t) return fail("expected a value");
    pos++;
    if (t.type === "string") return { kind: "literal", value: t.text };
    if (t.type === "punct") return fail(`unexpected '${t.text}'`);
    const word = t.text;
    const lower = word.toLowerCase();
    if (lower === "null") return { kind: "literal", value: null };
    if (lower === "true" || lower === "false") return { kind: "literal", value: lower === "true" };
    if (/^-?\d+(\.\d+)?$/.test(word)) return { kind: "literal", value: Number(word) };
    if (GUID_RE.test(word)) return { kind: "literal", value: word.toLowerCase() };
    if (DATE_RE.test(word)) return { kind: "literal", value: new Date(word) };
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(word)) return { kind: "property", name: word };
    return fail(`'${word}' is not a property or a value`);
  }

  let depth = 0;
  const deeper = (): void => {
    depth++;
    if (depth > MAX_FILTER_DEPTH) {
      throw errors.badRequest(`The $filter nests deeper than ${MAX_FILTER_DEPTH} levels of parentheses and 'not'.`);
    }
  };

  function primary(): FilterNode {
    if (isWord("not")) {
      pos++;
      deeper();
      const operand = primary();
      depth--;
      return { kind: "not", operand };
    }
    const t = peek();
    if (t?.type === "punct" && t.text === "(") {
      pos++;
      deeper();
      const inner = or();
      expect(")");
      depth--;
      return inner;
    }
    if (t?.type === "word" && FUNCTIONS.has(t.text.toLowerCase()) && tokens[pos + 1]?.text === "(") {
      pos += 2;
      const first = operand();
      expect(",");
      const second = operand();
      expect(")");
      return { kind: "function", name: t.text.toLowerCase() as "contains", args: [first, second] };
    }
    const left = operand();
    const op = peek();
    if (!op || op.type !== "word" || !COMPARISONS.has(op.text.toLowerCase())) {
      return fail("expected eq, ne, gt, ge, lt or le");
    }
    pos++;
    const right = operand();
    return { kind: "compare", op: op.text.toLowerCase() as "eq", left, right };
  }

  function and(): FilterNode {
    const operands = [primary()];
    while (isWord("and")) {
      pos++;
      operands.push(primary());
    }
    return operands.length === 1 ? operands[0]! : { kind: "and", operands };
  }

  function or(): FilterNode {
    const operands = [and()];
    while (isWord("or")) {
      pos++;
      operands.push(and());
    }
    return operands.length === 1 ? operands[0]! : { kind: "or", operands };
  }

  const tree = or();
  if (pos < tokens.length) fail(`unexpected '${tokens[pos]!.text}'`);
  return tree;
}

/** Properties a filter names, so the caller can check them against the table. */
export function filterProperties(node: FilterNode, out: string[] = []): string[] {
  const visit = (o: Operand): void => {
    if (o.kind === "property") out.push(o.name);
  };
  switch (node.kind) {
    case "and":
    case "or":
      for (const operand of node.operands) filterProperties(operand, out);
      break;
    case "not":
      filterProperties(node.operand, out);
      break;
    case "compare":
      visit(node.left);
      visit(node.right);
      break;
    case "function":
      node.args.forEach(visit);
      break;
  }
  return out;
}

type Resolve = (property: string) => unknown;

function valueOf(o: Operand, resolve: Resolve): unknown {
  return o.kind === "property" ? resolve(o.name) : o.value;
}

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string") {
    // Dates compare as instants; the cheap checks first, as this runs for every row.
    if (value.length >= 19 && value[4] === "-" && value[10] === "T" && DATE_RE.test(value)) return Date.parse(value);
    return value.toLowerCase();
  }
  return value;
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const x = normalize(a === undefined ? null : a);
  const y = normalize(b === undefined ? null : b);
  if (op === "eq") return x === y;
  if (op === "ne") return x !== y;
  if (x === null || y === null) return false;
  const [p, q] = [x as number | string, y as number | string];
  switch (op) {
    case "gt":
      return p > q;
    case "ge":
      return p >= q;
    case "lt":
      return p < q;
    default:
      return p <= q;
  }
}

export function matches(node: FilterNode, resolve: Resolve): boolean {
  switch (node.kind) {
    case "and":
      return node.operands.every((operand) => matches(operand, resolve));
    case "or":
      return node.operands.some((operand) => matches(operand, resolve));
    case "not":
      return !matches(node.operand, resolve);
    case "compare":
      return compare(node.op, valueOf(node.left, resolve), valueOf(node.right, resolve));
    case "function": {
      const [a, b] = node.args.map((o) => valueOf(o, resolve));
      if (typeof a !== "string" || typeof b !== "string") return false;
      const [x, y] = [a.toLowerCase(), b.toLowerCase()];
      if (node.name === "contains") return x.includes(y);
      if (node.name === "startswith") return x.startsWith(y);
      return x.endsWith(y);
    }
  }
}
