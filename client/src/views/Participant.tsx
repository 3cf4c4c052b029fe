import { can } from '@open-talks/shared';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AnnounceSetting, Announcer } from '../announce/Announcer';
import { LiveAttendance } from '../components/LiveAttendance';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { TablesNotes } from '../components/cafe/TablesNotes';
import { keys, Translated } from '../components/translated';
import { useLiveSession } from '../hooks/useLiveSession';
import { prefetchTableNotepad } from '../preload';
import { getCredential } from '../state/credentials';
import { useLive } from '../state/live-store';
import { useCafeLive, useSessionView, useViewer } from '../state/selectors';
import { HubForm } from './HubForm';
import { ProfileForm } from './ProfileForm';
import { RunPanel } from './console/cafe/RunPanel';
import { CafeCard } from './participant/CafeCard';
import { TownhallView } from './participant/townhall/TownhallView';

// The consultation's page is its own chunk, fetched only for a consultation (WEB1, CONS40).
const ConsultationView = lazy(() => import('./participant/consultation/ConsultationView'));

export function Participant({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const hasToken = useLiveSession(sessionId, 'participant');
  // Slices, not `live`: a vote count or a caption re-renders only the panel that shows it.
  const session = useSessionView();
  const liveCafe = useCafeLive();
  const townhall = useLive((s) => s.live?.townhall !== undefined);
  const loaded = useLive((s) => s.live !== undefined);
  const refusal = useLive((s) => s.refusal);
  const me = useViewer();
  const cafe = useLive((s) => s.cafe);
  useDocumentTitle(null, session?.title);
  const consultation = session?.format === 'consultation';
  useEffect(() => {
    prefetchTableNotepad(sessionId); // after joining, in this tab
  }, [sessionId]);

  if (!hasToken || refusal) return <NotMember removed={refusal === 'removed'} />;
  if (!loaded || !session || !me)
    return (
      <>
        <p role="status">{t('app.loading')}</p>
        <Announcer />
      </>
    );

  return (
    <div className="participant">
      {/* Present, empty, from the first render: its first message is heard (A11Y1). */}
      <Announcer />
      {/* LANG65: a consultation's title is one of the organisers' texts, read in the participant's language. */}
      {consultation ? <Translated k={keys.consultation(sessionId, 'title')} text={session.title} as="h1" /> : <h1>{session.title}</h1>}
      <p className="muted">{t(`words.format.${session.format}`)}</p>
      {liveCafe && me.role !== 'facilitator' && can(me.role, 'cafe:run') && <RunPanel live={liveCafe.live} prompts={cafe?.prompts ?? liveCafe.live.prompts} />}
      {townhall && <TownhallView me={me} attribution={session.attribution} />}
      {consultation && (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <ConsultationView sessionId={sessionId} me={me} attribution={session.attribution} />
        </Suspense>
      )}
      {liveCafe && <CafeCard cafe={liveCafe} attribution={session.attribution} me={me} sessionId={sessionId} token={getCredential(sessionId)?.token} />}
      {liveCafe && me.role === 'observer' && <TablesNotes sessionId={sessionId} live={liveCafe.live} allowed={session.observerNotes} />}
      {liveCafe && (me.role === 'moderator' || me.role === 'rapporteur') && <TablesNotes sessionId={sessionId} live={liveCafe.live} />}
      <section className="card" aria-labelledby="welcome-heading">
        <h2 id="welcome-heading">{me.displayName ? t('session.welcome', { name: me.displayName }) : t('session.welcomeAnonymous')}</h2>
        <p data-testid="my-role">{t('session.youAre', { role: t(`words.role.${me.role}`) })}</p>
        <p>
          {t(`words.mode.${me.mode}`)} · {t(`words.group.${me.stakeholderGroup}`)}
        </p>
        {me.role === 'observer' && <p className="notice">{t('session.observerNotice')}</p>}
        {townhall && me.role !== 'facilitator' && (can(me.role, 'qa:moderate') || can(me.role, 'caption:write')) && (
          <p>
            <Link href={`/s/${sessionId}/console`}>{t('session.goToConsole')}</Link>
          </p>
        )}
        {liveCafe && liveCafe.live.phase !== 'not-started' && (
          <p>
            <Link href={`/s/${sessionId}/harvest`}>{t('harvest.open')}</Link>
          </p>
        )}
        {me.role === 'rapporteur' && (
          <p>
            <Link href={`/s/${sessionId}/rapporteur`}>{t('rapporteur.open')}</Link>
          </p>
        )}
        {can(me.role, 'content:translate') && (
          <p>
            <Link href={`/s/${sessionId}/translate`}>{t('desk.open')}</Link>
          </p>
        )}
        {me.role === 'facilitator' ? (
          <Link href={`/s/${sessionId}/console`}>{t('session.goToConsole')}</Link>
        ) : (
          !liveCafe && !townhall && !consultation && <p>{t('session.waiting')}</p>
        )}
      </section>
      {me.hub && <HubForm me={me} />}
      <ProfileForm me={me} />
      {me.role !== 'facilitator' && <AnnounceSetting />}
      <LiveAttendance folded={townhall} />
    </div>
  );
}

function NotMember({ removed }: { removed: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{removed ? t('session.removed') : t('session.notMember')}</h1>
      <Link href="/join">{t('session.joinWithCode')}</Link>
    </div>
  );
}
