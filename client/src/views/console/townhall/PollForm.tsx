import { POLL_KINDS, POLL_LIMITS, WORD_LIMITS, type Poll, type PollKind } from '@open-talks/shared';
import type { pollDefinition } from '@open-talks/shared/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RadioChoices } from './RadioChoices';
import type { Commands } from '../../../hooks/useCommand';

type Definition = z.input<typeof pollDefinition>;

interface Draft {
  kind: PollKind;
  question: string;
  options: string[];
  maxChoices: string; // '' = no cap
  min: string;
  max: string;
  minLabel: string;
  maxLabel: string;
  maxEntries: string;
}

function draftOf(poll: Poll | undefined): Draft {
  return {
    kind: poll?.kind ?? 'single',
    question: poll?.question ?? '',
    options: poll && poll.options.length > 0 ? poll.options.map((o) => o.label) : ['', ''],
    maxChoices: poll?.maxChoices ? String(poll.maxChoices) : '',
    min: String(poll?.scale?.min ?? 1),
    max: String(poll?.scale?.max ?? 5),
    minLabel: poll?.scale?.minLabel ?? '',
    maxLabel: poll?.scale?.maxLabel ?? '',
    maxEntries: String(poll?.maxEntries ?? 1),
  };
}

/** What the form says, as a `poll:create` / `poll:edit` definition: only the kind's own fields. */
function definitionOf(d: Draft): Definition {
  const base = { kind: d.kind, question: d.question };
  switch (d.kind) {
    case 'single':
      return { ...base, options: d.options.map((o) => o.trim()).filter(Boolean) };
    case 'multiple':
      return { ...base, options: d.options.map((o) => o.trim()).filter(Boolean), maxChoices: d.maxChoices ? Number(d.maxChoices) : null };
    case 'rating':
      return { ...base, scale: { min: Number(d.min), max: Number(d.max), minLabel: d.minLabel.trim() || null, maxLabel: d.maxLabel.trim() || null } };
    case 'text':
      return { ...base, maxEntries: Number(d.maxEntries) };
  }
}

/** Prepares a poll, or edits a draft (POLL1, POLL2). */
export function PollForm({ poll, commands, onDone }: { poll?: Poll; commands: Commands; onDone?: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(poll));
  const id = useId();
  const set = (patch: Partial<Draft>) => setD((current) => ({ ...current, ...patch }));
  const choice = d.kind === 'single' || d.kind === 'multiple';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const definition = definitionOf(d);
    const ack = poll
      ? await commands.send('poll:edit', { ...definition, pollId: poll.id }, t('thConsole.poll.saved'))
      : await commands.send('poll:create', definition, t('thConsole.poll.created'));
    if (!ack) return;
    if (!poll) setD(draftOf(undefined));
    onDone?.();
  }

  return (
    <form className="th-poll-form" onSubmit={submit} aria-label={poll ? t('thConsole.poll.editHeading') : t('thConsole.poll.newHeading')}>
      <RadioChoices legend={t('thConsole.poll.kind')} values={POLL_KINDS} value={d.kind} label={(kind) => t(`thConsole.poll.kinds.${kind}`)} onChange={(kind) => set({ kind })} />
      <label htmlFor={`${id}-question`}>{t('thConsole.poll.question')}</label>
      <input id={`${id}-question`} value={d.question} maxLength={POLL_LIMITS.questionLength} onChange={(e) => set({ question: e.target.value })} required dir="auto" />
      {choice && (
        <fieldset>
          <legend>{t('thConsole.poll.options')}</legend>
          <ol className="th-option-list">
            {d.options.map((option, i) => (
              <li key={i} className="inline-form">
                <label htmlFor={`${id}-o${i}`} className="visually-hidden">
                  {t('thConsole.poll.optionN', { n: i + 1 })}
                </label>
                <input
                  id={`${id}-o${i}`}
                  className="th-grow"
                  value={option}
                  maxLength={POLL_LIMITS.optionLength}
                  onChange={(e) => set({ options: d.options.map((o, j) => (j === i ? e.target.value : o)) })}
                  dir="auto"
                />
                {d.options.length > 2 && (
                  <button
                    type="button"
                    className="danger"
                    onClick={() => set({ options: d.options.filter((_, j) => j !== i) })}
                    aria-label={t('thConsole.poll.removeOptionN', { n: i + 1 })}
                  >
                    {t('thConsole.remove')}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {d.options.length < POLL_LIMITS.options && (
            <button type="button" className="secondary" onClick={() => set({ options: [...d.options, ''] })}>
              {t('thConsole.poll.addOption')}
            </button>
          )}
        </fieldset>
      )}
      {d.kind === 'multiple' && (
        <div className="inline-form">
          <label htmlFor={`${id}-max`}>{t('thConsole.poll.maxChoices')}</label>
          <input
            id={`${id}-max`}
            type="number"
            min={1}
            max={POLL_LIMITS.options}
            value={d.maxChoices}
            onChange={(e) => set({ maxChoices: e.target.value })}
            aria-describedby={`${id}-max-hint`}
          />
          <span className="hint" id={`${id}-max-hint`}>
            {t('thConsole.poll.maxChoicesHint')}
          </span>
        </div>
      )}
      {d.kind === 'rating' && (
        <fieldset className="th-scale">
          <legend>{t('thConsole.poll.scale')}</legend>
          <div className="inline-form">
            <label htmlFor={`${id}-min`}>{t('thConsole.poll.scaleMin')}</label>
            <input
              id={`${id}-min`}
              type="number"
              min={-POLL_LIMITS.scaleBound}
              max={POLL_LIMITS.scaleBound}
              value={d.min}
              onChange={(e) => set({ min: e.target.value })}
              required
            />
            <label htmlFor={`${id}-min-label`}>{t('thConsole.poll.scaleMinLabel')}</label>
            <input
              id={`${id}-min-label`}
              className="th-grow"
              maxLength={POLL_LIMITS.scaleLabelLength}
              value={d.minLabel}
              onChange={(e) => set({ minLabel: e.target.value })}
              dir="auto"
            />
          </div>
          <div className="inline-form">
            <label htmlFor={`${id}-max-v`}>{t('thConsole.poll.scaleMax')}</label>
            <input
              id={`${id}-max-v`}
              type="number"
              min={-POLL_LIMITS.scaleBound}
              max={POLL_LIMITS.scaleBound}
              value={d.max}
              onChange={(e) => set({ max: e.target.value })}
              required
            />
            <label htmlFor={`${id}-max-label`}>{t('thConsole.poll.scaleMaxLabel')}</label>
            <input
              id={`${id}-max-label`}
              className="th-grow"
              maxLength={POLL_LIMITS.scaleLabelLength}
              value={d.maxLabel}
              onChange={(e) => set({ maxLabel: e.target.value })}
              dir="auto"
            />
          </div>
          <p className="hint">{t('thConsole.poll.scaleHint', { span: POLL_LIMITS.scaleSpan })}</p>
        </fieldset>
      )}
      {d.kind === 'text' && (
        <div className="inline-form">
          <label htmlFor={`${id}-entries`}>{t('thConsole.poll.maxEntries')}</label>
          <input id={`${id}-entries`} type="number" min={1} max={WORD_LIMITS.entries} value={d.maxEntries} onChange={(e) => set({ maxEntries: e.target.value })} required />
        </div>
      )}
      <div className="button-row">
        <button type="submit" aria-disabled={commands.busy}>
          {poll ? t('thConsole.save') : t('thConsole.poll.create')}
        </button>
        {onDone && poll && (
          <button type="button" className="secondary" onClick={onDone}>
            {t('thConsole.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
