// Content in several languages (issue 18, docs/languages.md "Versions" and "The translation
// desk"): the human versions of the organisers' texts and of contributions, the translation desk,
// and the seam to machine translation. Shared by the full app, the lite pages and the HTTP API.
import {
  contentKey,
  isContributionKind,
  missingLanguages,
  originalHash,
  parseContentKey,
  sameLanguage,
  type ContentKind,
  type ContentRef,
  type ContentVersions,
  type TextVersion,
} from '@open-talks/shared';
import type { DeskItem, DeskView, machineTranslatePayload, removeVersionPayload, setOriginalLanguagePayload, setVersionPayload } from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { EventBus } from '../events/bus.js';
import { authorize, type Principal } from '../sessions/principal.js';
import type { StoredVersion } from '../store/content-repo.js';
import type { Store } from '../store/index.js';
import type { MachineTranslation } from './machine/types.js';
import { firstLanguage, OrganiserSource, type SeatedAt } from './organiser-sources.js';
import type { ContentSource, Original } from './sources.js';

export interface ContentService {
  /** Every human version of the session's texts this principal may see (SessionState.content). */
  versionsFor(principal: Principal): Promise<ContentVersions[]>;
  desk(principal: Principal): Promise<DeskView>;
  setVersion(principal: Principal, payload: z.output<typeof setVersionPayload>): Promise<ContentVersions>;
  removeVersion(principal: Principal, payload: z.output<typeof removeVersionPayload>): Promise<ContentVersions>;
  setOriginalLanguage(principal: Principal, payload: z.output<typeof setOriginalLanguagePayload>): Promise<ContentVersions>;
  machineTranslate(principal: Principal, payload: z.output<typeof machineTranslatePayload>): Promise<{ key: string; version: TextVersion }>;
}

/** No engine configured (the default): asking for a machine translation is refused plainly (LANG16). */
export const NO_MACHINE_TRANSLATION: MachineTranslation = {
  enabled: () => Promise.resolve(false),
  translate: () => Promise.reject(new AppError('conflict', 'Machine translation is not available')),
};

export interface ContentDeps {
  store: Store;
  bus: EventBus;
  machine?: MachineTranslation;
  /** Where the contributions' originals live (helper "mt"); the organisers' kinds are built in. */
  sources?: readonly ContentSource[];
  /** The café table a participant sits at (a prompt to one table is for its people, CAFE3). */
  seatedAt?: SeatedAt;
  now?: () => number;
}

/** What is stored of a session, read once per burst of (re)connects. */
interface Stored {
  byKey: Map<string, StoredVersion[]>;
  languages: Map<string, string>;
}

/** The human versions kept in storage (content_versions), each text's original read from its source. */
export class StoredContentService implements ContentService {
  private readonly store: Store;
  private readonly bus: EventBus;
  private readonly machine: MachineTranslation;
  private readonly now: () => number;
  private readonly organisers: OrganiserSource;
  private readonly sources = new Map<ContentKind, ContentSource>();

  constructor({ store, bus, machine = NO_MACHINE_TRANSLATION, sources = [], seatedAt, now = Date.now }: ContentDeps) {
    this.store = store;
    this.bus = bus;
    this.machine = machine;
    this.now = now;
    this.organisers = new OrganiserSource(store, now, seatedAt);
    for (const source of [this.organisers, ...sources]) this.register(source);
  }

  /** Adds the source of some kinds (a later one for the same kind replaces the earlier). */
  register(source: ContentSource): void {
    for (const kind of source.kinds) this.sources.set(kind, source);
  }

  async versionsFor(principal: Principal): Promise<ContentVersions[]> {
    const stored = await this.stored(principal.session.id);
    const out: ContentVersions[] = [];
    // A draft poll, a table's prompt: their versions only for those who may read them (LANG36).
    const readable = await this.organisers.readable(principal, [...stored.byKey.keys()]);
    for (const [key, versions] of stored.byKey) {
      const ref = parseContentKey(key);
      if (!ref) continue;
      if (!isContributionKind(ref.kind)) {
        if (!readable(key)) continue;
        out.push({ key, originalLanguage: stored.languages.get(key) ?? firstLanguage(principal), versions: versions.map(toTextVersion) });
        continue;
      }
      // A contribution's versions only for those who may read it (a hidden question stays hidden, LANG36).
      const original = await this.sources.get(ref.kind)?.original(principal, ref);
      if (original) out.push({ key, originalLanguage: original.language, versions: versions.map(toTextVersion) });
    }
    return out;
  }

  async desk(principal: Principal): Promise<DeskView> {
    authorize(principal, 'content:translate');
    const languages = [...principal.session.languages];
    const [stored, ...listed] = await Promise.all([this.stored(principal.session.id), ...this.distinctSources().map((source) => source.list(principal))]);
    const items = listed.flat().map(({ key, label, original }): DeskItem => {
      const versions = (stored.byKey.get(key) ?? []).map(toTextVersion);
      const hash = originalHash(original.text);
      const outdated = versions.filter((v) => v.originalHash !== hash && languages.some((l) => sameLanguage(l, v.language))).map((v) => v.language);
      return { key, label, original, versions, missing: missingLanguages(original, versions, languages), outdated };
    });
    return { languages, items };
  }

  async setVersion(principal: Principal, { key, language, text }: z.output<typeof setVersionPayload>): Promise<ContentVersions> {
    authorize(principal, 'content:translate');
    const { ref, original } = await this.originalOf(principal, key);
    if (sameLanguage(original.language, language)) throw new AppError('conflict', `This text is written in ${original.language}: it needs no version in ${language}`);
    const sessionId = principal.session.id;
    await this.store.content.saveVersion(sessionId, {
      key,
      language,
      text,
      originalHash: originalHash(original.text),
      translatorId: principal.participant?.id ?? null,
      updatedAt: this.now(),
    });
    return this.changed(principal, ref, original);
  }

  async removeVersion(principal: Principal, { key, language }: z.output<typeof removeVersionPayload>): Promise<ContentVersions> {
    authorize(principal, 'content:translate');
    const { ref, original } = await this.originalOf(principal, key);
    if (!(await this.store.content.removeVersion(principal.session.id, key, language))) throw new AppError('not_found', `This text has no version in ${language}`);
    return this.changed(principal, ref, original);
  }

  async setOriginalLanguage(principal: Principal, { key, language }: z.output<typeof setOriginalLanguagePayload>): Promise<ContentVersions> {
    authorize(principal, 'content:retag');
    const ref = refOf(key);
    await this.sourceOf(ref).setLanguage(principal, ref, language);
    const { original } = await this.originalOf(principal, key);
    return this.changed(principal, ref, original);
  }

  async machineTranslate(principal: Principal, { key, language }: z.output<typeof machineTranslatePayload>): Promise<{ key: string; version: TextVersion }> {
    authorize(principal, 'content:machine-translate');
    if (!(await this.machine.enabled(principal))) throw new AppError('conflict', 'Machine translation is not available in this session');
    const { original } = await this.originalOf(principal, key);
    const target = language ?? principal.participant?.language ?? firstLanguage(principal);
    if (sameLanguage(original.language, target)) throw new AppError('conflict', `This text is written in ${original.language} already`);
    return { key, version: await this.machine.translate(principal, key, original, target) };
  }

  /** The text's versions now, stored; then everyone who may read it hears (persist before ack, LANG30). */
  private async changed(principal: Principal, ref: ContentRef, original: Original): Promise<ContentVersions> {
    const sessionId = principal.session.id;
    this.store.shared.forget(sessionId);
    const key = contentKey(ref);
    const versions: ContentVersions = { key, originalLanguage: original.language, versions: (await this.store.content.versionsOf(sessionId, key)).map(toTextVersion) };
    const source = this.sourceOf(ref);
    const audience = source.audience ? await source.audience(principal, ref) : isContributionKind(ref.kind) ? 'staff' : 'everyone';
    this.bus.publish('content:versions', { sessionId, versions, audience });
    return versions;
  }

  private async originalOf(principal: Principal, key: string): Promise<{ ref: ContentRef; original: Original }> {
    const ref = refOf(key);
    const original = await this.sourceOf(ref).original(principal, ref);
    if (!original) throw new AppError('not_found', 'No such text in this session');
    return { ref, original };
  }

  private sourceOf(ref: ContentRef): ContentSource {
    const source = this.sources.get(ref.kind);
    if (!source) throw new AppError('not_found', `Texts of kind ${ref.kind} cannot be translated yet`);
    return source;
  }

  private distinctSources(): ContentSource[] {
    return [...new Set(this.sources.values())];
  }

  private stored(sessionId: string): Promise<Stored> {
    return this.store.shared.cached(sessionId, 'content-versions', async () => {
      const [versions, languages] = await Promise.all([this.store.content.versions(sessionId), this.store.content.originalLanguages(sessionId)]);
      const byKey = new Map<string, StoredVersion[]>();
      for (const version of versions) {
        const list = byKey.get(version.key);
        if (list) list.push(version);
        else byKey.set(version.key, [version]);
      }
      return { byKey, languages };
    });
  }
}

function refOf(key: string): ContentRef {
  const ref = parseContentKey(key);
  if (!ref) throw new AppError('bad_request', 'Not a content key: <kind>/<id>/<field>');
  return ref;
}

/** What anyone may be sent of a stored version: never who wrote it (LANG6). */
export function toTextVersion(version: StoredVersion): TextVersion {
  return { language: version.language, text: version.text, source: 'human', originalHash: version.originalHash, at: version.updatedAt };
}
