import { CONSULTATION_LIMITS as L } from '@open-talks/shared/consultation';
import type { CommentView, ConsultationLive, ContributionVersion, ContributionView, StatementView } from '@open-talks/shared/protocol';
import { useConsultation, useModerationQueue, type PagedContributions } from '../../../consultation';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { personLabel } from '../../../components/townhall/person';
import { ContributionCard } from './ContributionCard';
import { useSend } from './use-consultation';

const FILTERS = ['pending', 'flagged', 'hidden', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * Moderate (CONS54): the queue (pending, flagged, hidden, all; paged on the server, counts live),
 * each contribution with approve, hide with a reason, merge into another, themes, the carry
 * mark, earlier versions and its comments; proposed statements below.
 */
export default function ModeratePanel({ live }: { live: ConsultationLive }) {
  const { t } = useTranslation();
  const counts = live.moderation;
  const [filter, setFilter] = useState<Filter>('pending');
  const queue = useModerationQueue({ filter, pageSize: L.pageSize });
  const [said, setSaid] = useState('');
  // What the counts were when the list was last fetched: when they move, say there is news.
  const [seen, setSeen] = useState(counts);
  const stale = counts !== null && seen !== null && (counts.pending !== seen.pending || counts.flagged !== seen.flagged || counts.hidden !== seen.hidden);
  const refresh = () => {
    setSeen(counts);
    queue.refresh();
  };

  const themes = useMemo(() => [...new Set(queue.items.flatMap((c) => c.themes))].sort(), [queue.items]);
  const countOf = (f: Filter) => (f === 'pending' ? counts?.pending : f === 'flagged' ? counts?.flagged : f === 'hidden' ? counts?.hidden : undefined);

  return (
    <div className="cc-moderate">
      <section className="card" aria-labelledby="cc-queue-heading">
        <h2 id="cc-queue-heading">{t('consultConsole.moderate.heading')}</h2>
        <fieldset className="cc-filters">
          <legend>{t('consultConsole.moderate.show')}</legend>
          {FILTERS.map((f) => {
            const n = countOf(f);
            return (
              <label key={f} className="choice">
                <input
                  type="radio"
                  name="cc-queue-filter"
                  checked={filter === f}
                  onChange={() => {
                    setFilter(f);
                    setSeen(counts);
                  }}
                />
                {t(`consultConsole.moderate.filter.${f}`)}
                {n !== undefined && <span className="cc-count"> ({n})</span>}
              </label>
            );
          })}
        </fieldset>
        {counts && (counts.pendingComments > 0 || counts.pendingStatements > 0) && (
          <p>{t('consultConsole.moderate.pendingOther', { comments: counts.pendingComments, statements: counts.pendingStatements })}</p>
        )}
        <div className="cc-actions">
          <button type="button" className="secondary" onClick={refresh}>
            {t('consultConsole.moderate.refresh')}
          </button>
          <span role="status">{stale ? t('consultConsole.moderate.news') : ''}</span>
        </div>
        <p className="form-error" role="alert">
          {queue.error}
        </p>
        <p className="cc-said" role="status" data-testid="cc-moderate-said">
          {said}
        </p>
        {queue.items.length === 0 ? (
          queue.loading ? (
            <p role="status">{t('app.loading')}</p>
          ) : (
            <p className="muted">{t('consultConsole.moderate.empty')}</p>
          )
        ) : (
          <ul className="cc-list">
            {queue.items.map((c) => (
              <li key={c.id}>
                <ContributionCard contribution={c}>
                  <ModerationActions contribution={c} themes={themes} onSaid={setSaid} />
                </ContributionCard>
              </li>
            ))}
          </ul>
        )}
        <MoreButton list={queue} />
      </section>
      {live.consultation.questions.some((q) => q.statements) && <StatementsModeration live={live} />}
    </div>
  );
}

/** "Show more" for a server-paged list, with how many of how many are shown. */
export function MoreButton({ list }: { list: PagedContributions }) {
  const { t } = useTranslation();
  if (list.total === 0) return null;
  return (
    <div className="cc-pager">
      <span>{t('consultConsole.pager.shown', { shown: list.items.length, total: Math.max(list.items.length, list.total) })}</span>
      {list.more && (
        <button type="button" className="secondary" aria-disabled={list.loading} onClick={() => !list.loading && list.loadMore()}>
          {t('consultConsole.pager.more')}
        </button>
      )}
    </div>
  );
}

type Open = 'hide' | 'merge' | 'tag' | 'versions' | 'comments' | undefined;

function ModerationActions({ contribution: c, themes, onSaid }: { contribution: ContributionView; themes: string[]; onSaid: (text: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>();
  const { send, error, busy } = useSend();
  const toggle = (what: Open) => setOpen((o) => (o === what ? undefined : what));
  const name = <span className="visually-hidden"> {c.title}</span>;

  const approve = async () => {
    const ack = await send('contribution:approve', { contributionId: c.id });
    if (!ack) return;
    onSaid(t('consultConsole.moderate.approved', { title: c.title }));
  };
  // The box shows the click at once, while the command is on its way (on a slow link a box that
  // springs back until the ack reads as "it did not work"); the server's answer then decides.
  const [carrying, setCarrying] = useState<boolean | null>(null);
  const carry = async (on: boolean) => {
    setCarrying(on);
    const ack = await send('contribution:carry', { contributionId: c.id, carry: on });
    setCarrying(null);
    if (!ack) return;
    onSaid(t(on ? 'consultConsole.moderate.carried' : 'consultConsole.moderate.uncarried', { title: c.title }));
  };

  return (
    <div className="cc-mod">
      <div className="cc-actions">
        {c.status !== 'published' && (
          <button type="button" aria-disabled={busy} onClick={() => void approve()}>
            {t('consultConsole.moderate.approve')}
            {name}
          </button>
        )}
        {c.status !== 'hidden' && (
          <button type="button" aria-expanded={open === 'hide'} onClick={() => toggle('hide')}>
            {t('consultConsole.moderate.hide')}
            {name}
          </button>
        )}
        <button type="button" aria-expanded={open === 'merge'} onClick={() => toggle('merge')}>
          {t('consultConsole.moderate.merge')}
          {name}
        </button>
        <button type="button" aria-expanded={open === 'tag'} onClick={() => toggle('tag')}>
          {t('consultConsole.moderate.tag')}
          {name}
        </button>
        <label className="choice cc-carry">
          <input type="checkbox" checked={carrying ?? c.carry} aria-disabled={busy} onChange={(e) => void carry(e.target.checked)} />
          {t('consultConsole.moderate.carry')}
          {name}
        </label>
        {c.versions > 0 && (
          <button type="button" aria-expanded={open === 'versions'} onClick={() => toggle('versions')}>
            {t('consultConsole.moderate.versions')}
            {name}
          </button>
        )}
        {c.comments > 0 || c.status !== 'hidden' ? (
          <button type="button" aria-expanded={open === 'comments'} onClick={() => toggle('comments')}>
            {t('consultConsole.moderate.commentsButton')}
            {name}
          </button>
        ) : null}
      </div>
      <p className="form-error" role="alert">
        {error}
      </p>
      {open === 'hide' && (
        <HideForm
          label={t('consultConsole.moderate.reason')}
          onHide={async (reason) => {
            const ack = await send('contribution:hide', { contributionId: c.id, reason });
            if (!ack) return;
            setOpen(undefined);
            onSaid(t('consultConsole.moderate.hidden', { title: c.title }));
          }}
        />
      )}
      {open === 'merge' && (
        <MergeForm
          source={c}
          onMerged={(target) => {
            setOpen(undefined);
            // The duplicate leaves every list at once; the server's `contribution:gone` says the same.
            useConsultation.getState().contributionGone({ contributionId: c.id, mergedInto: target.id });
            onSaid(t('consultConsole.moderate.merged', { source: c.title, target: target.title, count: target.supports }));
          }}
        />
      )}
      {open === 'tag' && (
        <TagForm
          contribution={c}
          suggestions={themes}
          onTagged={() => {
            setOpen(undefined);
            onSaid(t('consultConsole.moderate.tagged', { title: c.title }));
          }}
        />
      )}
      {open === 'versions' && <Versions contributionId={c.id} />}
      {open === 'comments' && <CommentsModeration contributionId={c.id} />}
    </div>
  );
}

function HideForm({ label, onHide }: { label: string; onHide: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onHide(reason.trim());
  };
  return (
    <form onSubmit={submit} className="cc-form cc-sub">
      <label htmlFor={`${id}-reason`}>{label}</label>
      <textarea
        id={`${id}-reason`}
        rows={2}
        required
        maxLength={L.reasonLength}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={`${id}-hint`}
        dir="auto"
      />
      <p id={`${id}-hint`} className="hint">
        {t('consultConsole.moderate.reasonHint')}
      </p>
      <button type="submit" disabled={!reason.trim()}>
        {t('consultConsole.moderate.hideConfirm')}
      </button>
    </form>
  );
}

/** CONS54: the duplicate goes into the one found by a search of the same question; supports add up. */
function MergeForm({ source, onMerged }: { source: ContributionView; onMerged: (target: ContributionView) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ContributionView[]>();
  const [target, setTarget] = useState('');
  const { send, error, busy } = useSend();
  const search = async (event: FormEvent) => {
    event.preventDefault();
    const ack = await send('consultation:list', { questionId: source.questionId, q: q.trim() || undefined, sort: 'supported', page: 1, pageSize: 10 });
    if (!ack) return;
    const items = ack.page.items.filter((c) => c.id !== source.id);
    setFound(items);
    setTarget(items[0]?.id ?? '');
  };
  const merge = async () => {
    const ack = await send('contribution:merge', { sourceId: source.id, targetId: target });
    if (ack) onMerged(ack.contribution);
  };
  return (
    <div className="cc-sub">
      <form onSubmit={search} className="cc-inline-form" role="search">
        <label htmlFor={`${id}-q`}>{t('consultConsole.moderate.mergeSearch')}</label>
        <input id={`${id}-q`} type="search" value={q} maxLength={L.searchLength} onChange={(e) => setQ(e.target.value)} dir="auto" />
        <button type="submit" aria-disabled={busy}>
          {t('consultConsole.moderate.searchButton')}
        </button>
      </form>
      <div role="status">{found && t('consultConsole.moderate.found', { count: found.length })}</div>
      {found && found.length > 0 && (
        <fieldset>
          <legend>{t('consultConsole.moderate.mergeInto', { title: source.title })}</legend>
          {found.map((c) => (
            <label key={c.id} className="choice">
              <input type="radio" name={`${id}-target`} checked={target === c.id} onChange={() => setTarget(c.id)} />
              <span dir="auto">{c.title}</span> <span className="muted">({t('consultConsole.card.supports', { count: c.supports })})</span>
            </label>
          ))}
          <button type="button" disabled={!target} aria-disabled={busy} onClick={() => void merge()}>
            {t('consultConsole.moderate.mergeConfirm')}
          </button>
        </fieldset>
      )}
      <p className="form-error" role="alert">
        {error}
      </p>
    </div>
  );
}

/** CONS54: themes, free text, with the ones already used suggested. */
function TagForm({ contribution, suggestions, onTagged }: { contribution: ContributionView; suggestions: string[]; onTagged: (c: ContributionView) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [themes, setThemes] = useState(contribution.themes);
  const [text, setText] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const { send, error, busy } = useSend();
  const add = () => {
    const theme = text.trim();
    if (theme && !themes.includes(theme) && themes.length < L.themesPerContribution) setThemes([...themes, theme]);
    setText('');
    // The emptied form disables its button: pressed from the keyboard, focus would drop to <body>.
    // It goes back to the field, ready for the next one (as after Ask, QA14; A11Y35).
    field.current?.focus();
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const ack = await send('contribution:tag', { contributionId: contribution.id, themes });
    if (ack) onTagged(ack.contribution);
  };
  return (
    <form onSubmit={save} className="cc-form cc-sub">
      {themes.length > 0 && (
        <ul className="cc-chips" aria-label={t('consultConsole.card.themes')}>
          {themes.map((theme) => (
            <li key={theme}>
              <span dir="auto">{theme}</span>{' '}
              <button type="button" className="cc-link-button" onClick={() => setThemes(themes.filter((x) => x !== theme))}>
                {t('consultConsole.moderate.removeTheme')}
                <span className="visually-hidden"> {theme}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-theme`}>{t('consultConsole.moderate.theme')}</label>
      <div className="cc-inline-form">
        <input
          ref={field}
          id={`${id}-theme`}
          list={`${id}-themes`}
          maxLength={L.themeLength}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
          dir="auto"
        />
        <datalist id={`${id}-themes`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="button" onClick={add} disabled={!text.trim()}>
          {t('consultConsole.moderate.addTheme')}
        </button>
      </div>
      <button type="submit" aria-disabled={busy}>
        {t('consultConsole.moderate.saveThemes')}
      </button>
      <p className="form-error" role="alert">
        {error}
      </p>
    </form>
  );
}

function Versions({ contributionId }: { contributionId: string }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<ContributionVersion[]>();
  const { send, error } = useSend();
  useEffect(() => {
    void send('contribution:versions', { contributionId }).then((ack) => ack && setVersions(ack.versions));
  }, [send, contributionId]);
  const date = (ms: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  return (
    <div className="cc-sub">
      <p className="form-error" role="alert">
        {error}
      </p>
      {versions && (
        <ol className="cc-versions">
          {versions.map((v) => (
            <li key={v.version}>
              <p className="cc-meta">{t('consultConsole.moderate.versionLine', { version: v.version, at: date(v.replacedAt) })}</p>
              <p dir="auto">
                <strong>{v.title}</strong>
              </p>
              <p className="cc-text" dir="auto">
                {v.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** CONS54: a contribution's comments, with approve and hide for each. */
function CommentsModeration({ contributionId }: { contributionId: string }) {
  const { t } = useTranslation();
  const [comments, setComments] = useState<CommentView[]>();
  const [hiding, setHiding] = useState<string>();
  const { send, error, busy } = useSend();
  useEffect(() => {
    void send('contribution:comments', { contributionId, page: 1, pageSize: 100 }).then((ack) => ack && setComments(ack.page.items));
  }, [send, contributionId]);
  const replace = (c: CommentView) => setComments((list) => list?.map((x) => (x.id === c.id ? c : x)));
  return (
    <div className="cc-sub">
      <p className="form-error" role="alert">
        {error}
      </p>
      {comments && comments.length === 0 && <p className="muted">{t('consultConsole.moderate.noComments')}</p>}
      {comments && comments.length > 0 && (
        <ul className="cc-comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p className="cc-meta">
                {personLabel(t, c.author)} · {t(`consultConsole.stance.${c.stance}`)} ·{' '}
                <span className={`cc-badge cc-badge-${c.status}`}>{t(`consultConsole.status.${c.status}`)}</span>
              </p>
              <p dir="auto">{c.text}</p>
              {c.hiddenReason && <p className="cc-meta">{t('consultConsole.card.hiddenReason', { reason: c.hiddenReason })}</p>}
              <div className="cc-actions">
                {c.status !== 'published' && (
                  <button type="button" aria-disabled={busy} onClick={() => void send('comment:approve', { commentId: c.id }).then((ack) => ack && replace(ack.comment))}>
                    {t('consultConsole.moderate.approveComment')}
                  </button>
                )}
                {c.status !== 'hidden' && (
                  <button type="button" aria-expanded={hiding === c.id} onClick={() => setHiding((h) => (h === c.id ? undefined : c.id))}>
                    {t('consultConsole.moderate.hideComment')}
                  </button>
                )}
              </div>
              {hiding === c.id && (
                <HideForm
                  label={t('consultConsole.moderate.reason')}
                  onHide={async (reason) => {
                    const ack = await send('comment:hide', { commentId: c.id, reason });
                    if (!ack) return;
                    setHiding(undefined);
                    replace(ack.comment);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** CONS54: statements participants proposed, per question: approve or hide. */
function StatementsModeration({ live }: { live: ConsultationLive }) {
  const { t } = useTranslation();
  const questions = live.consultation.questions.filter((q) => q.statements);
  const [lists, setLists] = useState<Record<string, StatementView[]>>({});
  const { send, error, busy } = useSend();
  const pending = live.moderation?.pendingStatements;
  useEffect(() => {
    for (const q of questions) void send('statement:list', { questionId: q.id }).then((ack) => ack && setLists((l) => ({ ...l, [q.id]: ack.statements })));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reloaded when the pending count moves
  }, [send, pending, questions.length]);
  const moderate = async (s: StatementView, status: 'published' | 'hidden') => {
    const ack = await send('statement:moderate', { statementId: s.id, status });
    if (ack) setLists((l) => ({ ...l, [s.questionId]: (l[s.questionId] ?? []).map((x) => (x.id === s.id ? ack.statement : x)) }));
  };
  return (
    <section className="card" aria-labelledby="cc-statements-heading">
      <h2 id="cc-statements-heading">{t('consultConsole.moderate.statementsHeading')}</h2>
      <p className="form-error" role="alert">
        {error}
      </p>
      {questions.map((q) => {
        const list = (lists[q.id] ?? []).filter((s) => !s.seeded);
        return (
          <div key={q.id}>
            <h3 dir="auto">{q.text}</h3>
            {list.length === 0 ? (
              <p className="muted">{t('consultConsole.moderate.noStatements')}</p>
            ) : (
              <ul className="cc-statements">
                {list.map((s) => (
                  <li key={s.id}>
                    <span dir="auto">{s.text}</span> <span className={`cc-badge cc-badge-${s.status}`}>{t(`consultConsole.status.${s.status}`)}</span>
                    <span className="cc-actions">
                      {s.status !== 'published' && (
                        <button type="button" aria-disabled={busy} onClick={() => void moderate(s, 'published')}>
                          {t('consultConsole.moderate.approve')}
                          <span className="visually-hidden"> {s.text}</span>
                        </button>
                      )}
                      {s.status !== 'hidden' && (
                        <button type="button" aria-disabled={busy} onClick={() => void moderate(s, 'hidden')}>
                          {t('consultConsole.moderate.hideStatement')}
                          <span className="visually-hidden"> {s.text}</span>
                        </button>
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
