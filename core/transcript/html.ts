/**
 * A description saved by the rich text editor arrives as HTML (PRODUCT.md §4 rule 6). This turns it into text
 * without executing or rendering anything: it is string work only, so it runs the same in the browser and Node.
 * A parser library (htmlparser2 + entities) would add ~30 KB gzip to the control for the handful of block tags
 * the rich text editor writes; the PCF bundle budget is 25 KB (§9).
 */

/**
 * Every named character reference of HTML 4 (the Latin-1, symbol and special sets, 252 names) plus `&apos;`, as the
 * browser decodes them (WHATWG HTML, "Named character references":
 * https://html.spec.whatwg.org/multipage/named-characters.html). These are the names mail clients and the rich text
 * editor write; all 2,125 names of HTML5 (`&NotNestedGreaterGreater;`), packed the same way, would add 10.5 KB
 * gzip to the control, so an unknown name is kept as written. Packed to stay small in the bundle: the Latin-1 set in code point order from
 * U+00A0, the rest as `name:code point in base 36`.
 */
const LATIN1_NAMES =
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 " +
  "sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc " +
  "Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve " +
  "Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute " +
  "acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde " +
  "ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";
const OTHER_NAMES =
  "quot:y amp:12 lt:1o gt:1q apos:13 OElig:9e oelig:9f Scaron:9s scaron:9t Yuml:ag fnof:b6 circ:jq " +
  "tilde:kc Alpha:pd Beta:pe Gamma:pf Delta:pg Epsilon:ph Zeta:pi Eta:pj Theta:pk Iota:pl Kappa:pm " +
  "Lambda:pn Mu:po Nu:pp Xi:pq Omicron:pr Pi:ps Rho:pt Sigma:pv Tau:pw Upsilon:px Phi:py Chi:pz Psi:q0 " +
  "Omega:q1 alpha:q9 beta:qa gamma:qb delta:qc epsilon:qd zeta:qe eta:qf theta:qg iota:qh kappa:qi " +
  "lambda:qj mu:qk nu:ql xi:qm omicron:qn pi:qo rho:qp sigmaf:qq sigma:qr tau:qs upsilon:qt phi:qu " +
  "chi:qv psi:qw omega:qx thetasym:r5 upsih:r6 piv:ra ensp:6bm emsp:6bn thinsp:6bt zwnj:6bw zwj:6bx " +
  "lrm:6by rlm:6bz ndash:6c3 mdash:6c4 lsquo:6c8 rsquo:6c9 sbquo:6ca ldquo:6cc rdquo:6cd bdquo:6ce " +
  "dagger:6cg Dagger:6ch bull:6ci hellip:6cm permil:6cw prime:6cy Prime:6cz lsaquo:6d5 rsaquo:6d6 " +
  "oline:6da frasl:6dg euro:6gc image:6j5 weierp:6jc real:6jg trade:6jm alefsym:6k5 larr:6mo uarr:6mp " +
  "rarr:6mq darr:6mr harr:6ms crarr:6np lArr:6og uArr:6oh rArr:6oi dArr:6oj hArr:6ok forall:6ps " +
  "part:6pu exist:6pv empty:6px nabla:6pz isin:6q0 notin:6q1 ni:6q3 prod:6q7 sum:6q9 minus:6qa " +
  "lowast:6qf radic:6qi prop:6ql infin:6qm ang:6qo and:6qv or:6qw cap:6qx cup:6qy int:6qz there4:6r8 " +
  "sim:6rg cong:6rp asymp:6rs ne:6sg equiv:6sh le:6sk ge:6sl sub:6te sup:6tf nsub:6tg sube:6ti supe:6tj " +
  "oplus:6tx otimes:6tz perp:6ud sdot:6v9 lceil:6x4 rceil:6x5 lfloor:6x6 rfloor:6x7 lang:7vs rang:7vt " +
  "loz:7gq spades:7kw clubs:7kz hearts:7l1 diams:7l2";

let namedEntities: Map<string, string> | null = null;

function entityTable(): Map<string, string> {
  if (namedEntities) return namedEntities;
  const table = new Map<string, string>();
  LATIN1_NAMES.split(" ").forEach((name, i) => table.set(name, String.fromCharCode(0xa0 + i)));
  for (const pair of OTHER_NAMES.split(" ")) {
    const [name, code] = pair.split(":") as [string, string];
    table.set(name, String.fromCodePoint(parseInt(code, 36)));
  }
  namedEntities = table;
  return table;
}

export function decodeEntities(text: string): string {
  // Stryker disable next-line StringLiteral: every text includes "", so the early exit is never taken and the replace below finds nothing either
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    // Names are case-sensitive (`&Uuml;` is not `&uuml;`); `&AMP;`, `&NBSP;` and the like are read as lower case.
    const table = entityTable();
    return table.get(name) ?? table.get(name.toLowerCase()) ?? whole;
  });
}

const HTML_START_RE =
  /^\s*(<!doctype html|<!--|<(html|body|head|p|div|br|span|font|table|tbody|tr|td|ul|ol|li|pre|blockquote|h[1-6]|b|strong|i|em|u|a|img|section|article|meta|style)\b)/i;

/** A description is HTML when it starts with a tag; a plain transcript starts with a header key or a separator. */
export function looksLikeHtml(text: string): boolean {
  return HTML_START_RE.test(text);
}

const BLOCK_TAGS = "p|div|li|ul|ol|tr|table|h[1-6]|blockquote|pre|section|article|header|footer|title";

export function htmlToText(html: string): string {
  return (
    decodeEntities(
      html
        .replace(/<!--[\s\S]*?(-->|$)/g, "")
        // Content of these is never text a person wrote: drop it whole.
        .replace(/<(script|style|head|template|noscript|iframe|object)\b[\s\S]*?(<\/\1\s*>|$)/gi, "")
        .replace(/\r\n?/g, "\n")
        // Source newlines between tags are layout, not text (the editor breaks lines with <p> and <br>).
        .replace(/>\s*\n\s*</g, "><")
        .replace(/<br\b[^>]*>/gi, "\n")
        .replace(new RegExp(`</(${BLOCK_TAGS})\\s*>`, "gi"), "\n")
        .replace(new RegExp(`<(${BLOCK_TAGS})\\b[^>]*>`, "gi"), "")
        .replace(/<\/?[a-z!?][^>]*>/gi, ""),
    )
      .replace(/\u00a0/g, " ")
      .replace(/\u00ad/g, "")
      // Layout made of empty paragraphs and <br>s is not text: at most one blank line in a row.
      .replace(/\n(?:[ \t]*\n){2,}/g, "\n\n")
      .replace(/\n+$/, "")
  );
}
