import type { QuestionItem } from '@open-talks/shared/protocol';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from '../cafe/Message';
import { QuestionRow } from './QuestionRow';
import { RadioChoices } from './RadioChoices';
import { isMergeTarget, sortQuestions, type Sort } from './question-sort';
import { useCommand, type Commands } from '../../../hooks/useCommand';

const GROUPS = ['pending', 'pinned', 'visible', 'answered', 'hidden'] as const;
type Group = (typeof GROUPS)[number];

function groupOf(q: QuestionItem): Group {
  if (q.pinned) return 'pinned';
  return q.status;
}

/** Q&A moderation: every question, pending first; approve, hide, edit, merge, pin, answer. */
export function QaPanel({ questions, moderation }: { questions: readonly QuestionItem[]; moderation: 'pre' | 'post' }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<Sort>('top');
  const commands = useCommand({ keepFocus: true });
  // THUI11: one `send` for the panel's life, so the memoised rows keep their props on a vote.
  const latest = useRef(commands);
  useLayoutEffect(() => {
    latest.current = commands;
  });
  const send = useCallback(((...args: Parameters<Commands['send']>) => latest.current.send(...args)) as Commands['send'], []);
  const announcement = useNewQuestionAnnouncement(questions);
  const sorted = sortQuestions(questions, sort);
  const byGroup = new Map<Group, QuestionItem[]>(GROUPS.map((g) => [g, sorted.filter((q) => groupOf(q) === g)]));
  // Nothing merges into a hidden question, nor into one that was merged away (QA8).
  const targets = questions.filter(isMergeTarget).length;
  const texts = useMemo(() => new Map(questions.map((q) => [q.id, q.text])), [questions]);
  const pending = byGroup.get('pending')!.length;

  return (
    <section className="card th-panel th-qa" aria-labelledby="th-qa-heading">
      <h2 id="th-qa-heading">
        {t('thConsole.qa.heading')}{' '}
        <span className="muted" data-testid="qa-pending-count">
          {t('thConsole.qa.pendingCount', { count: pending })}
        </span>
      </h2>
      <p className="hint">{t(`thConsole.qa.moderationIs.${moderation}`)}</p>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <RadioChoices
        className="inline-form th-sort"
        legend={t('thConsole.qa.sortBy')}
        values={['top', 'newest'] as const}
        value={sort}
        label={(s) => t(`thConsole.qa.sort.${s}`)}
        onChange={setSort}
      />
      <Message message={commands.message} />
      {questions.length === 0 && <p className="muted">{t('thConsole.qa.none')}</p>}
      {GROUPS.map((group) => {
        const list = byGroup.get(group)!;
        if (list.length === 0) return null;
        return (
          <section key={group} className={`th-qa-group th-qa-${group}`} aria-labelledby={`th-qa-${group}`}>
            <h3 id={`th-qa-${group}`}>{t(`thConsole.qa.group.${group}`, { n: list.length })}</h3>
            <ol className="th-list" data-testid={`qa-${group}`}>
              {list.map((q) => (
                <QuestionRow
                  key={q.id}
                  question={q}
                  mergedText={q.mergedInto ? (texts.get(q.mergedInto) ?? null) : null}
                  canMerge={targets - (isMergeTarget(q) ? 1 : 0) > 0}
                  send={send}
                  busy={commands.busy}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </section>
  );
}

/**
 * Says politely when a new question arrives (not for those already there on load), and takes it
 * back once it is no longer true: the questions it named were approved, hidden or merged
 * (THUI3), so a screen reader user who reads the status later is not told of old news.
 */
function useNewQuestionAnnouncement(questions: readonly QuestionItem[]): string {
  const { t } = useTranslation();
  const seen = useRef<Set<string> | null>(null);
  const announced = useRef<Map<string, QuestionItem['status']>>(new Map());
  const [text, setText] = useState('');
  useEffect(() => {
    if (seen.current === null) {
      seen.current = new Set(questions.map((q) => q.id));
      return;
    }
    const fresh = questions.filter((q) => !seen.current!.has(q.id));
    for (const q of fresh) seen.current.add(q.id);
    if (fresh.length > 0) {
      announced.current = new Map(fresh.map((q) => [q.id, q.status]));
      const pending = fresh.filter((q) => q.status === 'pending');
      if (fresh.length === 1) setText(t(pending.length ? 'thConsole.qa.newPendingOne' : 'thConsole.qa.newQuestionOne', { text: fresh[0]!.text }));
      else setText(t('thConsole.qa.newQuestions', { count: fresh.length }));
      return;
    }
    const stillTrue = questions.some((q) => announced.current.get(q.id) === q.status && q.mergedInto === null);
    if (announced.current.size > 0 && !stillTrue) {
      announced.current = new Map();
      setText('');
    }
  }, [questions, t]);
  return text;
}
