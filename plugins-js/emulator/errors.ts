/**
 * Dataverse Web API error bodies, with the status, code and message of research domain.md §5. Where the documents
 * give a message only in outline, the emulator fills in the parts (ids, names) the way the outline shows.
 */
export class DataverseHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export const errors = {
  /** 400 0x0 "Could not find a property named 'Name' on type 'Microsoft.Dynamics.CRM.account'." */
  unknownProperty: (property: string, table: string) =>
    new DataverseHttpError(
      400,
      "0x0",
      `Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
    ),
  /** 400 0x80048d19: a multi-table lookup bound by its column name instead of its navigation property. */
  undeclaredProperty: (property: string) =>
    new DataverseHttpError(
      400,
      "0x80048d19",
      `An undeclared property '${property}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.`,
    ),
  /** 400 0x80048d19: a label string sent for a choice. */
  literalNotInt: (text: string, entitySet: string) =>
    new DataverseHttpError(
      400,
      "0x80048d19",
      `Error identified in Payload provided by the user for Entity :'${entitySet}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ----> InnerException : Microsoft.OData.ODataException: Cannot convert the literal '${text}' to the expected type 'Edm.Int32'.`,
    ),
  /** 400 0x8004431A PicklistValueOutOfRange (domain.md §5 marks the text as seen in client libraries). */
  outOfRange: (value: unknown, column: string, table: string) =>
    new DataverseHttpError(
      400,
      "0x8004431A",
      `A validation error occurred. The value ${String(value)} of '${column}' on record of type '${table}' is outside the valid range.`,
    ),
  tooLong: (column: string, table: string, max: number) =>
    new DataverseHttpError(
      400,
      "0x80044331",
      `A validation error occurred. The length of the '${column}' attribute of the '${table}' entity exceeded the maximum allowed length of '${max}'.`,
    ),
  wrongType: (column: string, expected: string, value: unknown) =>
    new DataverseHttpError(
      400,
      "0x0",
      `Cannot convert the literal '${String(value)}' to the expected type '${expected}' for the property '${column}'.`,
    ),
  required: (column: string, table: string) =>
    table === "incident" && column === "customerid"
      ? new DataverseHttpError(400, "0x80040203", "You should specify a parent contact or account.")
      : new DataverseHttpError(
          400,
          "0x80040203",
          `Attribute '${column}' cannot be NULL: it is required on the '${table}' table.`,
        ),
  readOnly: (column: string, table: string) =>
    new DataverseHttpError(400, "0x80048d19", `The property '${column}' of '${table}' cannot be set: it is read-only.`),
  badRequest: (message: string) => new DataverseHttpError(400, "0x80060888", message),
  /** 401: no or wrong bearer token. */
  unauthorized: () =>
    new DataverseHttpError(401, "", "Authentication failed: send a bearer token in the Authorization header.", {
      "WWW-Authenticate": 'Bearer authorization_uri="http://127.0.0.1/emulator/token"',
    }),
  /** 403 0x80040220 PrivilegeDenied. */
  privilegeDenied: (
    userId: string,
    privilege: string,
    privilegeId: string,
    objectTypeCode: number,
    table: string,
    roleCount: number,
  ) =>
    new DataverseHttpError(
      403,
      "0x80040220",
      `Principal user (Id=${userId}, type=8, roleCount=${roleCount}), is missing ${privilege} privilege (Id=${privilegeId}) on OTC=${objectTypeCode} for entity '${table}'. context.Caller=${userId}`,
    ),
  /** 404 0x80040217 ObjectDoesNotExist. */
  notFound: (table: string, id: string) =>
    new DataverseHttpError(404, "0x80040217", `${table} With Id = ${id} Does Not Exist`),
  /** 404 with code "" for If-Match: * on a missing record (perform-conditional-operations). */
  notFoundConditional: (table: string, id: string) =>
    new DataverseHttpError(404, "", `${table} With Id = ${id} Does Not Exist`),
  /** 404 0x8006088a for a wrong entity set name. */
  noSegment: (segment: string) =>
    new DataverseHttpError(404, "0x8006088a", `Resource not found for the segment '${segment}'.`),
  methodNotAllowed: (method: string, path: string) =>
    new DataverseHttpError(405, "0x80060888", `The HTTP method '${method}' is not allowed on '${path}'.`),
  /** 412 "" for PATCH with If-None-Match: * when the record exists. */
  alreadyExists: () => new DataverseHttpError(412, "", "A record with matching key values already exists."),
  /** 412 0x80040237 for a create whose id or alternate key is taken. */
  duplicateKey: (detail: string) => new DataverseHttpError(412, "0x80040237", `Cannot insert duplicate key. ${detail}`),
  versionMismatch: () =>
    new DataverseHttpError(
      412,
      "",
      "The version of the existing record doesn't match the RowVersion property provided.",
    ),
  /** 429 with Retry-After (api-limits.md): the number-of-requests limit. */
  tooManyRequests: (retryAfterSeconds: number) =>
    new DataverseHttpError(
      429,
      "0x80072322",
      "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
      { "Retry-After": String(retryAfterSeconds) },
    ),
  unavailable: () =>
    new DataverseHttpError(503, "0x80040216", "The service is temporarily unavailable. Try again later."),
  /** 413: a body over the most Dataverse takes in one request (limits.ts). */
  payloadTooLarge: (maxBytes: number) =>
    new DataverseHttpError(
      413,
      "",
      `The request body is larger than ${maxBytes} bytes, the most a single request may carry.`,
    ),
  /** 408: a body that did not arrive in time; the connection is closed after it. */
  requestTimeout: (ms: number) => new DataverseHttpError(408, "", `The request body did not arrive within ${ms} ms.`),
  /** 400 for a Host other than this server's own address (a DNS-rebinding page names its own host). */
  invalidHost: (host: string) =>
    new DataverseHttpError(400, "", `Bad Request - Invalid Hostname: '${host}' is not this server.`),
  /** 414 for a URL over the 32 KB the Web API accepts. */
  uriTooLong: (max: number) =>
    new DataverseHttpError(414, "", `The request URL is longer than ${max} characters, the most the Web API accepts.`),
  /** 400 for a percent-encoding that does not decode. */
  malformedUri: () => new DataverseHttpError(400, "0x80060888", "The request URI is not valid: it does not decode."),
  attachmentTooLarge: () =>
    new DataverseHttpError(
      400,
      "0x80043e09",
      "The attachment is either not a valid type or is too large. It cannot be uploaded or downloaded.",
    ),
};
