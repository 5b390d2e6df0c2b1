/**
 * Dataverse refusals in the words of the seed's troubleshooting (seed 003: "Incidents unassigned, 403 on create,
 * ticket_properties rejected"; PRODUCT.md §8 point 7), from the status, code and message of the Web API error body
 * (research domain.md §5).
 */
export interface DataverseFault {
  status: number;
  code: string;
  message: string;
}

export interface Explanation {
  /** Which setting or privilege, in one sentence. */
  summary: string;
  recommendation: string;
}

const PRIVILEGE_RE = /missing (prv[A-Za-z]+) privilege/;
const ACCESS_RE = /does not have (\w+?)Access right\(s\)[^]*?entity '?(\w+)/;
const MISSING_RE = /^(\w+) With Id = ([0-9a-fA-F-]{36}) Does Not Exist/;
const PROPERTY_RE = /property named '([^']+)'|Invalid property '([^']+)'|undeclared property '([^']+)'/;
const LITERAL_RE = /Cannot convert the literal '([^']*)' to the expected type '([^']+)'/;
const RANGE_RE = /value (-?\d+) of '([^']+)'/;
const LENGTH_RE = /length of the '([^']+)' attribute/;

/** `prvCreateIncident` → "Create" on "Incident". */
function splitPrivilege(privilege: string): { access: string; table: string } {
  const m = /^prv(Create|Read|Write|Delete|AppendTo|Append|Assign|Share)(\w+)$/.exec(privilege);
  return m ? { access: m[1]!, table: m[2]! } : { access: "the needed", table: privilege.replace(/^prv/, "") };
}

const ROLE_HINT = 'See the README\'s "Least privilege" section for the whole role.';

export function explainDataverseFault(fault: DataverseFault): Explanation {
  const { status, message } = fault;
  if (status === 401) {
    return {
      summary: "The environment did not accept the connector's sign-in (401).",
      recommendation:
        "Check tenantId, clientId and the client secret, and that the app registration is added to the environment as an application user.",
    };
  }
  if (status === 403) {
    const privilege = PRIVILEGE_RE.exec(message)?.[1];
    if (privilege) {
      const { access, table } = splitPrivilege(privilege);
      return {
        summary: `403 on create: the application user's security role lacks ${privilege} (${access} on ${table}).`,
        recommendation: `Give the application user's security role ${access} on ${table}. ${ROLE_HINT}`,
      };
    }
    const access = ACCESS_RE.exec(message);
    if (access) {
      return {
        summary: `403: the application user may not ${access[1]!.toLowerCase()} this ${access[2]} record (access level too low).`,
        recommendation: `Raise the ${access[1]} access level on ${access[2]} in the application user's role, or share the record with it. ${ROLE_HINT}`,
      };
    }
    return {
      summary: "403: Dataverse refused the application user.",
      recommendation: `Check the application user's security role. ${ROLE_HINT}`,
    };
  }
  if (status === 404) {
    const missing = MISSING_RE.exec(message);
    if (missing && missing[1] === "queue") {
      return {
        summary: `Incidents unassigned: default_queue_id ${missing[2]} is not a queue in this environment (or the application user cannot read it).`,
        recommendation: "Set default_queue_id to the id of the queue your email team works from (Settings → Queues).",
      };
    }
    if (missing && (missing[1] === "systemuser" || missing[1] === "team")) {
      return {
        summary: `default_owner_id ${missing[2]} is not a ${missing[1] === "team" ? "team" : "user"} in this environment.`,
        recommendation:
          "Set default_owner_id to an enabled user or team, or leave it out to own cases by the application user.",
      };
    }
    if (missing) {
      return {
        summary: `A record the handoff refers to does not exist: ${missing[1]} ${missing[2]}.`,
        recommendation: "Check the ids in ticket_properties and the default_* settings.",
      };
    }
  }
  if (status === 400) {
    const literal = LITERAL_RE.exec(message);
    if (literal) {
      return {
        summary: `ticket_properties rejected: the text '${literal[1]}' was sent where Dataverse expects ${literal[2]} (a choice takes its integer value, not its label).`,
        recommendation:
          "Use integer option-set values, not label text, in ticket_properties (e2c handoff --dry-run checks ticket_properties against the environment and names the values).",
      };
    }
    const property = PROPERTY_RE.exec(message);
    if (property) {
      const name = property[1] ?? property[2] ?? property[3];
      return {
        summary: `ticket_properties rejected: '${name}' is not a column of the case table in this environment.`,
        recommendation: "Use the column's logical name (Settings → Customizations → Case → Columns), or remove it.",
      };
    }
    const range = RANGE_RE.exec(message);
    if (range) {
      return {
        summary: `ticket_properties rejected: ${range[1]} is not an option of '${range[2]}'.`,
        recommendation:
          "Use one of the column's option values (e2c handoff --dry-run checks ticket_properties against the environment and names the values).",
      };
    }
    const length = LENGTH_RE.exec(message);
    if (length) {
      return {
        summary: `ticket_properties rejected: the value of '${length[1]}' is longer than the column allows.`,
        recommendation: "Shorten the value, or widen the column.",
      };
    }
  }
  if (status === 429 || status === 503) {
    return {
      summary: `Dataverse kept refusing requests (${status}${status === 429 ? ", service protection limits" : ", service unavailable"}) after every retry.`,
      recommendation: "Try again later.",
    };
  }
  return {
    summary: `Dataverse refused the request (${status}${fault.code ? ` ${fault.code}` : ""}): ${message}`,
    recommendation: "Check what Dataverse said, then try again.",
  };
}
