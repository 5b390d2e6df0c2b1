import { decodeEntities, htmlToText, looksLikeHtml } from "../../../core/transcript/html";

describe("a description saved as HTML is turned into text, never rendered (PRODUCT.md §4 rule 6)", () => {
  test("paragraphs, divs and <br> become lines", () => {
    expect(htmlToText("<p>one</p><div>two</div><p>three<br>four<br/>five</p>")).toBe("one\ntwo\nthree\nfour\nfive");
  });

  test("an empty paragraph (&nbsp;) becomes a blank line", () => {
    expect(htmlToText("<p>one</p><p>&nbsp;</p><p>two</p>")).toBe("one\n \ntwo");
  });

  test("newlines in the HTML source between tags are not text", () => {
    expect(htmlToText("<p>one</p>\n\n<p>two</p>\n")).toBe("one\ntwo");
  });

  test("scripts, styles, comments and event handlers leave no trace", () => {
    const html =
      '<p onclick="steal()">hi</p><script>alert(1)</script><style>*{display:none}</style><!-- secret --><img src=x onerror=alert(1)>';
    expect(htmlToText(html)).toBe("hi");
  });

  test("escaped markup comes back as literal text, to be shown as text", () => {
    expect(htmlToText("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe("<script>alert(1)</script>");
  });

  test("named, decimal and hex entities are decoded; unknown ones are kept", () => {
    expect(decodeEntities("&amp; &quot; &#39; &#x20AC; &euro; &bogus;")).toBe("& \" ' € € &bogus;");
  });

  test("entities that name no character become the replacement character", () => {
    expect(decodeEntities("&#0; &#xD800; &#99999999;")).toBe("\ufffd \ufffd \ufffd");
  });

  test("an unclosed script swallows the rest rather than leaking it as text", () => {
    expect(htmlToText("<p>ok</p><script>alert(1)")).toBe("ok");
  });

  test("only text that starts with a tag is taken as HTML", () => {
    expect(looksLikeHtml("<p>hello</p>")).toBe(true);
    expect(looksLikeHtml("  <div>x</div>")).toBe(true);
    expect(looksLikeHtml("Channel: email\n<p>in a body</p>")).toBe(false);
    expect(looksLikeHtml("<jane@contoso.com> wrote")).toBe(false);
  });
});

describe("HTML from mail clients (issue 19)", () => {
  test("every HTML 4 named entity is decoded, case-sensitively", () => {
    expect(decodeEntities("&bdquo;Stra&szlig;e&ldquo; &Uuml;ber &uuml;ber &alpha;&Omega; &hearts; &NBSP;x")).toBe(
      "„Straße“ Über über αΩ ♥ \u00a0x",
    );
  });

  test("runs of empty paragraphs and <br>s become one blank line", () => {
    expect(htmlToText(`<p>one</p>${"<br>".repeat(20)}<p>two</p>`)).toBe("one\n\ntwo");
  });
});
