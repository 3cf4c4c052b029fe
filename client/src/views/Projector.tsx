import { formatJoinCode, RTL_LANGUAGES, type Language } from '@open-talks/shared';
import { chooseProjectorMode, DEFAULT_PROJECTOR_CHOICE, projectorLanguage, type ProjectorMode } from '@open-talks/shared/projector';
import type { SessionState } from '@open-talks/shared/protocol';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useLiveSession } from '../hooks/useLiveSession';
import { getCredential } from '../state/credentials';
import { useLive } from '../state/live-store';
import { CafeProjector } from './projector/CafeProjector';
import { CaptionsBar } from './projector/CaptionsBar';
import { ConsultationProjector } from './projector/ConsultationProjector';
import { projectorFacts } from './projector/facts';
import { JoinProjector } from './projector/JoinProjector';
import { PollOpenProjector } from './projector/PollOpenProjector';
import { QaProjector } from './projector/QaProjector';
import { ResultsProjector } from './projector/ResultsProjector';
import { TownhallProjector } from './projector/TownhallProjector';
import { TownhallStrip } from './projector/TownhallStrip';
import './projector/projector.css';
import './projector/projector-rooms.css';

// Yjs comes to the projector only when the harvest is on it.
const HarvestProjector = lazy(() => import('../notepad/harvest/HarvestProjector'));

/**
 * The big screen in the room (PROJ1–PROJ16): what the facilitator chose, or what the session is
 * doing (`auto`), in the language the facilitator chose. Read-only, no login, nothing to press.
 */
export default function Projector({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const hasKey = useLiveSession(sessionId, 'projector');
  const live = useLive((s) => s.live);
  const refusal = useLive((s) => s.refusal);
  useDocumentTitle(t('title.projector'), live?.session.title);
  useScreenLanguage(live ? projectorLanguage(live.session.projector ?? DEFAULT_PROJECTOR_CHOICE, live.session.languages) : undefined);

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
  const mode = chooseProjectorMode(projectorFacts(live), live.session.projector ?? DEFAULT_PROJECTOR_CHOICE);
  const captions = live.townhall?.captions ?? [];
  return (
    <main id="main" className="projector pj" data-mode={mode.kind} data-pj-theme={(live.session.projector ?? DEFAULT_PROJECTOR_CHOICE).theme}>
      <ConnectionBanner />
      <header className="pj-header">
        <h1 dir="auto">{live.session.title}</h1>
        {/* The address and code are isolated left to right (U+2066…U+2069), or Arabic reverses them to “join/host”. */}
        {mode.kind !== 'join' && mode.kind !== 'poll' && (
          <p className="projector-small-join">{t('run.stillJoin', { host: `\u2066${location.host}/join\u2069`, code: `\u2066${formatJoinCode(live.session.joinCode)}\u2069` })}</p>
        )}
      </header>
      <div className="pj-body">
        <ModeView mode={mode} live={live} sessionId={sessionId} />
      </div>
      <CaptionsBar captions={captions} />
    </main>
  );
}

function ModeView({ mode, live, sessionId }: { mode: ProjectorMode; live: SessionState; sessionId: string }): ReactNode {
  const { t } = useTranslation();
  const cafe = live.cafe?.live;
  const th = live.townhall;
  const attribution = live.session.attribution;
  const strip = th ? <TownhallStrip townhall={th} attribution={attribution} /> : null;
  switch (mode.kind) {
    case 'harvest': {
      const projectorKey = getCredential(sessionId)?.projectorKey;
      if (!cafe || !projectorKey) break;
      return (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <HarvestProjector sessionId={sessionId} projectorKey={projectorKey} live={cafe} />
        </Suspense>
      );
    }
    case 'round':
    case 'between-rounds':
      if (cafe) return <CafeProjector live={cafe} />;
      break;
    case 'poll': {
      const item = th?.polls.find((p) => p.poll.id === mode.pollId);
      if (!item) break;
      return (
        <>
          {strip}
          <PollOpenProjector poll={item.poll} joinCode={live.session.joinCode} />
        </>
      );
    }
    case 'results': {
      const item = th?.polls.find((p) => p.poll.id === mode.pollId);
      if (!item) break;
      return (
        <>
          {strip}
          <ResultsProjector poll={item.poll} results={item.results} byGroup={mode.byGroup} />
        </>
      );
    }
    case 'qa':
      if (!th) break;
      return (
        <>
          {strip}
          <QaProjector questions={th.qa.questions} />
        </>
      );
    case 'townhall':
      if (th) return <TownhallProjector townhall={th} attribution={attribution} />;
      break;
    case 'join':
      break;
  }
  if (live.session.format === 'consultation') return <ConsultationProjector live={live} />;
  return <JoinProjector live={live} />;
}

/** PROJ5: the screen speaks the chosen language (not remembered on this device: a facilitator's own tab keeps theirs). */
function useScreenLanguage(language: Language | undefined) {
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!language) return;
    // The page turns (lang, dir) once the catalog is there, so words and direction change together.
    const apply = () => {
      document.documentElement.lang = language;
      document.documentElement.dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
    };
    if (i18n.language === language) apply();
    else void i18n.changeLanguage(language).then(apply);
  }, [language, i18n]);
}
