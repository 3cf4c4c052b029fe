// Machine translation for one server (MT10–MT19): a stored version when one was made before for
// the same original, else the engine's, stored apart from the human versions and labelled with
// the engine's name. Never a person's name: an anonymous question's translation stays anonymous.
import { originalHash, sameLanguage, type TextVersion } from '@open-talks/shared';
import { AppError } from '../../errors.js';
import type { Principal } from '../../sessions/principal.js';
import type { Store } from '../../store/index.js';
import type { Original } from '../sources.js';
import type { MachineTranslation, TranslationEngine } from './types.js';

export class MachineTranslationService implements MachineTranslation {
  /** The same text asked for by several readers at once: one engine call. */
  private readonly inFlight = new Map<string, Promise<TextVersion>>();

  constructor(
    private readonly store: Store,
    /** null: TRANSLATE_ENGINE=none. */
    private readonly engine: TranslationEngine | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** The engine's name for the label (`apertium`), null when none is configured. MT21. */
  get engineName(): string | null {
    return this.engine?.name ?? null;
  }

  /** An engine is configured and the session's switch is on. MT20. */
  enabled(principal: Principal): Promise<boolean> {
    return Promise.resolve(this.engine !== null && principal.session.machineTranslation);
  }

  translate(principal: Principal, key: string, original: Original, language: string): Promise<TextVersion> {
    const engine = this.engine;
    if (engine === null) throw new AppError('conflict', 'This server has no machine translation', { reason: 'machineTranslation.none' });
    if (!principal.session.machineTranslation) throw new AppError('conflict', 'Machine translation is switched off for this session', { reason: 'machineTranslation.off' });
    if (sameLanguage(original.language, language)) throw new AppError('conflict', 'The text is already in that language', { reason: 'machineTranslation.sameLanguage' });
    const sessionId = principal.session.id;
    const hash = originalHash(original.text);
    const flight = `${sessionId}\n${key}\n${language}\n${hash}`;
    const pending = this.inFlight.get(flight);
    if (pending) return pending;
    const made = this.make(engine, sessionId, key, original, language, hash).finally(() => this.inFlight.delete(flight));
    this.inFlight.set(flight, made);
    return made;
  }

  private async make(engine: TranslationEngine, sessionId: string, key: string, original: Original, language: string, hash: string): Promise<TextVersion> {
    const stored = await this.store.machineTranslations.find(sessionId, key, language, hash);
    if (stored) return stored; // MT12: made once, reused by every reader
    if (!(await engine.supports(original.language, language))) {
      throw new AppError('conflict', `${engine.name} cannot translate from ${original.language} to ${language}`, {
        reason: 'machineTranslation.noPair',
        params: { from: original.language, to: language },
      });
    }
    const text = await engine.translate(original.text, original.language, language);
    const version: TextVersion = { language, text, source: 'machine', engine: engine.name, originalHash: hash, at: this.now() };
    await this.store.transaction((repos) =>
      repos.machineTranslations.insert({ sessionId, key, language, originalHash: hash, sourceLanguage: original.language, engine: engine.name, text, at: version.at }),
    );
    // Another node may have stored one a moment before: every reader gets the one kept.
    return (await this.store.machineTranslations.find(sessionId, key, language, hash)) ?? version;
  }
}
