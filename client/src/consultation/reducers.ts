// The consultation's client state as pure functions of (state, delta) → changes (CONS46). The
// store (store.ts) only applies them; these are unit-tested without React or a socket.
import type {
  CommentPage,
  CommentView,
  ConsultationLive,
  ConsultationView,
  ConsultationYou,
  ContributionView,
  InvitationView,
  ModerationCounts,
  OpinionReport,
  StatementView,
} from '@open-talks/shared/protocol';

/** The next statement to answer on a question, and how far the person is. */
export interface StatementNext {
  next: StatementView | null;
  answered: number;
  total: number;
}

/** The comments of one contribution loaded so far (pages appended), and how many there are. */
export interface CommentThread {
  items: CommentView[];
  total: number;
  /** The last page loaded (1-based); 0 before the first. */
  page: number;
  pageSize: number;
}

export interface ConsultationData {
  /** `session:state`'s consultation, kept up to date by the deltas; undefined outside a consultation. */
  live: ConsultationLive | undefined;
  /** Bumped on every full state (a (re)connect): lists fetched before it are fetched again. */
  generation: number;
  /** Every contribution this tab has seen (lists, similar ones, its own, live events), by id. */
  contributions: Record<string, ContributionView>;
  /** Contributions no longer to be shown here, by id, with the one a merged one went into. */
  gone: Record<string, string | null>;
  /** Per question: published contributions that arrived live and are in no list shown yet. */
  arrivals: Record<string, string[]>;
  /** Per contribution: its comment thread as far as loaded. */
  comments: Record<string, CommentThread>;
  /** Statements seen, by id. */
  statements: Record<string, StatementView>;
  /** Per question: the statement to answer now. */
  nextStatement: Record<string, StatementNext>;
  /** Per question: the latest opinion-group report. */
  reports: Record<string, OpinionReport>;
}

export const EMPTY: ConsultationData = {
  live: undefined,
  generation: 0,
  contributions: {},
  gone: {},
  arrivals: {},
  comments: {},
  statements: {},
  nextStatement: {},
  reports: {},
};

type Change = Partial<ConsultationData>;

/**
 * A whole new state from the server (a (re)connect): the generation moves on, so every list shown
 * is fetched again (deltas may have been missed); until then the cached copies stay on screen.
 */
export function withLive(state: ConsultationData, live: ConsultationLive | undefined): Change {
  if (!live) return { ...EMPTY, generation: state.generation + 1 };
  const contributions = { ...state.contributions };
  for (const mine of live.you?.mine ?? []) contributions[mine.id] = mine;
  return { live, contributions, arrivals: {}, generation: state.generation + 1 };
}

const inLive = (state: ConsultationData, patch: (live: ConsultationLive) => Partial<ConsultationLive>): Change =>
  state.live ? { live: { ...state.live, ...patch(state.live) } } : {};

export const withConsultation = (state: ConsultationData, consultation: ConsultationView): Change => inLive(state, () => ({ consultation }));
export const withModeration = (state: ConsultationData, moderation: ModerationCounts): Change => inLive(state, () => ({ moderation }));
export const withInvitations = (state: ConsultationData, invitations: InvitationView[]): Change => inLive(state, () => ({ invitations }));

export function withYou(state: ConsultationData, you: ConsultationYou): Change {
  const contributions = { ...state.contributions };
  for (const mine of you.mine) contributions[mine.id] = mine;
  return { ...inLive(state, () => ({ you })), contributions };
}

/** Contributions read from the server (a page, similar ones, an ack): the newest copy wins. */
export function withContributions(state: ConsultationData, items: readonly ContributionView[]): Change {
  if (items.length === 0) return {};
  const contributions = { ...state.contributions };
  const gone = { ...state.gone };
  for (const item of items) {
    contributions[item.id] = item;
    delete gone[item.id];
  }
  return { contributions, gone };
}

/** A contribution's own copy in `you.mine`, replaced or added (the author's view of it). */
function mineWith(state: ConsultationData, item: ContributionView): Change {
  const you = state.live?.you;
  if (!you) return {};
  const known = you.mine.some((m) => m.id === item.id);
  const mine = known ? you.mine.map((m) => (m.id === item.id ? item : m)) : [item, ...you.mine];
  return inLive(state, () => ({ you: { ...you, mine } }));
}

/**
 * `contribution:changed`: the cached copy is replaced; a published one never seen before is an
 * arrival for its question (the list says "new contributions", it does not jump under the reader).
 */
export function withContributionChanged(state: ConsultationData, item: ContributionView): Change {
  const isNew = !(item.id in state.contributions);
  const change: Change = { ...withContributions(state, [item]) };
  const mine = state.live?.you?.mine.some((m) => m.id === item.id);
  if (mine) Object.assign(change, mineWith(state, item));
  if (isNew && item.status === 'published' && !mine) {
    const already = state.arrivals[item.questionId] ?? [];
    if (!already.includes(item.id)) change.arrivals = { ...state.arrivals, [item.questionId]: [...already, item.id] };
  }
  return change;
}

/** `contribution:mine`: the author's own contribution changed (approved, hidden, merged, answered). */
export function withMine(state: ConsultationData, item: ContributionView): Change {
  return { ...withContributions(state, [item]), ...mineWith(state, item) };
}

/** `contribution:gone`: hidden or merged; lists drop it, a merged one points at its target. */
export function withContributionGone(state: ConsultationData, { contributionId, mergedInto }: { contributionId: string; mergedInto: string | null }): Change {
  const arrivals: Record<string, string[]> = {};
  for (const [questionId, ids] of Object.entries(state.arrivals)) arrivals[questionId] = ids.filter((id) => id !== contributionId);
  return { gone: { ...state.gone, [contributionId]: mergedInto }, arrivals };
}

/** `contribution:counts`: supports and comments, absolute numbers. */
export function withCounts(state: ConsultationData, { counts }: { counts: Record<string, { supports: number; comments: number }> }): Change {
  const contributions = { ...state.contributions };
  let changed = false;
  for (const [id, count] of Object.entries(counts)) {
    const item = contributions[id];
    if (item && (item.supports !== count.supports || item.comments !== count.comments)) {
      contributions[id] = { ...item, supports: count.supports, comments: count.comments };
      changed = true;
    }
  }
  return changed ? { contributions } : {};
}

/**
 * The ack of `contribution:support`: the person's supports on that question now, and the
 * contribution's count. One taken back by a move counts one less until the next counts arrive.
 */
export function withSupport(state: ConsultationData, ack: { contributionId: string; supports: number; supported: string[] }): Change {
  const item = state.contributions[ack.contributionId];
  const you = state.live?.you;
  if (!item) return {};
  const contributions = { ...state.contributions, [item.id]: { ...item, supports: ack.supports } };
  const before = you?.supported[item.questionId] ?? [];
  for (const id of before) {
    const other = contributions[id];
    if (id !== item.id && !ack.supported.includes(id) && other) contributions[id] = { ...other, supports: Math.max(0, other.supports - 1) };
  }
  const change: Change = { contributions };
  if (you) change.live = { ...state.live!, you: { ...you, supported: { ...you.supported, [item.questionId]: ack.supported } } };
  return change;
}

/** Arrivals of a question shown (the list was fetched again). */
export function withArrivalsSeen(state: ConsultationData, questionId: string): Change {
  return state.arrivals[questionId]?.length ? { arrivals: { ...state.arrivals, [questionId]: [] } } : {};
}

// ── Comments ──────────────────────────────────────────────────────────────────────────────
/** A page of a thread: page 1 replaces what was there, later pages are added after it. */
export function withCommentPage(state: ConsultationData, contributionId: string, page: CommentPage): Change {
  const before = page.page === 1 ? [] : (state.comments[contributionId]?.items ?? []);
  const items = [...before];
  for (const comment of page.items) if (!items.some((c) => c.id === comment.id)) items.push(comment);
  return { comments: { ...state.comments, [contributionId]: { items, total: page.total, page: page.page, pageSize: page.pageSize } } };
}

/** `comment:changed` (or one's own comment acked): replaced in place, or added last to a loaded thread. */
export function withComment(state: ConsultationData, comment: CommentView): Change {
  const thread = state.comments[comment.contributionId];
  if (!thread) return {};
  const known = thread.items.some((c) => c.id === comment.id);
  const items = known ? thread.items.map((c) => (c.id === comment.id ? comment : c)) : [...thread.items, comment];
  return { comments: { ...state.comments, [comment.contributionId]: { ...thread, items, total: known ? thread.total : thread.total + 1 } } };
}

export function withoutComment(state: ConsultationData, { commentId, contributionId }: { commentId: string; contributionId: string }): Change {
  const thread = state.comments[contributionId];
  if (!thread || !thread.items.some((c) => c.id === commentId)) return {};
  const items = thread.items.filter((c) => c.id !== commentId);
  return { comments: { ...state.comments, [contributionId]: { ...thread, items, total: Math.max(0, thread.total - 1) } } };
}

// ── Statements and opinion groups ─────────────────────────────────────────────────────────
export function withStatement(state: ConsultationData, statement: StatementView): Change {
  return { statements: { ...state.statements, [statement.id]: statement } };
}

export function withNextStatement(state: ConsultationData, questionId: string, next: StatementNext): Change {
  const change: Change = { nextStatement: { ...state.nextStatement, [questionId]: next } };
  if (next.next) change.statements = { ...state.statements, [next.next.id]: next.next };
  const you = state.live?.you;
  if (you) change.live = { ...state.live!, you: { ...you, statements: { ...you.statements, [questionId]: { answered: next.answered, total: next.total } } } };
  return change;
}

export function withReport(state: ConsultationData, report: OpinionReport): Change {
  return { reports: { ...state.reports, [report.questionId]: report } };
}
