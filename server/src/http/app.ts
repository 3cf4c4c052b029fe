import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { PersonBudget } from '../limits/person-budget.js';
import type { CafeService } from '../cafe/cafe-service.js';
import type { CafeRunService } from '../cafe/run-service.js';
import type { SessionService } from '../sessions/session-service.js';
import { refuseWhileLimited, setPersonBudget } from './auth.js';
import { apiNotFound, errorHandler } from './errors.js';
import { joinLimits } from './join-limits.js';
import { limiterStore, type LimiterFactory } from '../cluster/limits.js';
import { allowedLinkHosts } from './links.js';
import { cafeRoutes } from './routes/cafe.js';
import { commandRoutes } from './routes/commands.js';
import { participantRoutes } from './routes/participants.js';
import { sessionRoutes } from './routes/sessions.js';
import { townhallRoutes } from './routes/townhall.js';
import { recordRoutes } from './routes/record.js';
import { consultationReadRoutes } from './routes/consultation-reads.js';
import { clientRoutes } from './static.js';
import { notepadTicketRoutes } from './routes/notepad-tickets.js';
import type { TicketStore } from '../notepad/tickets.js';
import type { RecordService } from '../record/record-service.js';
import type { Commands } from '../realtime/command.js';
import type { TownhallService } from '../townhall/townhall-service.js';
import { captionText, captionTextRoutes, type CaptionFeed } from '../townhall/captions/plain-text.js';
import { consultationPublicRoutes } from '../consultation/public/routes.js';
import { consultationLinkRoutes } from '../consultation/mail/link-mail.js';
import type { Store } from '../store/index.js';
import type { NotepadServer } from '../notepad/index.js';
import { seriesAuthenticator, seriesDrafts, seriesEvidence, seriesRouters } from '../series/index.js';
import { liteRoutes } from '../lite/routes.js';
import type { SessionRouter } from '../cluster/router.js';
import { localRouter } from '../cluster/router-local.js';

export const MAX_BODY = '64kb';
export const VERSION = '0.1.0';

export interface HttpDeps {
  config: Config;
  service: SessionService;
  cafe: CafeService;
  cafeRun: CafeRunService;
  townhall: TownhallService;
  /** Every command's handler (createCommands), shared with Socket.IO. */
  commands: Commands;
  records: RecordService;
  notepadTickets: TicketStore;
  log: Logger;
  storage: string;
  /** The per-person command budget, shared with Socket.IO (LIMIT1). */
  budget: PersonBudget;
  /** The consultation's public page reads storage directly (CONS63). */
  store: Store;
  /** The series' drafts are notepad documents (issue 16). */
  notepads: NotepadServer;
  /** Several nodes: the per-IP limits are counted in Redis (CLU10). */
  limiters?: LimiterFactory;
  /** Several nodes: this node's id and whether Redis answers, added to /api/health (CLU14). */
  clusterHealth?: () => Promise<{ node: string; redis: 'ok' | 'down' }>;
  /** In a cluster: forwards /api/sessions/:id… to the session's owner and answers other nodes (cluster/forward-http.ts). */
  cluster?: RequestHandler;
  /** In a cluster: the API's `/sessions/:id` routes run on the session's owner only (CLU47). */
  clusterGuard?: RequestHandler;
  /** Where a session's commands and state reads run (the cluster's router); absent, here (the lite pages, LITE15). */
  router?: SessionRouter;
  /** New caption lines, for the plain-text stream any node serves (CAPS34). */
  captionFeed: CaptionFeed;
}

function limiter(windowMs: number, limit: number, shared?: { make: LimiterFactory; name: string }) {
  return rateLimit({
    windowMs,
    limit,
    ...(shared && { store: limiterStore(shared.make, shared.name, windowMs) }),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res.status(429).json({ error: { code: 'rate_limited', message: 'Too many requests from this network; try again in a minute' } });
    },
  });
}

export function createHttpApp(deps: HttpDeps): Express {
  const {
    config,
    service,
    cafe,
    cafeRun,
    townhall,
    commands,
    records,
    notepadTickets,
    log,
    storage,
    budget,
    store,
    notepads,
    limiters,
    clusterHealth,
    cluster,
    clusterGuard,
    captionFeed,
  } = deps;
  const shared = (name: string) => limiters && { make: limiters, name };
  const app = express();
  setPersonBudget(app, budget);
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  // First of all, before any body is read: a request for another node's session goes there whole (CLU40).
  if (cluster) app.use(cluster);
  app.use(
    helmet({
      // Venues often serve over plain http on a LAN: do not force https on them.
      strictTransportSecurity: Boolean(config.publicUrl?.startsWith('https:')),
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.use(
    pinoHttp({
      logger: log,
      // Paths only: no query strings, no headers, so no token can land in a log line.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api/') },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );

  const api = express.Router();
  api.use(compression()); // JSON answers; Socket.IO's polling never reaches Express (server/src/app.ts)
  api.use(refuseWhileLimited);
  api.use(express.json({ limit: MAX_BODY }));
  api.get('/health', (_req, res, next) => {
    const base = { status: 'ok', version: VERSION, storage, createRequiresKey: Boolean(config.operatorKey) };
    if (!clusterHealth) return void res.json(base);
    clusterHealth().then((cluster) => res.json({ ...base, ...cluster }), next);
  });
  // Before the owner guard: any node serves the plain-text caption stream (CAPS34).
  const captionStream = captionText({ service, store, feed: captionFeed, perPerson: config.limits.socketsPerPerson });
  api.use(captionTextRoutes(service, captionStream));
  if (clusterGuard) api.use('/sessions/:id', clusterGuard);
  api.use(
    sessionRoutes({
      service,
      operatorKey: config.operatorKey,
      publicUrl: config.publicUrl,
      allowedHosts: allowedLinkHosts(config.allowedHosts),
      createLimiter: limiter(10 * 60_000, config.limits.createPerWindow, shared('create')),
    }),
  );
  // One door for a venue, whether people join through the app or the lite pages (LIMIT5, LITE16).
  const doors = joinLimits(config.limits, limiters);
  api.use(participantRoutes(service, doors));
  api.use(cafeRoutes(service, cafe, cafeRun));
  api.use(townhallRoutes(service, townhall));
  api.use(commandRoutes(service, commands));
  api.use(consultationReadRoutes(service, commands));
  // The public outcome page builds a whole record per request: limited like joining.
  api.use(recordRoutes(service, records, limiter(60_000, config.limits.joinPerMinute, shared('records'))));
  api.use(notepadTicketRoutes(service, notepadTickets));
  // "Send me my link again" (CONS19): off without SMTP_URL.
  api.use(consultationLinkRoutes({ store, config, log, allowedHosts: allowedLinkHosts(config.allowedHosts) }));
  // Series and their information document (issue 16): members authenticate with series tokens.
  const series = seriesRouters({
    store,
    config,
    log,
    authenticate: seriesAuthenticator(store),
    sessions: service,
    records,
    notepads,
    drafts: seriesDrafts({ store, notepads }),
    evidence: seriesEvidence({ store, records, now: Date.now }),
    createLimiter: limiter(10 * 60_000, config.limits.createPerWindow, shared('series-create')),
    publicLimiter: limiter(60_000, config.limits.joinPerMinute, shared('series-public')),
    allowedHosts: allowedLinkHosts(config.allowedHosts),
    now: Date.now,
  });
  for (const router of series.api) api.use(router);
  api.use(apiNotFound);
  api.use(errorHandler);
  app.use('/api', api);
  // The consultation's server-rendered public page (/c/:slug), limited like the record's public page.
  app.use(compression(), consultationPublicRoutes(store, limiter(60_000, config.limits.joinPerMinute, shared('consultation-public'))));
  app.use(compression(), series.pages);
  // The lite pages (/lite/<code>): plain HTML and forms for 2G, feature phones and text browsers (docs/lite.md).
  const sessions = deps.router ?? localRouter({ service, commands, cafeRun, townhall, log });
  app.use('/lite', compression(), liteRoutes({ service, commands, router: sessions, log, joinLimits: doors, captions: captionStream, secret: config.cluster?.secret }));

  if (existsSync(join(config.clientDir, 'index.html'))) {
    app.use(clientRoutes(config.clientDir));
  } else {
    log.warn({ clientDir: config.clientDir }, 'no built client found: serving the API only (run npm run build)');
  }
  return app;
}
