/**
 * Where the connector's bearer token comes from: the emulator's fixed token, or Microsoft Entra ID client
 * credentials through `@azure/msal-node` for a real environment (scope `<environment URL>/.default`). Tokens are
 * never logged; msal keeps them in memory and renews them before they expire.
 */
import { ConfidentialClientApplication } from "@azure/msal-node";

export interface TokenSource {
  token(): Promise<string>;
  /** What to print about the sign-in: never the secret or the token. */
  readonly description: string;
}

export class StaticToken implements TokenSource {
  constructor(
    private readonly value: string,
    readonly description = "the emulator's token",
  ) {}

  token(): Promise<string> {
    return Promise.resolve(this.value);
  }
}

export interface ClientCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** https://login.microsoftonline.com by default. */
  authorityHost?: string;
}

/** The part of msal's confidential client used here, so a test can stand in for Entra ID. */
export interface ClientCredentialClient {
  acquireTokenByClientCredential(request: { scopes: string[] }): Promise<{ accessToken: string } | null>;
}

export function scopeFor(environmentUrl: string): string {
  return `${new URL(environmentUrl).origin}/.default`;
}

export class MsalClientCredentials implements TokenSource {
  private readonly client: ClientCredentialClient;
  readonly description: string;

  constructor(
    private readonly environmentUrl: string,
    credentials: ClientCredentials,
    client?: ClientCredentialClient,
  ) {
    this.description = `client credentials of app ${credentials.clientId} in tenant ${credentials.tenantId}`;
    this.client =
      client ??
      new ConfidentialClientApplication({
        auth: {
          clientId: credentials.clientId,
          clientSecret: credentials.clientSecret,
          authority: `${credentials.authorityHost ?? "https://login.microsoftonline.com"}/${credentials.tenantId}`,
        },
      });
  }

  async token(): Promise<string> {
    const result = await this.client.acquireTokenByClientCredential({ scopes: [scopeFor(this.environmentUrl)] });
    if (!result?.accessToken) throw new Error(`No token from Microsoft Entra ID for ${this.description}.`);
    return result.accessToken;
  }
}
