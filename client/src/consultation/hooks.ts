import type { CommandInput, ConsultationLive, ContributionPage, ContributionView } from '@open-talks/shared/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { command } from '../net/realtime';
import { refusalText } from '../net/refusal';
import { useConsultation } from './store';

// Hooks for the slice a component shows (CONS46): each selects what stays the same object when
// something else changes, so a support count re-renders one card, not the page.

/** The whole live part (`session:state`'s consultation, kept current); undefined outside a consultation. */
export const useConsultationLive = (): ConsultationLive | undefined => useConsultation((s) => s.live);
/** The set-up, phase and questions as everyone sees them. */
export const useConsultationView = () => useConsultation((s) => s.live?.consultation);
/** This person's own supports, contributions, e-mail and statement progress (null for a display). */
export const useConsultationYou = () => useConsultation((s) => s.live?.you ?? null);
/** Staff only: the moderation queue's counts. */
export const useModerationCounts = () => useConsultation((s) => s.live?.moderation ?? null);
/** The facilitator only, by invitation: the codes handed out. */
export const useInvitations = () => useConsultation((s) => s.live?.invitations ?? null);
/** One contribution as last known, or undefined. */
export const useContribution = (id: string) => useConsultation((s) => s.contributions[id]);
/** Published contributions that arrived live on a question and are not in the list shown. */
export const useArrivals = (questionId: string) => useConsultation(useShallow((s) => s.arrivals[questionId] ?? []));
export const useCommentThread = (contributionId: string) => useConsultation((s) => s.comments[contributionId]);
export const useOpinionReport = (questionId: string) => useConsultation((s) => s.reports[questionId]);
export const useNextStatement = (questionId: string) => useConsultation((s) => s.nextStatement[questionId]);

/** A read's failure in the person's language. */
function useReadError() {
  const { t } = useTranslation();
  return useCallback((error: Parameters<typeof refusalText>[1]) => refusalText(t, error), [t]);
}

export type ListQuery = Omit<CommandInput<'consultation:list'>, 'page' | 'seed'>;

export interface PagedContributions {
  /** The contributions of the pages loaded so far, as they are now (gone ones left out). */
  items: ContributionView[];
  total: number;
  /** More pages to load. */
  more: boolean;
  loading: boolean;
  error: string | undefined;
  loadMore(): void;
  /** Fetches page 1 again (after arrivals, say). */
  refresh(): void;
}

type PageRead = (page: number, seed: number | null) => ReturnType<typeof command<'consultation:list'>>;

/**
 * A server-paged list of contributions (CONS42): page 1 for the query, then `loadMore` adds the
 * next; a random order keeps the seed the server chose, so pages neither repeat nor skip.
 * Fetched again when the query changes and after a reconnect (the store's generation), since
 * events may have been missed. `key` names the query (null: nothing to fetch).
 */
function usePagedContributions(key: string | null, read: PageRead, questionId?: string): PagedContributions {
  const readError = useReadError();
  const generation = useConsultation((s) => s.generation);
  const [ids, setIds] = useState<string[]>([]);
  const [meta, setMeta] = useState<{ total: number; page: number; pageSize: number; seed: number | null }>({ total: 0, page: 0, pageSize: 0, seed: null });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [reload, setReload] = useState(0);
  const request = useRef(0);
  const reader = useRef(read);
  reader.current = read;

  const fetchPage = useCallback(
    async (page: number, seed: number | null) => {
      if (key === null) return;
      const ticket = ++request.current;
      setLoading(true);
      const ack = await reader.current(page, seed);
      if (ticket !== request.current) return; // a newer query answered first
      setLoading(false);
      if (!ack.ok) {
        setError(readError(ack.error));
        return;
      }
      setError(undefined);
      const result: ContributionPage = ack.page;
      useConsultation.getState().putContributions(result.items);
      if (questionId && page === 1) useConsultation.getState().arrivalsSeen(questionId);
      setIds((before) => (page === 1 ? result.items.map((c) => c.id) : [...before, ...result.items.map((c) => c.id).filter((id) => !before.includes(id))]));
      setMeta({ total: result.total, page: result.page, pageSize: result.pageSize, seed: result.seed });
    },
    [key, questionId, readError],
  );

  useEffect(() => {
    setIds([]);
    void fetchPage(1, null);
  }, [fetchPage, generation, reload]);

  const items = useConsultation(useShallow((s) => ids.filter((id) => !(id in s.gone)).flatMap((id) => (s.contributions[id] ? [s.contributions[id]] : []))));
  return {
    items,
    total: meta.total,
    more: meta.page * meta.pageSize < meta.total,
    loading,
    error,
    loadMore: () => void fetchPage(meta.page + 1, meta.seed),
    refresh: () => setReload((n) => n + 1),
  };
}

/** Published contributions, searched, filtered and sorted on the server (`consultation:list`, CONS42). */
export function useContributionList(query: ListQuery | null): PagedContributions {
  const key = query && JSON.stringify(query);
  return usePagedContributions(key, (page, seed) => command('consultation:list', { ...query, page, ...(seed !== null ? { seed } : {}) }), query?.questionId);
}

/** Staff's moderation queue (`consultation:queue`), paged like the lists. */
export function useModerationQueue(query: Omit<CommandInput<'consultation:queue'>, 'page'> | null): PagedContributions {
  const key = query && JSON.stringify(query);
  return usePagedContributions(key, (page) => command('consultation:queue', { ...query, page }));
}

/** Contributions like a draft (`consultation:similar`), asked for once typing pauses (CONS43). */
export function useSimilar(questionId: string, title: string, text: string, delay = 600 /* ms */): { similar: ContributionView[]; error: string | undefined } {
  const readError = useReadError();
  const [similarIds, setSimilarIds] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const enough = (title + ' ' + text).trim().length >= 8;
  useEffect(() => {
    if (!enough) {
      setSimilarIds([]);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      void command('consultation:similar', { questionId, title, text }).then((ack) => {
        if (!current) return;
        if (!ack.ok) {
          setError(readError(ack.error));
          return;
        }
        setError(undefined);
        useConsultation.getState().putContributions(ack.similar);
        setSimilarIds(ack.similar.map((c) => c.id));
      });
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [questionId, title, text, enough, delay, readError]);
  const similar = useConsultation(useShallow((s) => similarIds.filter((id) => !(id in s.gone)).flatMap((id) => (s.contributions[id] ? [s.contributions[id]] : []))));
  return { similar: enough ? similar : [], error };
}

/** A contribution's comments (`contribution:comments`), page by page (CONS44). */
export function useComments(contributionId: string, open: boolean) {
  const readError = useReadError();
  const thread = useCommentThread(contributionId);
  const generation = useConsultation((s) => s.generation);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const load = useCallback(
    async (page: number) => {
      setLoading(true);
      const ack = await command('contribution:comments', { contributionId, page });
      setLoading(false);
      if (!ack.ok) return setError(readError(ack.error));
      setError(undefined);
      useConsultation.getState().putComments(contributionId, ack.page);
    },
    [contributionId, readError],
  );
  useEffect(() => {
    if (open) void load(1);
  }, [open, load, generation]);
  return {
    thread,
    loading,
    error,
    more: thread ? thread.page * thread.pageSize < thread.total : false,
    loadMore: () => void load((thread?.page ?? 0) + 1),
  };
}

/** The statement to answer now on a question (`statement:next`, CONS45), fetched when shown. */
export function useStatementTurn(questionId: string, enabled: boolean) {
  const readError = useReadError();
  const turn = useNextStatement(questionId);
  const generation = useConsultation((s) => s.generation);
  const [error, setError] = useState<string>();
  const fetchNext = useCallback(async () => {
    const ack = await command('statement:next', { questionId });
    if (!ack.ok) return setError(readError(ack.error));
    setError(undefined);
    useConsultation.getState().putNextStatement(questionId, { next: ack.next, answered: ack.answered, total: ack.total });
  }, [questionId, readError]);
  useEffect(() => {
    if (enabled) void fetchNext();
  }, [enabled, fetchNext, generation]);
  return { turn, error, refetch: fetchNext };
}

/** A question's opinion groups (`opinion:get`, then `opinion:report` events), fetched when shown. */
export function useOpinion(questionId: string, enabled: boolean) {
  const readError = useReadError();
  const report = useOpinionReport(questionId);
  const [error, setError] = useState<string>();
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void command('opinion:get', { questionId }).then((ack) => {
      if (!current) return;
      setAsked(true);
      if (!ack.ok) return setError(readError(ack.error));
      setError(undefined);
      if (ack.report) useConsultation.getState().applyReport(ack.report);
    });
    return () => {
      current = false;
    };
  }, [enabled, questionId, readError]);
  return { report, error, asked };
}
