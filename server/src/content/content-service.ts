// CONTRACT (issue 18): the seam the translation desk (helper "content"), machine translation
// (helper "mt") and the lite pages (helper "lite") share. Helper "content" replaces this file's
// body with the real service; the method names and signatures stay.
import type {
  ContentVersions,
  DeskView,
  TextVersion,
  machineTranslatePayload,
  removeVersionPayload,
  setOriginalLanguagePayload,
  setVersionPayload,
} from '@open-talks/shared/protocol';
import type { z } from 'zod';
import { AppError } from '../errors.js';
import type { Principal } from '../sessions/principal.js';

export interface ContentService {
  /** Every human version of the session's texts this principal may see (SessionState.content). */
  versionsFor(principal: Principal): Promise<ContentVersions[]>;
  desk(principal: Principal): Promise<DeskView>;
  setVersion(principal: Principal, payload: z.output<typeof setVersionPayload>): Promise<ContentVersions>;
  removeVersion(principal: Principal, payload: z.output<typeof removeVersionPayload>): Promise<ContentVersions>;
  setOriginalLanguage(principal: Principal, payload: z.output<typeof setOriginalLanguagePayload>): Promise<ContentVersions>;
  machineTranslate(principal: Principal, payload: z.output<typeof machineTranslatePayload>): Promise<{ key: string; version: TextVersion }>;
}

/** Until the helpers land: nothing is translated yet, and asking to is refused plainly. */
export const NO_CONTENT_SERVICE: ContentService = {
  versionsFor: async () => [],
  desk: async (p) => ({ languages: [...p.session.languages], items: [] }),
  setVersion: () => Promise.reject(new AppError('conflict', 'Translations are not available yet')),
  removeVersion: () => Promise.reject(new AppError('conflict', 'Translations are not available yet')),
  setOriginalLanguage: () => Promise.reject(new AppError('conflict', 'Translations are not available yet')),
  machineTranslate: () => Promise.reject(new AppError('conflict', 'Machine translation is not available')),
};
