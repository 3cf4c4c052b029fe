import type { CafePublicView, ParticipantView } from '@open-talks/shared/protocol';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { command } from '../../../net/realtime';
import { getCredential } from '../../../state/credentials';
import { canWriteHarvest } from '../../../notepad/harvest/access';
import { Message } from './Message';

// Yjs and the board load with the console's café part only, never with the participant page.
const HarvestBoard = lazy(() => import('../../../notepad/harvest/HarvestBoard'));

const USER_COLOR = '#1f6feb';

/** The harvest in the console: the board, and the switch that puts it on the projector (HARV6). */
export function HarvestSection({ sessionId, live, me }: { sessionId: string; live: CafePublicView; me: ParticipantView }) {
  const { t } = useTranslation();
  const token = getCredential(sessionId)?.token;
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);

  async function toggleProjector() {
    const show = !live.harvestShown;
    setBusy(true);
    const ack = await command('cafe:show-harvest', { show });
    setBusy(false);
    setMessage(ack.ok ? { text: t(ack.shown ? 'harvest.onProjector' : 'harvest.offProjector'), error: false } : { text: t(`errors.${ack.error.code}`), error: true });
  }

  const tools = (
    <>
      <div className="button-row">
        <button type="button" className="secondary" aria-pressed={live.harvestShown} disabled={busy} onClick={() => void toggleProjector()} data-testid="harvest-projector-toggle">
          {t('harvest.showOnProjector')}
        </button>
        <Link href={`/s/${sessionId}/harvest`}>{t('harvest.openPage')}</Link>
      </div>
      <Message message={message} />
    </>
  );
  if (!token) return null;
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <HarvestBoard
        sessionId={sessionId}
        token={token}
        canWrite={canWriteHarvest(sessionId, me)}
        userName={me.displayName ?? t(`words.role.${me.role}`)}
        userColor={USER_COLOR}
        rounds={live.rounds}
        tables={live.tables}
        tools={tools}
      />
    </Suspense>
  );
}
