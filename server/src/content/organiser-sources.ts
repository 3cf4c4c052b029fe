// Where the organisers' texts live (docs/languages.md, LANG15, LANG20): café rounds and prompts,
// the Town Hall's agenda and polls, the consultation's texts and official responses. Each is read
// from its own repository as stored; the language of an original is the one someone said
// (content_original_languages) or else the session's first language.
import { can, contentKey, type ContentKind, type ContentRef } from '@open-talks/shared';
import { AppError } from '../errors.js';
import type { Principal } from '../sessions/principal.js';
import type { Store } from '../store/index.js';
import type { ContentSource, ListedOriginal, Original } from './sources.js';

/** A text of one kind, before its language is known. */
interface Text {
  ref: ContentRef;
  label: string;
  text: string;
}

function text(kind: OrganiserKind, id: string, field: string, label: string, value: string): Text {
  return { ref: { kind, id, field }, label, text: value };
}

type Reads = Pick<Store, 'cafe' | 'townhall' | 'polls' | 'consultation' | 'consultationItems' | 'content'>;

/** One kind's texts in a session, in the order a person reads them. */
type Lister = (store: Reads, principal: Principal) => Promise<Text[]>;

const CAFE_PROMPTS_LISTED = 200;

const LISTERS: Record<OrganiserKind, Lister> = {
  'cafe-round': async (store, p) =>
    (await store.cafe.rounds(p.session.id)).map((round) => text('cafe-round', String(round.number), 'question', `Round ${round.number}`, round.question)),
  'cafe-prompt': async (store, p) =>
    (await store.cafe.recentPrompts(p.session.id, CAFE_PROMPTS_LISTED)).map((prompt) =>
      text('cafe-prompt', prompt.id, 'text', prompt.tableId === null ? `Prompt (round ${prompt.round})` : `Prompt to a table (round ${prompt.round})`, prompt.text),
    ),
  'agenda-item': async (store, p) =>
    ((await store.townhall.state(p.session.id))?.agenda.items ?? []).map((item, i) => text('agenda-item', item.id, 'title', `Agenda ${i + 1}`, item.title)),
  poll: async (store, p) =>
    (await store.polls.polls(p.session.id)).flatMap((poll) => [
      text('poll', poll.id, 'question', 'Poll', poll.question),
      ...poll.options.map((option, i) => text('poll', poll.id, `option:${option.id}`, `Poll option ${i + 1}`, option.label)),
    ]),
  consultation: async (store, p) => {
    if (p.session.format !== 'consultation') return [];
    const config = await store.consultation.config(p.session.id);
    const background = config?.settings.background ?? '';
    return [
      text('consultation', p.session.id, 'title', 'Consultation title', p.session.title),
      ...(background.length > 0 ? [text('consultation', p.session.id, 'background', 'Background', background)] : []),
    ];
  },
  /** `title`: the question itself; `text`: its description. */
  'consultation-question': async (store, p) =>
    ((await store.consultation.config(p.session.id))?.questions ?? []).flatMap((question, i) => [
      text('consultation-question', question.id, 'title', `Question ${i + 1}`, question.text),
      ...(question.description.length > 0 ? [text('consultation-question', question.id, 'text', `Question ${i + 1}: description`, question.description)] : []),
    ]),
  'official-response': async (store, p) =>
    (await store.consultationItems.responses(p.session.id)).map((response, i) => text('official-response', response.id, 'text', `Official response ${i + 1}`, response.text)),
};

export const ORGANISER_KINDS = [
  'cafe-round',
  'cafe-prompt',
  'agenda-item',
  'poll',
  'consultation',
  'consultation-question',
  'official-response',
] as const satisfies readonly ContentKind[];
type OrganiserKind = (typeof ORGANISER_KINDS)[number];

/** The organisers' texts: everyone in the session may read them, so their versions go to everyone. */
export class OrganiserSource implements ContentSource {
  readonly kinds = ORGANISER_KINDS;

  constructor(
    private readonly store: Reads,
    private readonly now: () => number = Date.now,
  ) {}

  async original(principal: Principal, ref: ContentRef): Promise<Original | null> {
    const lister = LISTERS[ref.kind as OrganiserKind] as Lister | undefined;
    if (!lister) return null;
    const key = contentKey(ref);
    const found = (await lister(this.store, principal)).find((text) => contentKey(text.ref) === key);
    if (!found) return null;
    return { text: found.text, language: (await this.store.content.originalLanguage(principal.session.id, key)) ?? firstLanguage(principal) };
  }

  async list(principal: Principal): Promise<ListedOriginal[]> {
    const [languages, ...perKind] = await Promise.all([
      this.store.content.originalLanguages(principal.session.id),
      ...ORGANISER_KINDS.map((kind) => LISTERS[kind](this.store, principal)),
    ]);
    return perKind.flat().map((text) => {
      const key = contentKey(text.ref);
      return { key, label: text.label, original: { text: text.text, language: languages.get(key) ?? firstLanguage(principal) } };
    });
  }

  /** The staff and translators say which language the organisers wrote in (LANG35). */
  async setLanguage(principal: Principal, ref: ContentRef, language: string): Promise<void> {
    if (!can(principal.role, 'content:translate')) throw new AppError('forbidden', `A ${principal.role} may not say which language the organisers' texts are in`);
    if (!(await this.original(principal, ref))) throw new AppError('not_found', 'No such text in this session');
    await this.store.content.setOriginalLanguage(principal.session.id, contentKey(ref), language, this.now());
  }
}

/** The language an organiser's text is in unless someone said otherwise: the session's first. */
export function firstLanguage(principal: Principal): string {
  return principal.session.languages[0] ?? 'en';
}
