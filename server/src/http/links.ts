import type { SessionLinks } from '@open-talks/shared/protocol';
import type { Request } from 'express';

/** The origin people should use: the configured public URL, or what this request came to. */
export function originOf(req: Request, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

// Secrets go in the fragment (#…): browsers never send it, so it never reaches a server log.
export function sessionLinks(origin: string, session: { id: string; joinCode: string }, facilitatorToken: string, projectorKey: string): SessionLinks {
  return {
    join: `${origin}/join/${session.joinCode}`,
    observer: `${origin}/join/${session.joinCode}?as=observer`,
    projector: projectorLink(origin, session.id, projectorKey),
    console: `${origin}/s/${session.id}/console#token=${facilitatorToken}`,
  };
}

export function projectorLink(origin: string, sessionId: string, projectorKey: string): string {
  return `${origin}/s/${sessionId}/projector#key=${projectorKey}`;
}
