import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { canWriteHarvest } from './access';
import HarvestBoard from './HarvestBoard';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { MemberStatus, useMember } from '../../hooks/useMember';
import { presenceName } from '../presence-name';

const USER_COLOR = '#0550ae';

/**
 * The harvest on its own page (/s/:id/harvest): everyone in a café session reads it, the
 * facilitator and rapporteurs sort it. Uses this browser's token; the server decides access.
 */
export default function HarvestPage({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const member = useMember(sessionId);
  useDocumentTitle(t('title.harvest'), member.kind === 'ready' ? member.live.session.title : null);
  if (member.kind !== 'ready') return <MemberStatus member={member} />;
  const { live, me, token } = member;
  if (!live.cafe) {
    return (
      <div className="narrow">
        <h1>{t('harvest.notCafe')}</h1>
        <Link href={`/s/${sessionId}`}>{live.session.title}</Link>
      </div>
    );
  }
  const userName = presenceName(t, live.session.attribution, me);
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
