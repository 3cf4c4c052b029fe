import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useLiveSession } from '../../hooks/useLiveSession';
import { getCredential } from '../../state/credentials';
import { selectMe, useLive } from '../../state/live-store';
import { canWriteHarvest } from './access';
import HarvestBoard from './HarvestBoard';

const USER_COLOR = '#0550ae';

/**
 * The harvest on its own page (/s/:id/harvest): everyone in a café session reads it, the
 * facilitator and rapporteurs sort it. Uses this browser's token; the server decides access.
 */
export default function HarvestPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const hasToken = useLiveSession(sessionId, 'participant');
  const live = useLive((s) => s.live);
  const me = useLive(selectMe);
  const token = getCredential(sessionId)?.token;
  if (!hasToken || !token) return <p className="notice">{t('session.notMember')}</p>;
  if (!live || !me) return <p role="status">{t('app.loading')}</p>;
  if (!live.cafe) {
    return (
      <div className="narrow">
        <h1>{t('harvest.notCafe')}</h1>
        <Link href={`/s/${sessionId}`}>{live.session.title}</Link>
      </div>
    );
  }
  const userName = me.displayName ?? t(`words.role.${me.role}`);
  return (
    <div className="harvest-page">
      <h1>
        {live.session.title} <span className="muted heading-sub">— {t('harvest.heading')}</span>
      </h1>
      <p>
        <Link href={`/s/${sessionId}`}>{t('harvest.back')}</Link>
      </p>
      <HarvestBoard
        sessionId={sessionId}
        token={token}
        canWrite={canWriteHarvest(sessionId, me)}
        userName={userName}
        userColor={USER_COLOR}
        rounds={live.cafe.live.rounds}
        tables={live.cafe.live.tables}
      />
    </div>
  );
}
