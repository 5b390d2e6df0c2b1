/**
 * How a search match is marked in a piece of transcript text (a message body's segment, a subject, the summary):
 * the marked characters and the text around them exactly as written, one <mark> per match, text never markup.
 */
import { render } from "@testing-library/react";
import * as React from "react";
import { Highlighted } from "../../pcf/HandoffTranscript/components/Highlighted";
import type { TextMatch } from "../../pcf/HandoffTranscript/model/summary-search";

function marked(text: string, matches: TextMatch[], options: { offset?: number; active?: TextMatch } = {}): string {
  const { container } = render(
    <Highlighted text={text} offset={options.offset ?? 0} matches={matches} activeMatch={options.active} />,
  );
  return container.innerHTML;
}

describe("a search match in transcript text", () => {
  test("is marked, with the text before and after it unchanged", () => {
    expect(marked("charged twice today", [{ start: 8, end: 13 }])).toBe(
      'charged <mark class="e2c-match">twice</mark> today',
    );
  });

  test("the active match is marked as the active one", () => {
    const active = { start: 0, end: 7 };
    expect(marked("charged twice", [active, { start: 8, end: 13 }], { active })).toBe(
      '<mark class="e2c-match e2c-match-active" data-active="true">charged</mark> <mark class="e2c-match">twice</mark>',
    );
  });

  test("an equal match that is not the active one is not marked active", () => {
    expect(marked("twice", [{ start: 0, end: 5 }], { active: { start: 0, end: 5 } })).toBe(
      '<mark class="e2c-match">twice</mark>',
    );
  });

  test("text without matches is shown as it is", () => {
    expect(marked("<b>no match</b>", [])).toBe("&lt;b&gt;no match&lt;/b&gt;");
  });

  test("a match at the very start or the very end marks those characters", () => {
    expect(marked("refund", [{ start: 0, end: 3 }])).toBe('<mark class="e2c-match">ref</mark>und');
    expect(marked("refund", [{ start: 3, end: 6 }])).toBe('ref<mark class="e2c-match">und</mark>');
  });

  test("two matches side by side are two marks", () => {
    expect(
      marked("abab", [
        { start: 0, end: 2 },
        { start: 2, end: 4 },
      ]),
    ).toBe('<mark class="e2c-match">ab</mark><mark class="e2c-match">ab</mark>');
  });

  test("a match overlapping the one before it is not marked twice", () => {
    expect(
      marked("aaaa", [
        { start: 0, end: 3 },
        { start: 2, end: 4 },
      ]),
    ).toBe('<mark class="e2c-match">aaa</mark>a');
  });

  test("in a segment further into the body, a match is found at its place in the body", () => {
    // The segment "quoted text" starts at character 20 of the message body.
    expect(marked("quoted text", [{ start: 27, end: 31 }], { offset: 20 })).toBe(
      'quoted <mark class="e2c-match">text</mark>',
    );
  });

  test("a match that starts in the segment before is marked from the segment's first character", () => {
    expect(marked("quoted text", [{ start: 18, end: 26 }], { offset: 20 })).toBe(
      '<mark class="e2c-match">quoted</mark> text',
    );
  });

  test("a match that runs on into the next segment is marked to the segment's last character", () => {
    expect(marked("quoted text", [{ start: 27, end: 35 }], { offset: 20 })).toBe(
      'quoted <mark class="e2c-match">text</mark>',
    );
  });

  test("matches that end where the segment starts, or start where it ends, mark nothing in it", () => {
    expect(
      marked(
        "quoted text",
        [
          { start: 15, end: 20 },
          { start: 31, end: 36 },
        ],
        { offset: 20 },
      ),
    ).toBe("quoted text");
  });
});
