// CONS19, "send me my link again": a participant who stored an e-mail with `consultation:set-email`
// asks for their return link by join code and address. The answer is the same whether the address
// is known or not; each matching participant gets a fresh token (the old link stops working) and a
// plain-text mail in their language. Off without SMTP_URL. The address and the token are never logged.
import { consultationLinkBody } from '@open-talks/shared/protocol';
import ar from '@open-talks/shared/i18n/ar.json' with { type: 'json' };
import en from '@open-talks/shared/i18n/en.json' with { type: 'json' };
import es from '@open-talks/shared/i18n/es.json' with { type: 'json' };
import fr from '@open-talks/shared/i18n/fr.json' with { type: 'json' };
import ru from '@open-talks/shared/i18n/ru.json' with { type: 'json' };
import zh from '@open-talks/shared/i18n/zh.json' with { type: 'json' };
import { Router, type RequestHandler } from 'express';
import nodemailer from 'nodemailer';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { Config } from '../../config.js';
import { parseOrThrow } from '../../errors.js';
import { originOf } from '../../http/links.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/index.js';

const CATALOGS: Record<string, unknown> = { ar, en, es, fr, ru, zh };

/** Requests per IP per 10 minutes, and per address per hour: enough to retry, too few to spam anyone. */
export const LINK_MAIL_LIMITS = { perIp: 10, perIpSeconds: 600, perAddress: 3, perAddressSeconds: 3600 } as const;

function lookup(language: string, key: string): string | undefined {
  let node: unknown = CATALOGS[language];
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** A catalog string in this language (English if missing), `{{name}}` filled in. */
export function mailText(language: string, key: string, params: Record<string, string>): string {
  const template = lookup(language, key) ?? lookup('en', key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => params[name] ?? '');
}

export interface LinkMailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export function createLinkMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): LinkMailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    send: async ({ to, subject, text }) => {
      await transport.sendMail({ from: config.mailFrom, to, subject, text });
    },
  };
}

function refuse(res: Parameters<RequestHandler>[1], seconds: number): void {
  res
    .set('Retry-After', String(Math.max(1, Math.ceil(seconds))))
    .status(429)
    .json({ error: { code: 'rate_limited', message: 'Too many link requests; try again later' } });
}

export function consultationLinkRoutes(deps: { store: Store; config: Config; log: Logger; allowedHosts: ReadonlySet<string> }): Router {
  const { store, config, log, allowedHosts } = deps;
  const mailer = createLinkMailer(config);
  const byIp = new RateLimiterMemory({ points: LINK_MAIL_LIMITS.perIp, duration: LINK_MAIL_LIMITS.perIpSeconds });
  const byAddress = new RateLimiterMemory({ points: LINK_MAIL_LIMITS.perAddress, duration: LINK_MAIL_LIMITS.perAddressSeconds });
  const router = Router();

  router.post('/consultation-link', async (req, res) => {
    if (!mailer) {
      res.status(503).json({ error: { code: 'internal', message: 'This server sends no mail', reason: 'consultation.mailOff' } });
      return;
    }
    try {
      await byIp.consume(req.ip ?? 'unknown');
    } catch (spent) {
      refuse(res, ((spent as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000);
      return;
    }
    const { joinCode, email } = parseOrThrow(consultationLinkBody, req.body);
    try {
      // Keyed by a hash, so the limiter's memory holds no address either.
      await byAddress.consume(hashToken(email.toLowerCase()));
    } catch (spent) {
      refuse(res, ((spent as { msBeforeNext?: number }).msBeforeNext ?? 60_000) / 1000);
      return;
    }
    const origin = originOf(req, config.publicUrl, allowedHosts);
    const session = await store.sessions.byLiveJoinCode(joinCode);
    const found = session?.format === 'consultation' ? await store.consultationItems.participantsByEmail(session.id, email) : [];
    if (session && found.length > 0) {
      if (!origin) {
        // A relative link is useless in a mail: refuse to send rather than mail a broken link.
        log.warn({ sessionId: session.id }, 'consultation link not mailed: no absolute origin (set PUBLIC_URL or ALLOWED_HOSTS)');
      } else {
        for (const person of found) {
          const token = newToken('participant');
          await store.participants.setTokenHash(person.participantId, hashToken(token)); // persisted before the mail leaves
          const params = { title: session.title, link: `${origin}/s/${session.id}#token=${token}` };
          // Sent after the answer: its timing tells nobody whether the address is known.
          void mailer
            .send({ to: person.email, subject: mailText(person.language, 'consult.mail.subject', params), text: mailText(person.language, 'consult.mail.body', params) })
            .then(
              () => log.info({ sessionId: session.id, participantId: person.participantId }, 'consultation link mailed'),
              // The error's code only: an SMTP error's text may quote the address.
              (error: unknown) =>
                log.error({ sessionId: session.id, participantId: person.participantId, code: (error as { code?: unknown }).code }, 'consultation link mail failed'),
            );
        }
      }
    }
    res.status(202).json({ sent: true });
  });

  return router;
}
