import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs, one JSON line per request or command outcome. Tokens never reach
 * them: we log paths without query strings and no headers, and redact anything named token.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'open-talks' },
    redact: { paths: ['token', '*.token', 'auth', '*.authorization', 'facilitatorToken', 'projectorKey'], censor: '[redacted]' },
  });
}
