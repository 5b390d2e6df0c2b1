/** Which failures are the environment's (exit 3), said in one sentence with what to do (README "Exit codes"). */
import { environmentFailure } from "../../plugins-js/cli/environment-failure";
import { DataverseError } from "../../plugins-js/dataverse/errors";
import { SignInError } from "../../plugins-js/dataverse/transport";

const URL = "https://contoso.crm.dynamics.com";
const failure = (error: unknown) => environmentFailure(error, URL, "e2c.config.json");
const coded = (code: string) => Object.assign(new Error(`boom ${code}`), { code });

test.each(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT"])(
  "%s: unreachable, naming the environment and the config file",
  (code) => {
    expect(failure(coded(code))).toEqual({
      status: "unreachable",
      message: `could not reach ${URL} (${code})`,
      todo: expect.stringContaining("check environmentUrl in e2c.config.json"),
    });
  },
);

test("no token from Microsoft Entra ID: sign-in failed, naming the auth setting", () => {
  const error = new SignInError("client credentials of app a in tenant t", new Error("AADSTS7000215: Invalid secret"));
  expect(failure(error)).toMatchObject({ status: "sign-in-failed", todo: expect.stringMatching(/^check auth in/) });
  expect(failure(error)!.message).toContain("AADSTS7000215");
});

test("401: sign-in failed", () => {
  expect(failure(new DataverseError(401, "", "Unauthorized"))).toMatchObject({ status: "sign-in-failed" });
});

test.each([503, 429])("%i after every retry: unavailable, try again later", (status) => {
  expect(failure(new DataverseError(status, "", "busy"))).toMatchObject({
    status: "unreachable",
    todo: expect.stringMatching(/^try again later/),
  });
});

test.each([400, 403, 404, 412])("%i is a refusal, not the environment's failure", (status) => {
  expect(failure(new DataverseError(status, "", "no"))).toBeNull();
});
