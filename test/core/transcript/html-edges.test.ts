import { decodeEntities, htmlToText } from "../../../core/transcript/html";

// The entity table is built on first use in each test file; this file's first test uses Latin-1 names, so a
// wrong Latin-1 table is caught here whichever file runs.
describe("entities from mail clients", () => {
  test("Latin-1 names decode to their own characters", () => {
    expect(decodeEntities("&Auml;rger &szlig; &eacute;t&eacute; &yuml; &copy; &frac12;")).toBe("Ärger ß été ÿ © ½");
  });

  test("a hex reference may be written with a capital X", () => {
    expect(decodeEntities("&#X41;&#x42;")).toBe("AB");
  });

  test("the last code point of Unicode is a character; one past it is not", () => {
    expect(decodeEntities("&#x10FFFF;|&#x110000;")).toBe("\u{10ffff}|\ufffd");
  });

  test("the last surrogate is no character; the code point after it is", () => {
    expect(decodeEntities("&#xDFFF;|&#xE000;")).toBe("\ufffd|\ue000");
  });
});

describe("HTML markup that is no text", () => {
  test("a comment holding > leaves nothing behind", () => {
    expect(htmlToText("<p>Hi</p><!-- a > b -->")).toBe("Hi");
  });

  test("an unclosed comment swallows the rest", () => {
    expect(htmlToText("<p>Hi</p><!-- draft > not sent")).toBe("Hi");
  });

  test("a script with spaces in it leaves no trace", () => {
    expect(htmlToText("<p>Hi</p><script>var x = 1; alert(x);</script>")).toBe("Hi");
  });

  test("a soft hyphen is dropped", () => {
    expect(htmlToText("<p>co&shy;operate</p>")).toBe("cooperate");
  });
});

describe("line breaks in the HTML source", () => {
  test("a bare carriage return is a line break", () => {
    expect(htmlToText("one\rtwo")).toBe("one\ntwo");
  });

  test("a Windows line break is one line break", () => {
    expect(htmlToText("one\r\ntwo")).toBe("one\ntwo");
  });

  test("a newline right between two tags, with no spaces, is layout", () => {
    expect(htmlToText("<p>one</p>\n<p>two</p>")).toBe("one\ntwo");
  });
});
