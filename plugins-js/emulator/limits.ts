/**
 * How much the emulator's HTTP server takes, and for how long, before it does any work, and the Dataverse behaviour each limit mirrors
 * (docs/emulator.md, "What it refuses"). Tests start the emulator with smaller values to reach them quickly.
 * The `$batch` size and `$filter` depth limits live with their parsers (batch.ts, odata-filter.ts).
 */
export interface EmulatorLimits {
  /**
   * The largest request body, in bytes: 128 MB, "the size limit to send a single request" in Microsoft's "Work with
   * file column definitions using code" (https://learn.microsoft.com/power-apps/developer/data-platform/file-attributes).
   * A larger Content-Length is answered 413 before any of the body is read; a chunked body is cut off at it.
   */
  maxBodyBytes: number;
  /** How long the request line and headers may take to arrive. */
  headersTimeoutMs: number;
  /** How long the body may take to arrive once the headers are in; then 408 and the connection is closed. */
  bodyTimeoutMs: number;
}

export const DEFAULT_LIMITS: EmulatorLimits = {
  maxBodyBytes: 128 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 30_000,
};

/**
 * "The maximum length of URL accepted is 32 KB (32768 characters)" (Microsoft, "Compose HTTP requests and handle
 * errors", https://learn.microsoft.com/power-apps/developer/data-platform/webapi/compose-http-requests-handle-errors).
 * Node's own header limit (16 KB) is raised so such a URL reaches the emulator; a longer one is 414.
 */
export const MAX_URL_LENGTH = 32 * 1024;
export const MAX_HEADER_BYTES = 64 * 1024;
