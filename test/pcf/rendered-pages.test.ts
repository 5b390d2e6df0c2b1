/**
 * When the list has shown the latest message, so it can stop scrolling itself to the end. jsdom's List renders one
 * page, so the pages of a list scrolled in a browser are written out here as Fluent's List reports them: rendered
 * pages, and a spacer page standing in for each run of messages it has not rendered.
 */
import { rendersLastMessage, type ListPage } from "../../pcf/HandoffTranscript/model/rendered-pages";

const rendered = (startIndex: number, itemCount: number): ListPage => ({ startIndex, itemCount, isSpacer: false });
const spacer = (startIndex: number, itemCount: number): ListPage => ({ startIndex, itemCount, isSpacer: true });

test("a long thread opened at its first page has not shown its latest message: the spacer after it does not count", () => {
  expect(rendersLastMessage([rendered(0, 10), spacer(10, 50)], 60)).toBe(false);
});

test("once the last page is rendered, the latest message is shown, whatever the spacers before it", () => {
  expect(rendersLastMessage([rendered(0, 10), spacer(10, 40), rendered(50, 10)], 60)).toBe(true);
});

test("the last page can be the only rendered page among spacers", () => {
  expect(rendersLastMessage([spacer(0, 50), rendered(50, 10)], 60)).toBe(true);
});

test("a page ending one message short of the end has not shown the latest message", () => {
  expect(rendersLastMessage([rendered(0, 10), rendered(10, 49)], 60)).toBe(false);
});

test("a thread that fits on one page shows its latest message at once", () => {
  expect(rendersLastMessage([rendered(0, 3)], 3)).toBe(true);
});
