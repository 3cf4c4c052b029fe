import type { Shown } from '@open-talks/shared';
import type { PollItem } from '@open-talks/shared/protocol';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, useShownText } from '../../../components/translated';
import { useLive } from '../../../state/live-store';
import { Message } from '../../console/cafe/Message';
import { useCommand } from '../../../hooks/useCommand';

function initialChoice(item: PollItem): string[] {
  const choice = item.ballot?.choice;
  if (choice === undefined) return [];
  return Array.isArray(choice) ? choice.map(String) : [String(choice)];
}

/** One's answer in words: option labels (as the reader reads them), a rating, or the words sent. */
function answerText(item: PollItem, label: (optionId: string, original: string) => string): string {
  const choice = initialChoice(item);
  if (item.poll.kind === 'single' || item.poll.kind === 'multiple')
    return choice
      .map((id) => {
        const option = item.poll.options.find((o) => o.id === id);
        return option ? label(id, option.label) : id;
      })
      .join(', ');
  return choice.join(', ');
}

/**
 * Answering an open poll. Once answered it folds to "Your answer: …" with Change and Take back
 * (a phone page stays short, QA16); keyboard focus always lands on the next control, never on
 * the page (QA14).
 */
export function BallotForm({ item, showOriginal = false }: { item: PollItem; showOriginal?: boolean }) {
  const { t } = useTranslation();
  const { poll, ballot } = item;
  // LANG58: the options in the reader's language, or all originals with the question's "Show original".
  const shown = useShownText({ original: showOriginal });
  const optionLabel = (optionId: string, original: string) => shown(keys.pollOption(poll.id, optionId), original).text;
  const { send, message } = useCommand();
  const form = useRef<HTMLFormElement>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const [changing, setChanging] = useState(false);
  // Where focus goes once the next render is on screen (the control it was on is gone).
  const focusNext = useRef<'change' | 'first-answer' | null>(null);
  useLayoutEffect(() => {
    if (focusNext.current === 'change') changeButton.current?.focus();
    if (focusNext.current === 'first-answer') form.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    focusNext.current = null;
  });
  const [picked, setPicked] = useState<string[]>(() => initialChoice(item));
  const [words, setWords] = useState<string[]>(() => (poll.kind === 'text' ? [...initialChoice(item), ...Array<string>(poll.maxEntries).fill('')].slice(0, poll.maxEntries) : []));
  const name = `ballot-${poll.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    let choice: string | number | string[];
    if (poll.kind === 'single') choice = picked[0] ?? '';
    else if (poll.kind === 'multiple') choice = picked;
    else if (poll.kind === 'rating') choice = Number(picked[0]);
    else choice = words.map((w) => w.trim()).filter(Boolean);
    const ack = await send('poll:vote', { pollId: poll.id, choice }, ballot ? t('townhall.poll.changed') : t('townhall.poll.thanks'));
    if (!ack) return;
    // Shown at once from the ack (the server's own copy of it follows).
    focusNext.current = 'change';
    useLive.getState().thBallot(poll.id, ack.ballot);
    setChanging(false);
  }
  async function withdraw() {
    if (!(await send('poll:withdraw', { pollId: poll.id }, t('townhall.poll.withdrawn')))) return;
    setPicked([]);
    // This button goes with the ballot: focus moves to the first answer, to answer again.
    focusNext.current = 'first-answer';
    useLive.getState().thBallot(poll.id, null);
  }
  function change() {
    focusNext.current = 'first-answer';
    setChanging(true);
  }
  const toggle = (id: string, on: boolean) => setPicked((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));
  const ready = poll.kind === 'text' ? words.some((w) => w.trim()) : picked.length > 0;

  if (ballot && !changing) {
    return (
      <div className="poll-answered">
        <p dir="auto">{t('thUi.poll.yourAnswer', { answer: answerText(item, optionLabel) })}</p>
        <div className="button-row">
          <button ref={changeButton} type="button" className="secondary" onClick={change}>
            {t('townhall.poll.change')}
          </button>
          <button type="button" className="secondary" onClick={() => void withdraw()}>
            {t('townhall.poll.withdraw')}
          </button>
        </div>
        <Message message={message} />
      </div>
    );
  }

  return (
    <form ref={form} onSubmit={submit}>
      {(poll.kind === 'single' || poll.kind === 'multiple') && (
        <fieldset>
          <legend>
            {poll.kind === 'single' ? t('townhall.poll.pickOne') : poll.maxChoices ? t('townhall.poll.pickUpTo', { count: poll.maxChoices }) : t('townhall.poll.pickAny')}
          </legend>
          {poll.options.map((option) => (
            <label key={option.id} className="choice" dir="auto">
              <input
                type={poll.kind === 'single' ? 'radio' : 'checkbox'}
                name={name}
                checked={picked.includes(option.id)}
                disabled={poll.kind === 'multiple' && poll.maxChoices !== null && !picked.includes(option.id) && picked.length >= poll.maxChoices}
                onChange={(e) => (poll.kind === 'single' ? setPicked([option.id]) : toggle(option.id, e.target.checked))}
              />
              <OptionLabel shown={shown(keys.pollOption(poll.id, option.id), option.label)} />
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
          {ballot ? t('thUi.poll.sendChange') : t('townhall.poll.submit')}
        </button>
        {ballot && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              focusNext.current = 'change';
              setChanging(false);
            }}
          >
            {t('thUi.confirm.cancel')}
          </button>
        )}
      </div>
      <Message message={message} />
    </form>
  );
}

/** An option's text with its language and direction (LANG55). */
function OptionLabel({ shown }: { shown: Shown }) {
  return (
    <span lang={shown.language} dir={shown.dir}>
      {shown.text}
    </span>
  );
}
