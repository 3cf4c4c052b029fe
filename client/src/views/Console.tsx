import { formatJoinCode } from '@open-talks/shared';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LiveAttendance } from '../components/LiveAttendance';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { TablesNotes } from '../components/cafe/TablesNotes';
import { useLiveSession } from '../hooks/useLiveSession';
import { useLive } from '../state/live-store';
import { useCafeLive, useSessionView, useViewer } from '../state/selectors';
import { CafeSetup } from './console/cafe/CafeSetup';
import { HarvestSection } from './console/cafe/HarvestSection';
import { RunPanel } from './console/cafe/RunPanel';
import { PeopleTable } from './console/PeopleTable';
import { SharePanel } from './console/SharePanel';
import { isTownhallStaff, TownhallConsole } from './console/townhall/TownhallConsole';
import { getCredential } from '../state/credentials';

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
  const liveCafe = useCafeLive();
  const townhall = useLive((s) => s.live?.townhall !== undefined);
  const refusal = useLive((s) => s.refusal);
  const me = useViewer();
  const cafe = useLive((s) => s.cafe);
  const token = getCredential(sessionId)?.token;
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
  if (!facilitator && !townhallStaff) {
    return (
      <div className="narrow">
        <h1>{t('console.notFacilitator')}</h1>
        <Link href={`/s/${sessionId}`}>{session.title}</Link>
      </div>
    );
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
      </div>
    );
  }
  return (
    <div className="console">
      <h1>
        {session.title} <span className="muted heading-sub">— {t('console.heading')}</span>
      </h1>
      <dl className="session-details" aria-label={t('console.sessionDetails')}>
        <div>
          <dt>{t('console.format')}</dt>
          <dd>{t(`words.format.${session.format}`)}</dd>
        </div>
        <div>
          <dt>{t('console.joinCode')}</dt>
          <dd className="code" data-testid="join-code">
            {formatJoinCode(session.joinCode)}
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
      {liveCafe && <RunPanel live={liveCafe.live} prompts={cafe?.prompts ?? liveCafe.live.prompts} />}
      {liveCafe && <TablesNotes sessionId={sessionId} live={liveCafe.live} />}
      {liveCafe && <HarvestSection sessionId={sessionId} live={liveCafe.live} me={me} />}
      {townhall && <TownhallConsole role={me.role} />}
      {session.format === 'cafe' && participants && <CafeSetup participants={participants} />}
      {participants && <PeopleTable participants={participants} meId={me.id} />}
      {token && (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <RecordPanel sessionId={sessionId} token={token} canPublish />
        </Suspense>
      )}
    </div>
  );
}
