import type { PollItem } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../components/ConfirmDialog';
import { focusHeading } from '../../../components/focus-heading';
import { PollResults } from '../../../components/townhall/PollResults';
import { keys, Translated } from '../../../components/translated';
import { PollForm } from './PollForm';
import type { Commands } from '../../../hooks/useCommand';

/** One poll with the steps its status allows (POLL2…POLL4) and its live results. */
export function PollCard({ item, projected, commands }: { item: PollItem; projected: boolean; commands: Commands }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const confirmation = useConfirm();
  const { poll, results } = item;
  const { send, busy } = commands;
  const headingId = `th-poll-${poll.id}`;
  const short = poll.question.length > 60 ? `${poll.question.slice(0, 59)}…` : poll.question;
  const button = (label: string, run: () => void, className = 'secondary') => (
    <button type="button" className={className} aria-disabled={busy} onClick={run} aria-describedby={headingId}>
      {label}
    </button>
  );

  const remove = async () => {
    if (await confirmation.ask({ question: t('thConsole.poll.confirmDelete', { question: short }), confirm: t('thConsole.poll.delete') })) {
      if (await send('poll:delete', { pollId: poll.id }, t('thConsole.poll.deleted', { question: short }))) focusHeading('th-polls-heading');
    }
  };

  return (
    <li className={`th-poll th-poll-${poll.status}`} data-poll={poll.id}>
      {confirmation.dialog}
      {/* The staff read the poll in their language too, with "Show original" (LANG72). */}
      <Translated k={keys.pollQuestion(poll.id)} text={poll.question} as="h3" id={headingId} />
      <p className="th-meta">
        <span>{t(`thConsole.poll.kinds.${poll.kind}`)}</span>
        <span className="th-badge">{t(`thConsole.poll.status.${poll.status}`)}</span>
        <span>{poll.resultsVisible ? t('thConsole.poll.resultsShown') : t('thConsole.poll.resultsHidden')}</span>
        {projected && <span className="th-badge">{t('thConsole.poll.onProjector')}</span>}
      </p>
      {editing ? (
        <PollForm poll={poll} commands={commands} onDone={() => setEditing(false)} />
      ) : (
        <div className="button-row">
          {poll.status === 'draft' && button(t('thConsole.edit'), () => setEditing(true))}
          {poll.status === 'draft' && button(t('thConsole.poll.delete'), () => void remove(), 'danger')}
          {poll.status === 'draft' && button(t('thConsole.poll.open'), () => void send('poll:open', { pollId: poll.id }, t('thConsole.poll.opened', { question: short })), '')}
          {poll.status === 'open' && button(t('thConsole.poll.close'), () => void send('poll:close', { pollId: poll.id }, t('thConsole.poll.closed', { question: short })), '')}
          {poll.status === 'closed' && button(t('thConsole.poll.reopen'), () => void send('poll:open', { pollId: poll.id }, t('thConsole.poll.opened', { question: short })))}
          {button(
            poll.resultsVisible ? t('thConsole.poll.hideResults') : t('thConsole.poll.showResults'),
            () =>
              void send(
                'poll:results-visible',
                { pollId: poll.id, visible: !poll.resultsVisible },
                t(poll.resultsVisible ? 'thConsole.poll.resultsHidden' : 'thConsole.poll.resultsShown'),
              ),
          )}
          {button(
            projected ? t('thConsole.poll.unproject') : t('thConsole.poll.project'),
            () => void send('poll:project', { pollId: projected ? null : poll.id }, t(projected ? 'thConsole.poll.unprojected' : 'thConsole.poll.projected', { question: short })),
          )}
        </div>
      )}
      {poll.kind !== 'text' && poll.options.length > 0 && !results && (
        <ol className="th-poll-options">
          {poll.options.map((o) => (
            <Translated key={o.id} k={keys.pollOption(poll.id, o.id)} text={o.label} as="li" markInside />
          ))}
        </ol>
      )}
      {results && poll.status !== 'draft' && (
        <div className="th-poll-results" aria-live="off" data-testid="poll-results">
          <PollResults poll={poll} results={results} />
        </div>
      )}
    </li>
  );
}
