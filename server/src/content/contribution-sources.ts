// Where what participants write lives (MT1–MT9): Town Hall questions in the Q&A board, consultation
// contributions and comments in their tables, café key ideas in their notepads (MT51). The content service reads originals through these
// and sets their language; who may see what stays each domain's rule (QA2, CONS visibility).
import { can, type ContentKind, type ContentRef } from '@open-talks/shared';
import type { Consultation } from '../consultation/index.js';
import type { Principal } from '../sessions/principal.js';
import type { Store } from '../store/index.js';
import type { TownhallService } from '../townhall/townhall-service.js';
import { KeyIdeaSource, type NotepadReader } from './key-idea-source.js';
import type { ContentAudience, ContentSource, ListedOriginal, Original } from './sources.js';

/**
 * Who may say which language a contribution is in (MT3): its author, or those who may translate
 * (the facilitator, moderators and translators: `content:translate`). `content:retag` lets every
 * taking part role ask; this is the check the server makes again.
 */
export function mayRetag(principal: Principal, authorId: string | null): boolean {
  if (authorId !== null && principal.participant?.id === authorId) return true;
  return can(principal.role, 'content:translate');
}

/** A reader who is neither staff nor anyone's author: what they may read is public. */
function publicReader(principal: Principal): Principal {
  return { session: principal.session, participant: null, role: 'participant' };
}

/** Versions of a contribution everyone may read go to everyone live; the others to the staff (LANG30). */
async function audienceOf(source: ContentSource, principal: Principal, ref: ContentRef): Promise<ContentAudience> {
  return (await source.original(publicReader(principal), ref)) ? 'everyone' : 'staff';
}

/** Town Hall audience questions: `question/<id>/text`. */
export class QuestionSource implements ContentSource {
  readonly kinds: readonly ContentKind[] = ['question'];

  constructor(private readonly townhall: Pick<TownhallService, 'qa'>) {}

  original(principal: Principal, ref: ContentRef): Promise<Original | null> {
    if (ref.kind !== 'question' || ref.field !== 'text') return Promise.resolve(null);
    return this.townhall.qa.original(principal, ref.id);
  }

  /** Contributions are not on the translation desk: readers ask for them one by one (MT6). */
  list(): Promise<ListedOriginal[]> {
    return Promise.resolve([]);
  }

  audience(principal: Principal, ref: ContentRef): Promise<ContentAudience> {
    return audienceOf(this, principal, ref);
  }

  setLanguage(principal: Principal, ref: ContentRef, language: string): Promise<void> {
    return this.townhall.qa.setLanguage(principal, ref.id, language, (authorId) => mayRetag(principal, authorId));
  }
}

/** Consultation contributions (`contribution/<id>/text`, `…/title`) and their comments (`comment/<id>/text`). */
export class ConsultationContributionSource implements ContentSource {
  readonly kinds: readonly ContentKind[] = ['contribution', 'comment'];

  constructor(private readonly consultation: Pick<Consultation, 'core'>) {}

  original(principal: Principal, ref: ContentRef): Promise<Original | null> {
    if (ref.kind !== 'contribution' && ref.kind !== 'comment') return Promise.resolve(null);
    return this.consultation.core.contributions.original(principal, ref.kind, ref.id, ref.field);
  }

  /** Contributions are not on the translation desk: readers ask for them one by one (MT6). */
  list(): Promise<ListedOriginal[]> {
    return Promise.resolve([]);
  }

  audience(principal: Principal, ref: ContentRef): Promise<ContentAudience> {
    return audienceOf(this, principal, ref);
  }

  setLanguage(principal: Principal, ref: ContentRef, language: string): Promise<void> {
    if (ref.kind !== 'contribution' && ref.kind !== 'comment') return Promise.reject(new Error(`not a consultation kind: ${ref.kind}`));
    return this.consultation.core.contributions.setLanguage(principal, ref.kind, ref.id, language, (authorId) => mayRetag(principal, authorId));
  }
}

/** The sources of what participants write, for the content service (app.ts). */
export function contributionSources(
  townhall: Pick<TownhallService, 'qa'>,
  consultation: Pick<Consultation, 'core'>,
  cafe: { store: Store; notepads: NotepadReader },
): ContentSource[] {
  return [new QuestionSource(townhall), new ConsultationContributionSource(consultation), new KeyIdeaSource(cafe.store, cafe.notepads)];
}
