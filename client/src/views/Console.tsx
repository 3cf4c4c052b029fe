import { formatJoinCode } from '@open-talks/shared';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AttendancePanel } from '../components/AttendancePanel';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { TablesNotes } from '../components/cafe/TablesNotes';
import { useLiveSession } from '../hooks/useLiveSession';
import { selectMe, useLive } from '../state/live-store';
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
  const live = useLive((s) => s.live);
  const refusal = useLive((s) => s.refusal);
  const me = useLive(selectMe);
  const cafe = useLive((s) => s.cafe);
  const token = getCredential(sessionId)?.token;
  useDocumentTitle(t('title.console'), live?.session.title);

  if (!hasToken || refusal) {
    return (
      <div className="narrow">
        <h1>{t('session.notMember')}</h1>
        <Link href="/">{t('app.home')}</Link>
      </div>
    );
  }
  if (!live || !me) return <p role="status">{t('app.loading')}</p>;
  const facilitator = me.role === 'facilitator' && live.participants !== undefined;
  const townhallStaff = live.townhall !== undefined && isTownhallStaff(me.role);
  if (!facilitator && !townhallStaff) {
    return (
      <div className="narrow">
        <h1>{t('console.notFacilitator')}</h1>
        <Link href={`/s/${sessionId}`}>{live.session.title}</Link>
      </div>
    );
  }

  const { session } = live;
  if (!facilitator && live.townhall) {
    return (
      <div className="console">
        <h1>
          {session.title} <span className="muted heading-sub">— {t('thConsole.staffHeading', { role: t(`words.role.${me.role}`) })}</span>
        </h1>
        <p>
          <Link href={`/s/${sessionId}`}>{t('thConsole.participantView')}</Link>
        </p>
        <TownhallConsole townhall={live.townhall} role={me.role} />
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
        <AttendancePanel attendance={live.attendance} />
      </div>
      {live.cafe && <RunPanel live={live.cafe.live} prompts={cafe?.prompts ?? live.cafe.live.prompts} />}
      {live.cafe && <TablesNotes sessionId={sessionId} live={live.cafe.live} />}
      {live.cafe && <HarvestSection sessionId={sessionId} live={live.cafe.live} me={me} />}
      {live.townhall && <TownhallConsole townhall={live.townhall} role={me.role} />}
      {session.format === 'cafe' && live.participants && <CafeSetup participants={live.participants} />}
      {live.participants && <PeopleTable participants={live.participants} meId={me.id} />}
      {token && (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <RecordPanel sessionId={sessionId} token={token} canPublish />
        </Suspense>
      )}
    </div>
  );
}
