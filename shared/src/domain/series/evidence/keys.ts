// Evidence keys (SER4): `<sessionId>:<kind>:<stored id>`. Stable across rebuilds of a record and
// never derived from a person, so a reference keeps pointing at the same thing.
import { EVIDENCE_KINDS, type EvidenceKind } from '../words.js';

export function evidenceKey(sessionId: string, kind: EvidenceKind, storedId: string): string {
  return `${sessionId}:${kind}:${storedId}`;
}

/** The parts of a key, or null when it is not one (the stored id may itself hold `/` or `:`). */
export function parseEvidenceKey(key: string): { sessionId: string; kind: EvidenceKind; storedId: string } | null {
  const first = key.indexOf(':');
  const second = first < 0 ? -1 : key.indexOf(':', first + 1);
  if (first <= 0 || second < 0 || second === key.length - 1) return null;
  const kind = key.slice(first + 1, second);
  if (!(EVIDENCE_KINDS as readonly string[]).includes(kind)) return null;
  return { sessionId: key.slice(0, first), kind: kind as EvidenceKind, storedId: key.slice(second + 1) };
}
