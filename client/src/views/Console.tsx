import { can, consolePhaseFor, consolePhases, formatJoinCode, type ConsolePhase, type TownhallProgress } from '@open-talks/shared';
import type { ParticipantView, SessionView } from '@open-talks/shared/protocol';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LiveAttendance } from '../components/LiveAttendance';
import { SpokenJoinCode } from '../components/SpokenJoinCode';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { TablesNotes } from '../components/cafe/TablesNotes';
import { useLiveSession } from '../hooks/useLiveSession';
import { useLive } from '../state/live-store';
import { useCafeLive, useSessionView, useTownhall, useViewer } from '../state/selectors';
import { CafeSetup } from './console/cafe/CafeSetup';
import { HarvestSection } from './console/cafe/HarvestSection';
import { RunPanel } from './console/cafe/RunPanel';
import { PeopleTable } from './console/PeopleTable';
import { ProjectorControl } from './console/ProjectorControl';
import { SharePanel } from './console/SharePanel';
import { PHASE_PANEL_ID, PhaseTabs, phaseTabId } from './console/phases/PhaseTabs';
import { useCafeView } from './console/phases/useCafeView';
import { useConsolePhase } from './console/phases/usePhase';
import { usePublished } from './console/phases/usePublished';
import { isTownhallStaff, TownhallConsole } from './console/townhall/TownhallConsole';
import { ConsultationConsole } from './console/consultation/ConsultationConsole';
import { getCredential } from '../state/credentials';
import './console/console.css';

// The record's panel (exports, publication) is needed once, at the end: its own chunk.
const RecordPanel = lazy(() => import('../record/RecordPanel'));

/**
 * The facilitator's console: invite people, see who is here, give roles. In a Town Hall,
 * moderators and captioners open it too and see only the panels their role allows.
 */
export default function Console({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const hasToken = useLiveSession(sessionId, 'participant');
  // Slices, not `live`: a vote count or a caption re-renders only the panel that shows it.
  const session = useSessionView();
  const loaded = useLive((s) => s.live !== undefined);
  const participants = useLive((s) => s.live?.participants);
  const townhall = useLive((s) => s.live?.townhall !== undefined);
  const refusal = useLive((s) => s.refusal);
  const me = useViewer();
  useDocumentTitle(t('title.console'), session?.title);

  if (!hasToken || refusal) {
    return (
      <div className="narrow">
        <h1>{t('session.notMember')}</h1>
        <Link href="/">{t('app.home')}</Link>
      </div>
    );
  }
  if (!loaded || !session || !me) return <p role="status">{t('app.loading')}</p>;
  const facilitator = me.role === 'facilitator' && participants !== undefined;
  const townhallStaff = townhall && isTownhallStaff(me.role);
  // CONS50: a consultation's moderators have a console too: the queue and the opinion board.
  const consultationStaff = session.format === 'consultation' && can(me.role, 'consultation:moderate');
  if (!facilitator && !townhallStaff && !consultationStaff) {
    return (
      <div className="narrow">
        <h1>{t('console.notFacilitator')}</h1>
        <Link href={`/s/${sessionId}`}>{session.title}</Link>
      </div>
    );
  }

  if (!facilitator && consultationStaff) {
    return <ConsultationConsole sessionId={sessionId} session={session} me={me} participants={undefined} recordPublished={false} />;
  }
  if (!facilitator && townhall) {
    return (
      <div className="console">
        <h1>
          {session.title} <span className="muted heading-sub">— {t('thConsole.staffHeading', { role: t(`words.role.${me.role}`) })}</span>
        </h1>
        <p>
          <Link href={`/s/${sessionId}`}>{t('thConsole.participantView')}</Link>
        </p>
        <TownhallConsole role={me.role} />
        {/* Below the live panels: its "the projector shows …" line changes length as polls open and close, and above them it shifted every button under a moderator's pointer. */}
        {can(me.role, 'projector:show') && <ProjectorControl />}
      </div>
    );
  }
  return <FacilitatorConsole sessionId={sessionId} session={session} me={me} participants={participants!} />;
}

/** The Town Hall's progress as far as the console's phase goes (CONSOLE3). */
function useTownhallProgress(): TownhallProgress | undefined {
  const th = useTownhall(({ agenda, polls, floor }) => ({ agenda, polls, floor }));
  return th && { agenda: th.agenda, polls: th.polls.map((p) => p.poll), floor: th.floor !== null };
}

type ConsoleProps = { sessionId: string; session: SessionView; me: ParticipantView; participants: ParticipantView[] };

/** Waits for whether the record is published (one request), which the console's phase depends on. */
function FacilitatorConsole(props: ConsoleProps) {
  const { t } = useTranslation();
  const published = usePublished(props.sessionId, getCredential(props.sessionId)?.token);
  if (published === undefined) return <p role="status">{t('app.loading')}</p>;
  if (props.session.format === 'consultation') return <ConsultationConsole {...props} recordPublished={published} />;
  return <PhasedConsole {...props} recordPublished={published} />;
}

/**
 * The facilitator's console by phase (CONSOLE2–CONSOLE5): Prepare, Run, Harvest (a café) and
 * Record, as tabs. The phase follows the session's state and can be chosen by hand.
 */
function PhasedConsole({ sessionId, session, me, participants, recordPublished }: ConsoleProps & { recordPublished: boolean }) {
  const { t } = useTranslation();
  const isCafe = session.format === 'cafe';
  const liveCafe = useCafeLive();
  const cafe = useCafeView(isCafe);
  const progress = useTownhallProgress();
  const token = getCredential(sessionId)?.token;

  const phases = consolePhases(session.format);
  const auto: ConsolePhase = isCafe
    ? consolePhaseFor({ format: 'cafe', phase: liveCafe?.live.phase ?? 'not-started', recordPublished })
    : consolePhaseFor({ format: 'townhall', townhall: progress, recordPublished });
  const { phase, choose, moved } = useConsolePhase(sessionId, auto, phases);

  // CONSOLE5: when the phase changes, focus that was in the old phase's panel would fall to the
  // page with the control that had it; it goes to the new phase's tab instead. Focus anywhere
  // else (or nowhere) is left where it is. A removed element fires no blur, so the last focus
  // event inside the panel says where focus was.
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

  // Chosen from a button in the panel ("Go to Run"): the button goes with its panel, and focus
  // goes to the new phase's tab (above), the start of what is now shown.
  const goTo = (next: ConsolePhase) => choose(next);

  const details = (
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
  );

  let content;
  if (phase === 'prepare') {
    content = (
      <>
        {details}
        {isCafe && liveCafe && liveCafe.live.phase === 'not-started' && cafe && (
          <ReadyNote rounds={cafe.rounds.length} planned={cafe.plan !== null} onGoToRun={() => goTo('run')} />
        )}
        <div className="console-grid">
          <SharePanel session={session} />
          <LiveAttendance />
        </div>
        {!isCafe && <TownhallConsole role={me.role} phase="prepare" />}
        {isCafe && <CafeSetup participants={participants} />}
        <PeopleTable participants={participants} meId={me.id} />
      </>
    );
  } else if (phase === 'run') {
    content = (
      <div className={isCafe ? 'run-layout' : 'run-layout run-layout-townhall'}>
        {isCafe && liveCafe && <RunPanel live={liveCafe.live} prompts={cafe?.prompts ?? liveCafe.live.prompts} planned={cafe ? cafe.plan !== null : undefined} onGoTo={goTo} />}
        {!isCafe && <TownhallConsole role={me.role} phase="run" />}
        {/* A Town Hall's side column is a strip above its panels: the control goes below them, where its changing "now" line moves nothing under the pointer. */}
        {!isCafe && <ProjectorControl />}
        <aside className="run-aside" aria-label={t('consolePhase.runAside')}>
          <p className="run-join-code">
            <SpokenJoinCode
              code={session.joinCode}
              named
              shown={
                <>
                  {t('console.joinCode')} <strong className="code">{formatJoinCode(session.joinCode)}</strong>
                </>
              }
            />
          </p>
          <LiveAttendance folded />
          {isCafe && <ProjectorControl compact />}
        </aside>
      </div>
    );
  } else if (phase === 'harvest') {
    content = liveCafe ? (
      <>
        <HarvestSection sessionId={sessionId} live={liveCafe.live} me={me} />
        <ProjectorControl />
        <TablesNotes sessionId={sessionId} live={liveCafe.live} />
      </>
    ) : null;
  } else {
    content = token ? (
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <RecordPanel sessionId={sessionId} token={token} canPublish />
      </Suspense>
    ) : null;
  }

  return (
    <div className={`console console-by-phase console-phase-${phase}`}>
      <h1>
        {session.title} <span className="muted heading-sub">— {t('console.heading')}</span>
      </h1>
      <PhaseTabs phases={phases} phase={phase} auto={auto} onChoose={choose} />
      {/* CONSOLE5: said politely when the console follows the session on its own. */}
      <p className="visually-hidden" role="status" data-testid="phase-announcement">
        {moved ? t('consolePhase.moved', { phase: t(`consolePhase.${moved}`) }) : ''}
      </p>
      <div
        role="tabpanel"
        id={PHASE_PANEL_ID}
        aria-labelledby={phaseTabId(phase)}
        className="console-phase-panel"
        onFocus={() => (focusInPanel.current = true)}
        onBlur={() => (focusInPanel.current = false)}
      >
        {content}
      </div>
    </div>
  );
}

/** Before the café starts: what is still missing, or that it is ready, with the way to Run. */
function ReadyNote({ rounds, planned, onGoToRun }: { rounds: number; planned: boolean; onGoToRun: () => void }) {
  const { t } = useTranslation();
  const ready = rounds > 0 && planned;
  return (
    <div className={`ready-note${ready ? ' ready-note-ready' : ''}`} data-testid="ready-note">
      <p>{ready ? t('consolePhase.ready') : t(rounds === 0 ? 'consolePhase.missingRounds' : 'consolePhase.missingPlan')}</p>
      {ready && (
        <button type="button" onClick={onGoToRun}>
          {t('consolePhase.goToRun')}
        </button>
      )}
    </div>
  );
}
