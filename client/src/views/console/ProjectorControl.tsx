import {
  chooseProjectorMode,
  DEFAULT_PROJECTOR_CHOICE,
  PROJECTOR_THEMES,
  PROJECTOR_VIEWS_BY_FORMAT,
  type ProjectorChange,
  type ProjectorMode,
  type ProjectorTheme,
  type ProjectorView,
} from '@open-talks/shared/projector';
import type { SessionState } from '@open-talks/shared/protocol';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { useLive } from '../../state/live-store';
import { projectorFacts } from '../projector/facts';
import { Message } from './cafe/Message';
import './projector-control.css';

/**
 * What the room's big screen shows (PROJ1–PROJ6): follow the session, or one view; the poll, its
 * results by stakeholder group, the screen's language. It says what the projector shows now,
 * computed with the projector's own function from the same state. For the console's Run phase.
 */
export function ProjectorControl({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const live = useLive((s) => s.live);
  const { send, message } = useCommand();
  if (!live) return null;
  const choice = live.session.projector ?? DEFAULT_PROJECTOR_CHOICE;
  const views = PROJECTOR_VIEWS_BY_FORMAT[live.session.format];
  const polls = (live.townhall?.polls ?? []).filter((p) => p.poll.status !== 'draft');
  const mode = chooseProjectorMode(projectorFacts(live), choice);
  const now = modeText(t, mode, live);
  const change = (update: ProjectorChange) => {
    const next = chooseProjectorMode(projectorFacts(live), { ...choice, ...update });
    void send('projector:show', update, t('projectorControl.changed', { what: modeText(t, next, live) }));
  };
  const settings = (
    <>
      {live.session.languages.length > 1 && (
        <div className="projector-control-field">
          <label htmlFor={`${id}-language`}>{t('projectorControl.language')}</label>
          <select id={`${id}-language`} value={choice.language ?? ''} onChange={(e) => change({ language: (e.target.value || null) as ProjectorChange['language'] })}>
            <option value="">{t('projectorControl.languageDefault', { language: t(`words.languageName.${live.session.languages[0]!}`) })}</option>
            {live.session.languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`words.languageName.${language}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {live.session.languages.length > 1 && (
        // LANG70: the organisers' texts in a second language beside the first.
        <div className="projector-control-field">
          <label htmlFor={`${id}-second`}>{t('translated.secondLanguage')}</label>
          <select
            id={`${id}-second`}
            value={choice.secondLanguage ?? ''}
            onChange={(e) => change({ secondLanguage: (e.target.value || null) as ProjectorChange['secondLanguage'] })}
          >
            <option value="">{t('translated.secondLanguageNone')}</option>
            {live.session.languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`words.languageName.${language}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {/* A dark screen for a dim room (A11Y66). */}
      <div className="projector-control-field">
        <label htmlFor={`${id}-theme`}>{t('theme.projector')}</label>
        <select
          id={`${id}-theme`}
          value={choice.theme}
          onChange={(e) => {
            const theme = e.target.value as ProjectorTheme;
            void send('projector:show', { theme }, t('theme.projectorChanged', { choice: t(`theme.projectorChoices.${theme}`) }));
          }}
        >
          {PROJECTOR_THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`theme.projectorChoices.${theme}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
  const shownPoll = mode.kind === 'results' ? polls.find((p) => p.poll.id === mode.pollId) : undefined;
  return (
    <section className={`projector-control${compact ? ' projector-control-compact' : ''}`} aria-labelledby={`${id}-heading`} data-testid="projector-control">
      <h2 id={`${id}-heading`}>{t('projectorControl.heading')}</h2>
      <p className="projector-control-now" data-testid="projector-now">
        {t('projectorControl.showsNow', { what: now })}
      </p>
      {compact ? (
        // A narrow column (the Run screen's side): one select instead of a row of choices, so Run still fits one screen.
        <div className="projector-control-field">
          {/* The section's heading says it is the projector: the label is for screen readers only. */}
          <label htmlFor={`${id}-view`} className="visually-hidden">
            {t('projectorControl.view')}
          </label>
          <select id={`${id}-view`} value={choice.view} onChange={(e) => change({ view: e.target.value as ProjectorView })}>
            {views.map((view: ProjectorView) => (
              <option key={view} value={view}>
                {t(`projectorControl.views.${view}`)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <fieldset className="projector-control-views">
          <legend>{t('projectorControl.view')}</legend>
          {views.map((view: ProjectorView) => (
            <label key={view} className="projector-control-choice">
              <input type="radio" name={`${id}-view`} value={view} checked={choice.view === view} onChange={() => change({ view })} />
              {t(`projectorControl.views.${view}`)}
            </label>
          ))}
        </fieldset>
      )}
      <div className="projector-control-options">
        {live.session.format === 'townhall' && polls.length > 0 && (
          <div className="projector-control-field">
            <label htmlFor={`${id}-poll`}>{t('projectorControl.poll')}</label>
            <select id={`${id}-poll`} value={choice.pollId ?? ''} onChange={(e) => change({ pollId: e.target.value || null })}>
              <option value="">{t('projectorControl.pollDefault')}</option>
              {polls.map((p) => (
                <option key={p.poll.id} value={p.poll.id}>
                  {p.poll.question}
                </option>
              ))}
            </select>
          </div>
        )}
        {live.session.format === 'townhall' && (
          <label className="projector-control-choice">
            <input type="checkbox" checked={choice.byGroup} onChange={(e) => change({ byGroup: e.target.checked })} />
            {t('projectorControl.byGroup')}
          </label>
        )}
        {compact ? (
          // Set once before the café; folded so the Run screen keeps fitting one screen (CONSOLE1).
          <details className="projector-control-more">
            <summary>{t('projectorControl.languageAndColours')}</summary>
            {settings}
          </details>
        ) : (
          settings
        )}
      </div>
      {shownPoll && !shownPoll.poll.resultsVisible && <p className="projector-control-note">{t('projectorControl.resultsHidden')}</p>}
      <Message message={message} />
    </section>
  );
}

/** "the results of “Which first?”", "the round", …: what a mode shows, in words. */
function modeText(t: TFunction, mode: ProjectorMode, live: SessionState): string {
  if (mode.kind === 'poll' || mode.kind === 'results') {
    const question = live.townhall?.polls.find((p) => p.poll.id === mode.pollId)?.poll.question ?? '';
    return t(`projectorControl.modes.${mode.kind}`, { question });
  }
  return t(`projectorControl.modes.${mode.kind}`);
}
