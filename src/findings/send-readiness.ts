// Send-readiness: is the recap fit to go to the client?
import type { Finding, FindingCode } from "../errors.js";

/** Why a recap is not ready: the blocking findings themselves, with their messages in both languages. */
export interface SendReadiness {
  ready: boolean;
  /** The blocking findings, in file order. */
  blockers: Finding[];
  /** How many blocking findings per code, in the order of the configured list. */
  counts: { code: FindingCode; count: number }[];
}

/** Judges a deal's findings against the configured blocking codes. Pure, and independent of today. */
export function sendReadiness(findings: readonly Finding[], blocking: readonly FindingCode[]): SendReadiness {
  const blockers = findings.filter((f) => blocking.includes(f.code));
  const counts = blocking
    .map((code) => ({ code, count: blockers.filter((f) => f.code === code).length }))
    .filter((entry) => entry.count > 0);
  return { ready: blockers.length === 0, blockers, counts };
}
