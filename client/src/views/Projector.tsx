import { formatJoinCode } from '@open-talks/shared';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AttendancePanel } from '../components/AttendancePanel';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { LanguagePicker } from '../components/LanguagePicker';
import { QrCode } from '../components/QrCode';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLiveSession } from '../hooks/useLiveSession';
import { getCredential } from '../state/credentials';
import { useLive } from '../state/live-store';
import { CafeProjector } from './projector/CafeProjector';
import { TownhallProjector } from './projector/TownhallProjector';

// Yjs comes to the projector only when the facilitator puts the harvest on it.
const HarvestProjector = lazy(() => import('../notepad/harvest/HarvestProjector'));

/** The big screen in the room: how to join, and who is here. Read-only, no login. */
export default function Projector({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const hasKey = useLiveSession(sessionId, 'projector');
  const live = useLive((s) => s.live);
  const refusal = useLive((s) => s.refusal);
  useDocumentTitle(t('title.projector'), live?.session.title);

  if (!hasKey || refusal) {
    return (
      <main id="main" className="projector">
        <h1>{t('projector.keyMissing')}</h1>
      </main>
    );
  }
  if (!live) {
    return (
      <main id="main" className="projector">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  const joinLink = `${location.origin}/join/${live.session.joinCode}`;
  const cafe = live.cafe?.live;
  const projectorKey = getCredential(sessionId)?.projectorKey;
  // HARV6: the facilitator put the harvest on the big screen.
  if (cafe?.harvestShown && projectorKey) {
    return (
      <main id="main" className="projector">
        <ConnectionBanner />
        <LanguagePicker className="language-picker projector-language" />
        <h1>{live.session.title}</h1>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <HarvestProjector sessionId={sessionId} projectorKey={projectorKey} live={cafe} />
        </Suspense>
      </main>
    );
  }
  // Once the café is under way the room needs the round, not the join screen.
  if (cafe && cafe.phase !== 'not-started') {
    return (
      <main id="main" className="projector">
        <ConnectionBanner />
        <LanguagePicker className="language-picker projector-language" />
        <h1>{live.session.title}</h1>
        <CafeProjector live={cafe} joinCode={live.session.joinCode} />
      </main>
    );
  }
  const townhall = live.townhall;
  // A Town Hall under way (an agenda item started, or someone has the floor) needs the room view.
  if (townhall && (townhall.agenda.currentId !== null || townhall.floor !== null || townhall.projectedPollId !== null || townhall.qa.questions.some((q) => q.pinned))) {
    return (
      <main id="main" className="projector">
        <ConnectionBanner />
        <LanguagePicker className="language-picker projector-language" />
        <h1>{live.session.title}</h1>
        <TownhallProjector townhall={townhall} attribution={live.session.attribution} joinCode={live.session.joinCode} />
      </main>
    );
  }
  return (
    <main id="main" className="projector">
      <ConnectionBanner />
      <LanguagePicker className="language-picker projector-language" />
      <h1>{live.session.title}</h1>
      <div className="projector-join">
        <div>
          <p className="projector-label">{t('projector.joinAt')}</p>
          <p className="projector-url">{`${location.host}/join`}</p>
          <p className="projector-label">{t('projector.withCode')}</p>
          <p className="projector-code" data-testid="projector-code">
            {formatJoinCode(live.session.joinCode)}
          </p>
        </div>
        <div>
          <p className="projector-label">{t('projector.scan')}</p>
          <QrCode link={joinLink} size={320} />
        </div>
      </div>
      {cafe && cafe.rounds.length > 0 && (
        <p className="projector-status">
          {t('run.nextRound', { round: 1, total: cafe.rounds.length })} {cafe.rounds[0]?.question}
        </p>
      )}
      <AttendancePanel attendance={live.attendance} />
    </main>
  );
}
