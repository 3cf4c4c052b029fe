import type { PollItem } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Message } from '../cafe/Message';
import { PollCard } from './PollCard';
import { PollForm } from './PollForm';
import { useCommand } from '../../../hooks/useCommand';

/**
 * Polls: prepare, edit drafts, open, close, reopen, show results, project; live results.
 * THUI10: `run` leaves out the new-poll form, `prepare` shows the drafts and the form, open.
 */
export function PollsPanel({ polls: all, projectedPollId, mode = 'all' }: { polls: readonly PollItem[]; projectedPollId: string | null; mode?: 'all' | 'run' | 'prepare' }) {
  const { t } = useTranslation();
  const commands = useCommand({ keepFocus: true });
  const polls = mode === 'prepare' ? all.filter((p) => p.poll.status === 'draft') : all;
  return (
    <section className="card th-panel th-polls" aria-labelledby="th-polls-heading">
      <h2 id="th-polls-heading">{t('thConsole.poll.heading')}</h2>
      <Message message={commands.message} />
      {polls.length === 0 ? (
        <p className="muted">{mode === 'prepare' ? t('thPhase.polls.noDrafts') : t('thConsole.poll.none')}</p>
      ) : (
        <ul className="th-list">
          {polls.map((item) => (
            <PollCard key={item.poll.id} item={item} projected={item.poll.id === projectedPollId} commands={commands} />
          ))}
        </ul>
      )}
      {mode !== 'run' && (
        <details className="th-new-poll" open={mode === 'prepare' || undefined}>
          <summary>{t('thConsole.poll.newHeading')}</summary>
          <PollForm commands={commands} />
        </details>
      )}
    </section>
  );
}
