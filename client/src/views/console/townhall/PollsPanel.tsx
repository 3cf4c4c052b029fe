import type { PollItem } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { Message } from '../cafe/Message';
import { PollCard } from './PollCard';
import { PollForm } from './PollForm';
import { useCommand } from '../../../hooks/useCommand';

/** Polls: prepare, edit drafts, open, close, reopen, show results, project; live results. */
export function PollsPanel({ polls, projectedPollId }: { polls: readonly PollItem[]; projectedPollId: string | null }) {
  const { t } = useTranslation();
  const commands = useCommand({ keepFocus: true });
  return (
    <section className="card th-panel th-polls" aria-labelledby="th-polls-heading">
      <h2 id="th-polls-heading">{t('thConsole.poll.heading')}</h2>
      <Message message={commands.message} />
      {polls.length === 0 ? (
        <p className="muted">{t('thConsole.poll.none')}</p>
      ) : (
        <ul className="th-list">
          {polls.map((item) => (
            <PollCard key={item.poll.id} item={item} projected={item.poll.id === projectedPollId} commands={commands} />
          ))}
        </ul>
      )}
      <details className="th-new-poll">
        <summary>{t('thConsole.poll.newHeading')}</summary>
        <PollForm commands={commands} />
      </details>
    </section>
  );
}
