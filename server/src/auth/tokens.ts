import { createHash, randomBytes } from 'node:crypto';
import { joinCodeFromBytes } from '@open-talks/shared';

const TOKEN_BYTES = 32; // 256 bits: unguessable, so a fast hash is enough to store it

/** A bearer token: random, never derived from anything else (a join code, an id). */
export function newToken(kind: 'participant' | 'projector' | 'series'): string {
  const prefix = kind === 'participant' ? 'otp' : kind === 'projector' ? 'otd' : 'ots';
  return `${prefix}_${randomBytes(TOKEN_BYTES).toString('base64url')}`;
}

/** Tokens are stored only as this hash; a leaked database does not let anyone in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export function newJoinCode(): string {
  return joinCodeFromBytes(randomBytes(8));
}

export function isProjectorToken(token: string): boolean {
  return token.startsWith('otd_');
}

/** A series member's token (organiser or rapporteur): it opens a series, never a session. */
export function isSeriesToken(token: string): boolean {
  return token.startsWith('ots_');
}
