import { hostname, networkInterfaces } from 'node:os';
import type { SessionLinks } from '@open-talks/shared/protocol';
import type { Request } from 'express';

/**
 * The hosts links may be built from when no PUBLIC_URL is set (LINK1): ALLOWED_HOSTS, or by
 * default this machine's own names and addresses, so a laptop serving a venue's LAN still hands
 * out links that work there (http://192.168.1.20:3000/…). Read once at start.
 */
export function allowedLinkHosts(configured: readonly string[] | undefined): ReadonlySet<string> {
  if (configured) return new Set(configured.map((h) => h.toLowerCase()));
  const own = hostname().toLowerCase();
  const hosts = new Set(['localhost', '127.0.0.1', '::1', own, `${own}.local`]);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const { address } of addresses ?? []) hosts.add(address.toLowerCase());
  }
  return hosts;
}

/**
 * The origin links start with: the configured public URL; else what this request came to, if
 * that host is allowed; else '' — relative links, which a browser resolves against the page it
 * is on. A forged Host header can therefore never send a facilitator's secret to another site.
 */
export function originOf(req: Request, publicUrl: string | undefined, allowedHosts: ReadonlySet<string>): string {
  if (publicUrl) return publicUrl;
  const host = req.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase(); // Express drops the port; IPv6 comes in brackets
  if (!host || !allowedHosts.has(host)) return '';
  return `${req.protocol}://${req.get('host')}`;
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
