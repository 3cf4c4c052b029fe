import { consolePhaseFor, consolePhases, type ConsolePhase } from '@open-talks/shared';
import type { ParticipantView, SessionView } from '@open-talks/shared/protocol';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveAttendance } from '../../../components/LiveAttendance';
import { SpokenJoinCode } from '../../../components/SpokenJoinCode';
import { getCredential } from '../../../state/credentials';
import { PeopleTable } from '../PeopleTable';
import { SharePanel } from '../SharePanel';
import { PHASE_PANEL_ID, PhaseTabs, phaseTabId } from '../phases/PhaseTabs';
import { useConsolePhase } from '../phases/usePhase';
import { PreparePanel } from './PreparePanel';
import { useConsultationLive } from './use-consultation';
import './consultation-console.css';

// The queue, the responses and the opinion board each come in their own chunk, when opened.
const ModeratePanel = lazy(() => import('./ModeratePanel'));
const RespondPanel = lazy(() => import('./RespondPanel'));
const OpinionPanel = lazy(() => import('./OpinionPanel'));
const RecordPanel = lazy(() => import('../../../record/RecordPanel'));

/** A moderator's console has the queue and the opinion board only (CONS50). */
const MODERATOR_PHASES: readonly ConsolePhase[] = ['moderate', 'opinion'];

/**
 * The organiser's and moderators' console of an online consultation (CONS50–CONS59): Prepare,
 * Moderate, Respond, Opinion groups and Record as tabs. The tab the consultation's phase calls
 * for carries the "now" mark, and the console follows it unless one was chosen by hand.
 */
export function ConsultationConsole({
  sessionId,
  session,
  me,
  participants,
  recordPublished,
}: {
  sessionId: string;
  session: SessionView;
  me: ParticipantView;
  participants: ParticipantView[] | undefined;
  recordPublished: boolean;
}) {
  const { t } = useTranslation();
  const live = useConsultationLive();
  const facilitator = me.role === 'facilitator';
  const phases = facilitator ? consolePhases('consultation') : MODERATOR_PHASES;
  const wanted = consolePhaseFor({ format: 'consultation', phase: live?.consultation.phase, recordPublished });
  const auto = phases.includes(wanted) ? wanted : phases[0]!;
  const { phase, choose, moved } = useConsolePhase(sessionId, auto, phases);
  const token = getCredential(sessionId)?.token;

  // CONSOLE5, as in the other consoles: focus lost with the old panel goes to the new tab.
  const focusInPanel = useRef(false);
  const lastPhase = useRef(phase);
  useEffect(() => {
    if (lastPhase.current === phase) return;
    lastPhase.current = phase;
    const active = document.activeElement;
    const lost = active === null || active === document.body || !active.isConnected;
    if (lost && focusInPanel.current) document.getElementById(phaseTabId(phase))?.focus();
    focusInPanel.current = false;
  }, [phase]);

  const label = (p: ConsolePhase) => t(`consultConsole.tabs.${p}`);
  const loading = <p role="status">{t('app.loading')}</p>;
  const counts = live?.moderation;

  let content;
  if (!live) content = loading;
  else if (phase === 'prepare' && facilitator) {
    content = (
      <>
        <dl className="session-details" aria-label={t('console.sessionDetails')}>
          <div>
            <dt>{t('console.format')}</dt>
            <dd>{t(`words.format.${session.format}`)}</dd>
          </div>
          <div>
            <dt>{t('console.joinCode')}</dt>
            <dd className="code">
              <SpokenJoinCode code={session.joinCode} testId="join-code" />
            </dd>
          </div>
          <div>
            <dt>{t('console.languages')}</dt>
            <dd>{session.languages.map((l) => t(`words.languageName.${l}`)).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('console.attribution')}</dt>
            <dd>{t(`words.attribution.${session.attribution}`)}</dd>
          </div>
        </dl>
        <div className="console-grid">
          <SharePanel session={session} />
          <LiveAttendance />
        </div>
        <PreparePanel sessionId={sessionId} live={live} />
        {participants && <PeopleTable participants={participants} meId={me.id} />}
      </>
    );
  } else if (phase === 'moderate') content = <ModeratePanel live={live} />;
  else if (phase === 'respond') content = <RespondPanel live={live} />;
  else if (phase === 'opinion') content = <OpinionPanel live={live} />;
  else if (phase === 'record' && token) content = <RecordPanel sessionId={sessionId} token={token} canPublish={facilitator} />;

  return (
    <div className={`console console-by-phase console-phase-${phase} cc`}>
      <h1>
        {session.title} <span className="muted heading-sub">— {facilitator ? t('console.heading') : t('consultConsole.moderatorHeading')}</span>
      </h1>
      {live && (
        <p className="cc-status" data-testid="cc-status">
          {t('consultConsole.phaseNow', { phase: t(`consultConsole.phase.${live.consultation.phase}`) })}
          {counts && (
            <>
              {' · '}
              <span>{t('consultConsole.moderate.pendingCount', { count: counts.pending })}</span>
              {' · '}
              <span>{t('consultConsole.moderate.flaggedCount', { count: counts.flagged })}</span>
            </>
          )}
        </p>
      )}
      <PhaseTabs phases={phases} phase={phase} auto={auto} onChoose={choose} label={label} />
      <p className="visually-hidden" role="status" data-testid="phase-announcement">
        {moved ? t('consolePhase.moved', { phase: label(moved) }) : ''}
      </p>
      <div
        role="tabpanel"
        id={PHASE_PANEL_ID}
        aria-labelledby={phaseTabId(phase)}
        className="console-phase-panel"
        onFocus={() => (focusInPanel.current = true)}
        onBlur={() => (focusInPanel.current = false)}
      >
        <Suspense fallback={loading}>{content}</Suspense>
      </div>
    </div>
  );
}
