import type { PromptView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { keys, Translated } from '../translated';

/**
 * Live prompts, newest first; the region is polite so a new one is read out without interrupting.
 * `scrollable`: the list scrolls within a fixed height (the console's Run screen), so it takes
 * keyboard focus to be scrolled with the arrow keys.
 */
export function PromptList({ prompts, tableLabel, scrollable = false }: { prompts: readonly PromptView[]; tableLabel?: (tableId: string) => string; scrollable?: boolean }) {
  const { t, i18n } = useTranslation();
  const newestFirst = [...prompts].sort((a, b) => b.sentAt - a.sentAt);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="prompts" aria-labelledby="prompts-heading">
      <h3 id="prompts-heading">{t('run.promptsHeading')}</h3>
      <ol
        className={`plain-list prompt-list${scrollable ? ' prompt-list-scroll' : ''}`}
        aria-live="polite"
        aria-relevant="additions"
        {...(scrollable && prompts.length > 0 && { tabIndex: 0, 'aria-labelledby': 'prompts-heading' })}
      >
        {newestFirst.map((p) => (
          <li key={p.id} className="prompt">
            <span className="prompt-meta">
              {p.tableId === null ? t('run.toEveryone') : tableLabel ? t('run.toTable', { table: tableLabel(p.tableId) }) : t('run.toYourTable')} ·{' '}
              <time dateTime={new Date(p.sentAt).toISOString()}>{time.format(p.sentAt)}</time>
            </span>
            <Translated k={keys.prompt(p.id)} text={p.text} className="prompt-text" />
          </li>
        ))}
      </ol>
      {prompts.length === 0 && <p className="muted">{t('run.noPrompts')}</p>}
    </section>
  );
}
