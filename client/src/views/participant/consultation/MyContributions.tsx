import { contentKey, directionOf, type Language } from '@open-talks/shared';
import type { ConsultationQuestionView, ContributionView } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageControl } from '../../../components/machine/LanguageControl';
import { ContributeForm } from './ContributeForm';
import { ResponseBlock } from './ResponseBlock';

/** A contribution's state in words: pending review, published, hidden (with the reason), merged. */
function statusText(t: TFunction, item: ContributionView, merged: boolean): string {
  if (merged) return t('consult.mine.status.merged');
  if (item.status === 'hidden') return item.hiddenReason ? t('consult.mine.status.hiddenBecause', { reason: item.hiddenReason }) : t('consult.mine.status.hidden');
  return t(`consult.mine.status.${item.status}`);
}

/** What changed on one of their contributions, to announce: its status, or its official response. */
function changeOf(t: TFunction, before: ContributionView, now: ContributionView): string | null {
  if (before.status !== now.status) return t('consult.mine.changed', { title: now.title, status: statusText(t, now, false) });
  if (now.response && (before.response?.status !== now.response.status || before.response.text !== now.response.text))
    return t('consult.mine.answered', { title: now.title, status: t(`consult.response.status.${now.response.status}`) });
  return null;
}

/**
 * "Your contributions" (CONS47): each with its status and the official response; a change that
 * arrives live is said in a polite live region. Editable while contributions are open.
 */
export function MyContributions({
  mine,
  gone,
  questions,
  canEdit,
  language,
  supported,
  limit,
}: {
  mine: readonly ContributionView[];
  gone: Readonly<Record<string, string | null>>;
  questions: readonly ConsultationQuestionView[];
  canEdit: boolean;
  language: Language;
  supported: Readonly<Record<string, string[]>>;
  limit: number;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef(new Map(mine.map((m) => [m.id, m])));
  useEffect(() => {
    const said = mine.flatMap((now) => {
      const before = previous.current.get(now.id);
      const change = before && changeOf(t, before, now);
      return change ? [change] : [];
    });
    previous.current = new Map(mine.map((m) => [m.id, m]));
    if (said.length > 0) setAnnouncement(said.join(' '));
  }, [mine, t]);

  return (
    <section className="card consult-mine" aria-labelledby="consult-mine-heading">
      <h2 id="consult-mine-heading">{t('consult.mine.heading')}</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {mine.length === 0 ? (
        <p className="hint">{t('consult.mine.none')}</p>
      ) : (
        <ul className="consult-mine-list">
          {mine.map((item) => {
            // Stored with the contribution (after a reload too), or just heard live from `contribution:gone`.
            const merged = item.mergedInto !== null || (item.id in gone && gone[item.id] !== null);
            const question = questions.find((q) => q.id === item.questionId);
            return (
              <li key={item.id} className="consult-mine-item">
                {editing === item.id ? (
                  <ContributeForm
                    questionId={item.questionId}
                    language={language}
                    preModerated={false}
                    editing={item}
                    supported={supported[item.questionId] ?? []}
                    limit={limit}
                    onDone={() => setEditing(null)}
                  />
                ) : (
                  <>
                    <h3 className="consult-mine-title" lang={item.language} dir={directionOf(item.language)}>
                      {item.title}
                    </h3>
                    <LanguageControl k={contentKey({ kind: 'contribution', id: item.id, field: 'text' })} language={item.language} />
                    {question && (
                      <p className="hint" dir="auto">
                        {t('consult.mine.on', { question: question.text })}
                      </p>
                    )}
                    <p className={`consult-status consult-status-${merged ? 'merged' : item.status}`} data-testid="consult-mine-status">
                      {t('consult.mine.statusLabel')} {statusText(t, item, merged)}
                    </p>
                    <p className="hint">
                      {t('consult.card.supports', { n: item.supports })} · {t('consult.card.comments', { n: item.comments })}
                    </p>
                    {item.response ? <ResponseBlock response={item.response} /> : <p className="hint">{t('consult.mine.noResponse')}</p>}
                    {canEdit && item.status !== 'hidden' && !merged && (
                      <button type="button" className="secondary" onClick={() => setEditing(item.id)}>
                        {t('consult.mine.edit')}
                        <span className="visually-hidden"> {item.title}</span>
                      </button>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
