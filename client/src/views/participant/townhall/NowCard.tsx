import type { Shown } from '@open-talks/shared';
import type { AgendaView, HandStatus, PollItem } from '@open-talks/shared/protocol';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../../components/cafe/Countdown';
import { keys, SLOT, slotted, TranslatedMark, useShownText, useTranslated } from '../../../components/translated';
import { useTownhall } from '../../../state/selectors';
import { participantNextStep, type NextStep } from './next-step';

/** Moves to a part of the page and puts keyboard focus there (its first control, else itself). */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string, control: string) {
  event.preventDefault();
  const target = document.getElementById(id);
  if (!target) return;
  const first = target.querySelector<HTMLElement>(control);
  target.scrollIntoView({ block: 'start' });
  (first ?? target).focus({ preventScroll: true });
}

/**
 * THUI8: the top of a participant's Town Hall on a phone: the agenda item under way and the one
 * thing to do now (speak, vote in the open poll, get ready, ask or upvote), with a link that
 * takes them there. The whole agenda is folded underneath.
 */
export function NowCard({
  agenda,
  you,
  polls,
  may,
  videoRoom,
}: {
  agenda: AgendaView;
  you: HandStatus | null;
  polls: readonly PollItem[];
  may: { vote: boolean; ask: boolean };
  videoRoom: string | null;
}) {
  const { t } = useTranslation();
  const questionsToUpvote = useTownhall((th) => th.qa.questions.some((q) => q.status === 'visible' && !q.mine)) ?? false;
  const step = participantNextStep(
    { you, polls: polls.map(({ poll, ballot }) => ({ id: poll.id, status: poll.status, question: poll.question, answered: ballot !== null })), questionsToUpvote },
    may,
  );
  const current = agenda.items.find((item) => item.id === agenda.currentId);
  const next = agenda.items.find((item) => item.status === 'upcoming');
  // LANG59: the agenda's titles and the open poll's question in the reader's language.
  const now = useTranslated(keys.agendaTitle(current?.id ?? ''), current?.title ?? '');
  const shown = useShownText();
  const title = (item: { id: string; title: string }) => <ShownSpan shown={shown(keys.agendaTitle(item.id), item.title)} />;
  return (
    <section className="card now-card" aria-labelledby="now-heading" data-testid="now-card">
      {/* The item under way is the heading itself ("Now: Welcome"): one line, not "Now" twice. */}
      <h2 id="now-heading" className={current ? 'agenda-current' : undefined} dir="auto">
        {current ? slotted(t('townhall.agenda.now', { title: SLOT }), <span {...now.attrs}>{now.shown.text}</span>) : t('thPhase.now.heading')}
      </h2>
      {current && <TranslatedMark of={now} />}
      {agenda.items.length > 0 && (
        <div className="now-agenda">
          {current ? (
            <Countdown timer={agenda.timer} label={t('townhall.agenda.timeLeft')} kind="agenda" />
          ) : (
            <p className="muted">{agenda.items.every((i) => i.status === 'done') ? t('townhall.agenda.over') : t('townhall.agenda.notStarted')}</p>
          )}
          {next && (
            <p className="agenda-next" dir="auto">
              {slotted(t('townhall.agenda.next', { title: SLOT }), title(next))}
            </p>
          )}
        </div>
      )}
      <StepLine step={step} videoRoom={videoRoom} />
      {/* A poll that opens and the floor are said by the view's announcer (A11Y11), at the participant's level. */}
      {agenda.items.length > 0 && (
        <details className="now-agenda-all">
          <summary>{t('townhall.agenda.all', { count: agenda.items.length })}</summary>
          <ol className="agenda-list">
            {agenda.items.map((item) => (
              <li key={item.id} aria-current={item.status === 'current' ? 'step' : undefined}>
                {title(item)} · {t('townhall.agenda.minutes', { count: Math.round(item.durationMs / 60_000) })} · {t(`townhall.agenda.status.${item.status}`)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

/** A text as the reader reads it, with its language and direction (LANG55). */
function ShownSpan({ shown }: { shown: Shown }) {
  return (
    <span lang={shown.language} dir={shown.dir}>
      {shown.text}
    </span>
  );
}

function StepLine({ step, videoRoom }: { step: NextStep; videoRoom: string | null }) {
  const { t } = useTranslation();
  const shown = useShownText();
  const action = (href: string, label: string, onClick: (event: MouseEvent<HTMLAnchorElement>) => void) => (
    <a className="now-action" href={href} onClick={onClick} data-testid="now-action">
      {label}
    </a>
  );
  switch (step.kind) {
    case 'speak':
      return (
        <div className="now-step now-step-urgent">
          <p className="now-what">{videoRoom ? t('thUi.videoRoom.youHaveFloor') : t('townhall.hand.youHaveFloor')}</p>
          {videoRoom && (
            <a className="now-action" href={videoRoom} target="_blank" rel="noopener noreferrer" data-testid="now-action">
              {t('thUi.videoRoom.join')}
            </a>
          )}
        </div>
      );
    case 'vote':
      return (
        <div className="now-step now-step-urgent">
          <p className="now-what" dir="auto">
            {slotted(t('thPhase.now.pollOpen', { question: SLOT }), <ShownSpan shown={shown(keys.pollQuestion(step.pollId), step.question)} />)}
          </p>
          {step.more > 0 && <p className="muted">{t('thPhase.now.morePolls', { n: step.more })}</p>}
          {action(`#poll-card-${step.pollId}`, t('thPhase.now.vote'), (e) => jumpTo(e, `poll-card-${step.pollId}`, 'input:not(:disabled), button'))}
        </div>
      );
    case 'next-speaker':
      return (
        <div className="now-step">
          <p className="now-what">{t('townhall.hand.youAreNext')}</p>
        </div>
      );
    case 'ask':
      return (
        <div className="now-step">
          <p className="now-what">{t('thPhase.now.askWhat')}</p>
          {action('#qa-heading', t('thPhase.now.ask'), (e) => jumpTo(e, 'qa-section', '#ask-text'))}
        </div>
      );
    case 'upvote':
      return (
        <div className="now-step">
          <p className="now-what">{t('thPhase.now.upvoteWhat')}</p>
          {action('#qa-heading', t('thPhase.now.upvote'), (e) => jumpTo(e, 'qa-section', 'button.vote'))}
        </div>
      );
    case 'follow':
      return (
        <div className="now-step">
          <p className="now-what">{t('thPhase.now.follow')}</p>
        </div>
      );
  }
}
