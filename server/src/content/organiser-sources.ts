// Where the organisers' texts live (docs/languages.md, LANG15, LANG20): café rounds and prompts,
// the Town Hall's agenda and polls, the consultation's texts and official responses. Each is read
// from its own repository as stored; the language of an original is the one someone said
// (content_original_languages) or else the session's first language.
import { can, canSeePoll, contentKey, parseContentKey, type ContentKind, type ContentRef } from '@open-talks/shared';
import { visibleTo } from '../consultation/views.js';
import { AppError } from '../errors.js';
import type { Principal } from '../sessions/principal.js';
import type { Store } from '../store/index.js';
import type { ContentAudience, ContentSource, ListedOriginal, Original } from './sources.js';

/**
 * Who may read an organiser's text: everyone; the staff (a draft poll, POLL4); the staff and one
 * café table's people (a prompt to that table, CAFE3); or as the contributions an official response
 * answers are seen (CONS15: it is shown on them).
 */
type SeenBy = 'everyone' | 'staff' | { tableId: string } | { contributions: readonly string[] };

/** A text of one kind, before its language is known. */
interface Text {
  ref: ContentRef;
  label: string;
  text: string;
  seenBy: SeenBy;
}

function text(kind: OrganiserKind, id: string, field: string, label: string, value: string, seenBy: SeenBy = 'everyone'): Text {
  return { ref: { kind, id, field }, label, text: value, seenBy };
}

/** Where a café seat is: the table a participant sits at in the focus round, or null. */
export type SeatedAt = (sessionId: string, participantId: string) => Promise<string | null>;

/** Those who may read every organiser's text: the staff (drafts, every table) and the translators. */
function readsAll(principal: Principal): boolean {
  return can(principal.role, 'participants:list') || can(principal.role, 'content:translate');
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
      text(
        'cafe-prompt',
        prompt.id,
        'text',
        prompt.tableId === null ? `Prompt (round ${prompt.round})` : `Prompt to a table (round ${prompt.round})`,
        prompt.text,
        prompt.tableId === null ? 'everyone' : { tableId: prompt.tableId },
      ),
    ),
  'agenda-item': async (store, p) =>
    ((await store.townhall.state(p.session.id))?.agenda.items ?? []).map((item, i) => text('agenda-item', item.id, 'title', `Agenda ${i + 1}`, item.title)),
  poll: async (store, p) =>
    (await store.polls.polls(p.session.id)).flatMap((poll) => {
      const seenBy = canSeePoll(poll, false) ? 'everyone' : 'staff';
      return [
        text('poll', poll.id, 'question', 'Poll', poll.question, seenBy),
        ...poll.options.map((option, i) => text('poll', poll.id, `option:${option.id}`, `Poll option ${i + 1}`, option.label, seenBy)),
      ];
    }),
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
  'official-response': async (store, p) => {
    const [responses, links] = await Promise.all([store.consultationItems.responses(p.session.id), store.consultationItems.links(p.session.id)]);
    const answered = new Map<string, string[]>();
    for (const [contributionId, responseId] of links) answered.set(responseId, [...(answered.get(responseId) ?? []), contributionId]);
    return responses.map((response, i) =>
      text('official-response', response.id, 'text', `Official response ${i + 1}`, response.text, { contributions: answered.get(response.id) ?? [] }),
    );
  },
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

/** The kinds not every reader may see (a draft poll, a table's prompt, a hidden contribution's response). */
const RESTRICTED_KINDS: readonly OrganiserKind[] = ['cafe-prompt', 'poll', 'official-response'];

/**
 * The organisers' texts. Most are for everyone; a draft poll, a prompt to one table and an official
 * response on hidden contributions are not, and neither are their versions (LANG36).
 */
export class OrganiserSource implements ContentSource {
  readonly kinds = ORGANISER_KINDS;

  constructor(
    private readonly store: Reads,
    private readonly now: () => number = Date.now,
    private readonly seatedAt: SeatedAt = () => Promise.resolve(null),
  ) {}

  async original(principal: Principal, ref: ContentRef): Promise<Original | null> {
    const found = await this.find(principal, ref);
    if (!found || !(await this.sees(principal, found.seenBy))) return null;
    return { text: found.text, language: (await this.store.content.originalLanguage(principal.session.id, contentKey(ref))) ?? firstLanguage(principal) };
  }

  /** Who hears a new version live: as the text itself is seen (LANG30). */
  async audience(principal: Principal, ref: ContentRef): Promise<ContentAudience> {
    const found = await this.find(principal, ref);
    if (!found) return 'staff';
    const { seenBy } = found;
    if (seenBy === 'everyone' || seenBy === 'staff' || 'tableId' in seenBy) return seenBy;
    // An official response: to everyone once one contribution it answers is published.
    const rows = await Promise.all(seenBy.contributions.map((id) => this.store.consultation.contribution(principal.session.id, id)));
    return rows.some((row) => row?.status === 'published') ? 'everyone' : 'staff';
  }

  /**
   * Which of these stored keys this reader may see, for SessionState.content: the restricted kinds
   * are read once per reader (and only when some of their texts have versions).
   */
  async readable(principal: Principal, keys: readonly string[]): Promise<(key: string) => boolean> {
    if (readsAll(principal)) return () => true;
    const restricted = new Set<string>();
    for (const key of keys) {
      const kind = parseContentKey(key)?.kind as OrganiserKind | undefined;
      if (kind && RESTRICTED_KINDS.includes(kind)) restricted.add(kind);
    }
    if (restricted.size === 0) return () => true;
    const texts = (await Promise.all([...restricted].map((kind) => LISTERS[kind as OrganiserKind](this.store, principal)))).flat();
    const visible = new Set<string>();
    const seat = this.seatOnce(principal);
    for (const t of texts) if (await this.sees(principal, t.seenBy, seat)) visible.add(contentKey(t.ref));
    return (key) => {
      const kind = parseContentKey(key)?.kind as OrganiserKind | undefined;
      return !kind || !RESTRICTED_KINDS.includes(kind) || visible.has(key);
    };
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

  private async find(principal: Principal, ref: ContentRef): Promise<Text | undefined> {
    const lister = LISTERS[ref.kind as OrganiserKind] as Lister | undefined;
    if (!lister) return undefined;
    const key = contentKey(ref);
    return (await lister(this.store, principal)).find((text) => contentKey(text.ref) === key);
  }

  private seatOnce(principal: Principal): () => Promise<string | null> {
    let seat: Promise<string | null> | undefined;
    return () => (seat ??= principal.participant ? this.seatedAt(principal.session.id, principal.participant.id) : Promise.resolve(null));
  }

  /** May this reader see a text seen by these (the way the poll and café views decide)? */
  private async sees(principal: Principal, seenBy: SeenBy, seat = this.seatOnce(principal)): Promise<boolean> {
    if (seenBy === 'everyone' || readsAll(principal)) return true;
    if (seenBy === 'staff') return false;
    if ('tableId' in seenBy) return (await seat()) === seenBy.tableId;
    const audience = { staff: false, participantId: principal.participant?.id ?? null };
    for (const id of seenBy.contributions) {
      const row = await this.store.consultation.contribution(principal.session.id, id);
      if (row && visibleTo(row.status, row.author_id, audience)) return true;
    }
    return false;
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
