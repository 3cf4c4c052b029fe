import { contentKey, type Attribution } from '@open-talks/shared';
import { FLAG_REASONS, type FlagReason } from '@open-talks/shared/consultation';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../components/ConfirmDialog';
import { ContributionText } from '../../../components/machine/ContributionText';
import { personLabel } from '../../../components/townhall/person';
import { useContribution } from '../../../consultation';
import { useCommand } from '../../../hooks/useCommand';
import { Message } from '../../console/cafe/Message';
import { CommentThread } from './CommentThread';
import { ResponseBlock } from './ResponseBlock';
import { SupportControl } from './SupportControl';
import { provenance } from './words';

const FOLD_AT = 400; // characters: longer texts show their start and a "Read more" button

export interface CardAllowances {
  comment: boolean;
  support: boolean;
}

/**
 * One contribution on the board (CONS42): title, text (folded when long), who wrote it as the
 * attribution allows ("a participant" when nobody), language, provenance of a seed, supports,
 * comments with their stances, themes, the official response; and what the person may do with it:
 * support, comment, flag (CONS44). Reads the live copy from the store by id.
 */
export const ContributionCard = memo(function ContributionCard({
  id,
  attribution,
  supported,
  limit,
  mine,
  may,
}: {
  id: string;
  attribution: Attribution;
  supported: readonly string[];
  limit: number;
  mine: boolean;
  may: CardAllowances;
}) {
  const { t } = useTranslation();
  const item = useContribution(id);
  const [expanded, setExpanded] = useState(false);
  const [commentsOpen, setCommentsOpen] = useState(false);
  if (!item) return null;
  const long = item.text.length > FOLD_AT;
  const text = long && !expanded ? `${item.text.slice(0, FOLD_AT).trimEnd()}…` : item.text;
  const titleId = `contribution-title-${item.id}`;
  const { agree, disagree, neutral } = item.stances;
  return (
    <li className="card consult-card" id={`contribution-${item.id}`} tabIndex={-1} aria-labelledby={titleId}>
      <h4 id={titleId} className="consult-card-title" dir="auto" lang={item.language}>
        {item.title}
      </h4>
      <p className="consult-card-meta">
        {personLabel(t, item.author, attribution)}
        {mine && ` · ${t('consult.card.yours')}`}
        {' · '}
        {t(`words.languageName.${item.language}`)}
      </p>
      {item.origin && <p className="consult-origin">{provenance(t, item.origin)}</p>}
      <ContributionText
        k={contentKey({ kind: 'contribution', id: item.id, field: 'text' })}
        text={text}
        whole={item.text}
        language={item.language}
        className="consult-card-text"
        id={`contribution-text-${item.id}`}
      />
      {long && (
        <button type="button" className="link-button" aria-expanded={expanded} aria-controls={`contribution-text-${item.id}`} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('consult.card.readLess') : t('consult.card.readMore')}
        </button>
      )}
      {item.themes.length > 0 && (
        <p className="consult-themes">
          {t('consult.card.themes')}{' '}
          {item.themes.map((theme) => (
            <span key={theme} className="consult-theme" dir="auto">
              {theme}
            </span>
          ))}
        </p>
      )}
      <p className="consult-counts">
        <span>{t('consult.card.supports', { n: item.supports })}</span>
        {' · '}
        <span>{t('consult.card.comments', { n: item.comments })}</span>
        {item.comments > 0 && <span>{` (${t('consult.card.stances', { agree, disagree, neutral })})`}</span>}
      </p>
      {item.response && <ResponseBlock response={item.response} />}
      <div className="consult-actions">
        {!mine && <SupportControl item={item} supported={supported} limit={limit} open={may.support} describedBy={titleId} />}
        <button type="button" className="secondary" aria-expanded={commentsOpen} onClick={() => setCommentsOpen(!commentsOpen)} aria-describedby={titleId}>
          {commentsOpen ? t('consult.card.hideComments') : t('consult.card.showComments', { n: item.comments })}
        </button>
        {!mine && may.comment && <FlagControl contributionId={item.id} title={item.title} />}
      </div>
      {commentsOpen && <CommentThread contributionId={item.id} attribution={attribution} mayComment={may.comment} />}
    </li>
  );
});

/** Flag a contribution as off-topic or abusive, after a confirmation (CONS44). */
function FlagControl({ contributionId, title }: { contributionId: string; title: string }) {
  const { t } = useTranslation();
  const { send, message } = useCommand();
  const { ask, dialog } = useConfirm();
  async function flag(reason: FlagReason) {
    const ok = await ask({ question: t('consult.flag.confirm', { reason: t(`consult.flag.reason.${reason}`), title }), confirm: t('consult.flag.go') });
    if (ok) await send('contribution:flag', { contributionId, reason }, t('consult.flag.done'));
  }
  return (
    <details className="consult-flag">
      <summary>{t('consult.flag.open')}</summary>
      <div className="button-row">
        {FLAG_REASONS.map((reason) => (
          <button key={reason} type="button" className="secondary" onClick={() => void flag(reason)}>
            {t(`consult.flag.as.${reason}`)}
          </button>
        ))}
      </div>
      <Message message={message} />
      {dialog}
    </details>
  );
}
