import { formatJoinCode } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../../components/QrCode';

/** "Vote at ‹host›/join with the code ‹code›", with the join QR code (PROJ8). */
export function VoteAt({ joinCode, label }: { joinCode: string; label: 'vote' | 'join' }) {
  const { t } = useTranslation();
  return (
    <div className="pj-vote-at">
      <div className="pj-vote-text">
        <p className="pj-label">{t(label === 'vote' ? 'projector.voteAt' : 'projector.joinAt')}</p>
        <p className="pj-url">
          <bdi dir="ltr">{`${location.host}/join`}</bdi>
        </p>
        <p className="pj-label">{t('projector.withCode')}</p>
        <p className="pj-code" data-testid="projector-code">
          <bdi dir="ltr">{formatJoinCode(joinCode)}</bdi>
        </p>
      </div>
      <div className="pj-qr">
        <p className="pj-label">{t(label === 'vote' ? 'projector.scanToVote' : 'projector.scan')}</p>
        <QrCode link={`${location.origin}/join/${joinCode}`} size={260} />
      </div>
    </div>
  );
}
