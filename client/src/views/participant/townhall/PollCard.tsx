import type { PollItem } from '@open-talks/shared/protocol';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PollResults } from '../../../components/townhall/PollResults';
import { Message } from '../../console/cafe/Message';
import { useCommand } from './useCommand';

/**
 * One poll: answer it (and change the answer while it is open), and its results when shown.
 * A closed poll folds to one line that opens to its results (POLL14).
 */
export function PollCard({ item, canVote }: { item: PollItem; canVote: boolean }) {
  const { t } = useTranslation();
  const { poll, results, ballot } = item;
  const open = poll.status === 'open';
  if (!open) {
    return (
      <details className="card poll-card poll-closed">
        <summary>
          <span dir="auto" className="poll-question">
            {poll.question}
          </span>{' '}
          <span className="muted">· {t('townhall.poll.closed')}</span>
        </summary>
        {ballot && <p>{t('townhall.poll.youAnswered')}</p>}
        {results ? <PollResults poll={poll} results={results} /> : <p className="muted">{t('townhall.poll.resultsHidden')}</p>}
      </details>
    );
  }
  return (
    <article className="card poll-card" aria-labelledby={`poll-${poll.id}`}>
      <h3 id={`poll-${poll.id}`} dir="auto">
        {poll.question}
      </h3>
      <p className="muted">
        {t(`townhall.poll.kind.${poll.kind}`)} · {t('townhall.poll.open')}
      </p>
      {canVote && <BallotForm item={item} />}
      {results && <PollResults poll={poll} results={results} />}
    </article>
  );
}

function initialChoice(item: PollItem): string[] {
  const choice = item.ballot?.choice;
  if (choice === undefined) return [];
  return Array.isArray(choice) ? choice.map(String) : [String(choice)];
}

function BallotForm({ item }: { item: PollItem }) {
  const { t } = useTranslation();
  const { poll, ballot } = item;
  const { send, message } = useCommand();
  const form = useRef<HTMLFormElement>(null);
  const [picked, setPicked] = useState<string[]>(() => initialChoice(item));
  const [words, setWords] = useState<string[]>(() => (poll.kind === 'text' ? [...initialChoice(item), ...Array(poll.maxEntries).fill('')].slice(0, poll.maxEntries) : []));
  const name = `ballot-${poll.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    let choice: string | number | string[];
    if (poll.kind === 'single') choice = picked[0] ?? '';
    else if (poll.kind === 'multiple') choice = picked;
    else if (poll.kind === 'rating') choice = Number(picked[0]);
    else choice = words.map((w) => w.trim()).filter(Boolean);
    await send('poll:vote', { pollId: poll.id, choice }, ballot ? t('townhall.poll.changed') : t('townhall.poll.thanks'));
  }
  async function withdraw() {
    if (!(await send('poll:withdraw', { pollId: poll.id }, t('townhall.poll.withdrawn')))) return;
    setPicked([]);
    // This button goes with the ballot: focus moves to the first answer, to answer again.
    form.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
  }
  const toggle = (id: string, on: boolean) => setPicked((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));
  const ready = poll.kind === 'text' ? words.some((w) => w.trim()) : picked.length > 0;

  return (
    <form ref={form} onSubmit={submit}>
      {(poll.kind === 'single' || poll.kind === 'multiple') && (
        <fieldset>
          <legend>{poll.kind === 'single' ? t('townhall.poll.pickOne') : poll.maxChoices ? t('townhall.poll.pickUpTo', { count: poll.maxChoices }) : t('townhall.poll.pickAny')}</legend>
          {poll.options.map((option) => (
            <label key={option.id} className="choice" dir="auto">
              <input
                type={poll.kind === 'single' ? 'radio' : 'checkbox'}
                name={name}
                checked={picked.includes(option.id)}
                disabled={poll.kind === 'multiple' && poll.maxChoices !== null && !picked.includes(option.id) && picked.length >= poll.maxChoices}
                onChange={(e) => (poll.kind === 'single' ? setPicked([option.id]) : toggle(option.id, e.target.checked))}
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      )}
      {poll.kind === 'rating' && poll.scale && (
        <fieldset>
          <legend>{t('townhall.poll.rate', { min: poll.scale.min, max: poll.scale.max })}</legend>
          <div className="rating-row">
            {Array.from({ length: poll.scale.max - poll.scale.min + 1 }, (_, i) => poll.scale!.min + i).map((value) => (
              <label key={value} className="choice">
                <input type="radio" name={name} checked={picked[0] === String(value)} onChange={() => setPicked([String(value)])} />
                {value}
                {value === poll.scale!.min && poll.scale!.minLabel && ` (${poll.scale!.minLabel})`}
                {value === poll.scale!.max && poll.scale!.maxLabel && ` (${poll.scale!.maxLabel})`}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {poll.kind === 'text' &&
        words.map((word, i) => (
          <div key={i}>
            <label htmlFor={`${name}-${i}`}>{poll.maxEntries > 1 ? t('townhall.poll.wordN', { n: i + 1 }) : t('townhall.poll.word')}</label>
            <input id={`${name}-${i}`} value={word} maxLength={40} onChange={(e) => setWords((list) => list.map((w, j) => (j === i ? e.target.value : w)))} />
          </div>
        ))}
      <div className="button-row">
        {/* Not disabled while sending: the focused button would drop focus to the page (QA14). */}
        <button type="submit" disabled={!ready}>
          {ballot ? t('townhall.poll.change') : t('townhall.poll.submit')}
        </button>
        {ballot && (
          <button type="button" className="secondary" onClick={() => void withdraw()}>
            {t('townhall.poll.withdraw')}
          </button>
        )}
      </div>
      <Message message={message} />
    </form>
  );
}
