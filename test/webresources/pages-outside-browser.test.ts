/**
 * The page scripts start themselves only where there is a document. Imported by Node (the bundle checks, the
 * command line's tests), they load and do nothing.
 */
test("the health page's script loads without a document and starts nothing", () => {
  expect(typeof document).toBe("undefined");
  expect(() =>
    jest.isolateModules(() => jest.requireActual("../../webresources/src/health/health-page")),
  ).not.toThrow();
});

test("the outcomes page's script loads without a document and starts nothing", () => {
  expect(typeof document).toBe("undefined");
  expect(() =>
    jest.isolateModules(() => jest.requireActual("../../webresources/src/outcomes/outcomes-page")),
  ).not.toThrow();
});
