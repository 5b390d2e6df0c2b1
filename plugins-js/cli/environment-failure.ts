/**
 * The failures that are the environment's, not the input's nor a refusal of it: the environment could not be
 * reached, kept answering 503/429 after every retry, or did not accept the sign-in. Every command that talks to an
 * environment reports them the same way, with exit code 3 (README "Exit codes").
 */
import { DataverseError } from "../dataverse/errors";
import { isConnectionFailure, neverConnected, SignInError, type HttpTransport } from "../dataverse/transport";

/** Dropped, refused or never made connections: a host that does not resolve or a TLS refusal included. */
function unreachable(error: unknown): boolean {
  return isConnectionFailure(error) || neverConnected(error);
}

export const EXIT_ENVIRONMENT = 3;

export interface EnvironmentFailure {
  status: "unreachable" | "sign-in-failed";
  /** One sentence: what happened. */
  message: string;
  /** One sentence: what to do. */
  todo: string;
}

function connectionCode(error: unknown): string {
  const e = error as { code?: string; cause?: { code?: string }; message?: string };
  return e?.code ?? e?.cause?.code ?? e?.message ?? String(error);
}

/** Whether `error` (or, when a client library hid it, the transport's last failure) is the environment's. */
export function environmentFailure(
  error: unknown,
  environmentUrl: string,
  configFile: string,
  transport?: HttpTransport,
  /** The setting the sign-in came from: `auth`, or the doctor's `doctor.auth`. */
  authSetting = "auth",
): EnvironmentFailure | null {
  const last = transport?.lastFailure ?? null;
  if (unreachable(error) || (last && "error" in last && !(error instanceof DataverseError))) {
    const cause = unreachable(error) ? error : (last as { error: Error }).error;
    return {
      status: "unreachable",
      message: `could not reach ${environmentUrl} (${connectionCode(cause)})`,
      todo: `check environmentUrl in ${configFile}, and that the environment (or \`e2c emulator\`) is running and reachable from here`,
    };
  }
  if (error instanceof SignInError) {
    return {
      status: "sign-in-failed",
      message: `could not sign in: ${error.message}`,
      todo: `check ${authSetting} in ${configFile}: tenantId, clientId, and the client secret in the variable ${authSetting}.clientSecretEnv names`,
    };
  }
  const status = error instanceof DataverseError ? error.status : last && "status" in last ? last.status : undefined;
  if (status === 401) {
    return {
      status: "sign-in-failed",
      message: `${environmentUrl} did not accept the sign-in (401)`,
      todo: `check ${authSetting} in ${configFile}, and that the app registration is an application user of the environment (or, for the emulator, that the token is a user's of its seed)`,
    };
  }
  if (status === 503 || status === 429) {
    return {
      status: "unreachable",
      message: `${environmentUrl} is unavailable: it answered ${status === 503 ? "503 Service Unavailable" : "429 Too Many Requests"} to every retry`,
      todo: "try again later (the retries are set by retry.maxAttempts in the config file)",
    };
  }
  return null;
}
