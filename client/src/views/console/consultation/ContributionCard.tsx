import type { ContributionView } from '@open-talks/shared/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { personLabel } from '../../../components/townhall/person';

/** "From the World Café “…”, table 4, round 2" (CONS53), or nothing for a contribution written here. */
export function OriginLine({ contribution }: { contribution: ContributionView }) {
  const { t } = useTranslation();
  const o = contribution.origin;
  if (!o) return null;
  const parts = [t(`consultConsole.origin.${o.format}`, { title: o.sessionTitle }), t(`consultConsole.origin.kind.${o.kind}`)];
  if (o.table) parts.push(t('consultConsole.origin.table', { table: o.table }));
  if (o.round !== null) parts.push(t('consultConsole.origin.round', { round: o.round }));
  return <span className="cc-origin">{parts.join(', ')}</span>;
}

/**
 * One contribution as staff see it (CONS54): its status in words (never colour alone), who wrote
 * it as the attribution allows, the counts, the themes, the carry mark, the flags and the
 * response; `children` are the actions of the panel that shows it.
 */
export function ContributionCard({
  contribution: c,
  headingLevel = 3,
  children,
  select,
}: {
  contribution: ContributionView;
  headingLevel?: 3 | 4;
  children?: ReactNode;
  select?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(c.createdAt);
  return (
    <article className={`cc-card cc-card-${c.status}`} aria-labelledby={`cc-c-${c.id}`} data-testid="cc-contribution" data-id={c.id}>
      <div className="cc-card-head">
        {select}
        <Heading id={`cc-c-${c.id}`} dir="auto">
          {c.title}
        </Heading>
        <span className={`cc-badge cc-badge-${c.status}`}>{t(`consultConsole.status.${c.status}`)}</span>
      </div>
      <p className="cc-meta">
        {c.origin ? <OriginLine contribution={c} /> : personLabel(t, c.author)} · <time dateTime={new Date(c.createdAt).toISOString()}>{date}</time> ·{' '}
        {t(`words.languageName.${c.language}`)}
      </p>
      <p className="cc-text" dir="auto">
        {c.text}
      </p>
      <p className="cc-meta" data-testid="cc-counts">
        <span data-testid="cc-supports">{t('consultConsole.card.supports', { count: c.supports })}</span> · {t('consultConsole.card.comments', { count: c.comments })}
        {c.flags > 0 && (
          <>
            {' '}
            · <strong className="cc-flags">{t('consultConsole.card.flags', { count: c.flags })}</strong>
          </>
        )}
        {c.versions > 0 && <> · {t('consultConsole.card.versions', { count: c.versions })}</>}
        {c.carry && (
          <>
            {' '}
            · <strong>{t('consultConsole.card.carried')}</strong>
          </>
        )}
      </p>
      {c.themes.length > 0 && (
        <p className="cc-meta">
          {t('consultConsole.card.themes')}{' '}
          {c.themes.map((theme) => (
            <span key={theme} className="cc-theme" dir="auto">
              {theme}
            </span>
          ))}
        </p>
      )}
      {c.hiddenReason && <p className="cc-meta">{t('consultConsole.card.hiddenReason', { reason: c.hiddenReason })}</p>}
      {c.response && (
        <p className="cc-response-line">
          <strong>{t(`consultConsole.responseStatus.${c.response.status}`)}</strong>: <span dir="auto">{c.response.text}</span>
        </p>
      )}
      {children}
    </article>
  );
}
