/**
 * Fault injection (`--faults`, PRODUCT.md §7) for tests and benchmarks. A spec is a comma-separated list:
 *
 *   429:0.1        answer 10 % of requests with 429 and Retry-After (seconds, `retry-after=N`, default 1)
 *   503:0.05       answer 5 % with 503
 *   reset:0.05     drop the connection before handling the request
 *   reset-after:0.05  handle the request, then drop the connection before the answer
 *   slow:0.1       delay 10 % of answers by `slow-ms` (default 2000)
 *   429@3          the 3rd request (counting from 1) gets a 429; `503@1+2` the 1st and 2nd
 *   latency=10     add 10 ms to every answer
 *   seed=42        the random sequence, so a run can be repeated
 *
 * Requests to the emulator's own `/_emulator/` endpoints are never faulted.
 */
import type { InputProblem } from "../../core/transcript/handoff";

export type FaultKind = "429" | "503" | "reset" | "reset-after" | "slow";
const KINDS: readonly FaultKind[] = ["429", "503", "reset", "reset-after", "slow"];

export interface FaultSpec {
  rates: Partial<Record<FaultKind, number>>;
  at: Partial<Record<FaultKind, number[]>>;
  latencyMs: number;
  slowMs: number;
  retryAfterSeconds: number;
  seed: number;
}

export const NO_FAULTS: FaultSpec = { rates: {}, at: {}, latencyMs: 0, slowMs: 2000, retryAfterSeconds: 1, seed: 1 };

export function parseFaults(text: string | undefined): { spec: FaultSpec; problems: InputProblem[] } {
  const spec: FaultSpec = { ...NO_FAULTS, rates: {}, at: {} };
  const problems: InputProblem[] = [];
  if (!text) return { spec, problems };
  for (const raw of text.split(",")) {
    const part = raw.trim();
    if (!part) continue;
    const setting = /^(latency|slow-ms|retry-after|seed)=(\d+)$/.exec(part);
    const rate = /^([\w-]+):(\d*\.?\d+)$/.exec(part);
    const at = /^([\w-]+)@([\d+]+)$/.exec(part);
    if (setting) {
      const value = Number(setting[2]);
      if (setting[1] === "latency") spec.latencyMs = value;
      else if (setting[1] === "slow-ms") spec.slowMs = value;
      else if (setting[1] === "retry-after") spec.retryAfterSeconds = value;
      else spec.seed = value;
    } else if (rate && KINDS.includes(rate[1] as FaultKind) && Number(rate[2]) <= 1) {
      spec.rates[rate[1] as FaultKind] = Number(rate[2]);
    } else if (at && KINDS.includes(at[1] as FaultKind)) {
      spec.at[at[1] as FaultKind] = at[2]!.split("+").map(Number);
    } else {
      problems.push({
        field: "--faults",
        message: `"${part}" is not a fault: use KIND:RATE (0–1), KIND@N, latency=MS, slow-ms=MS, retry-after=S or seed=N, with KIND one of ${KINDS.join(", ")}`,
      });
    }
  }
  return { spec, problems };
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  private count = 0;
  private readonly next: () => number;
  readonly injected: Record<FaultKind, number> = { "429": 0, "503": 0, reset: 0, "reset-after": 0, slow: 0 };

  constructor(readonly spec: FaultSpec) {
    this.next = random(spec.seed);
  }

  /** The fault for the next request, or null. At most one fault per request. */
  draw(): FaultKind | null {
    this.count += 1;
    for (const kind of KINDS) {
      if (this.spec.at[kind]?.includes(this.count)) return this.record(kind);
    }
    const roll = this.next();
    let edge = 0;
    for (const kind of KINDS) {
      edge += this.spec.rates[kind] ?? 0;
      if (roll < edge) return this.record(kind);
    }
    return null;
  }

  private record(kind: FaultKind): FaultKind {
    this.injected[kind] += 1;
    return kind;
  }
}
