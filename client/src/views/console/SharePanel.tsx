import type { SessionView } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField';
import { FormError } from '../../components/FormError';
import { QrCode } from '../../components/QrCode';
import { SpokenJoinCode } from '../../components/SpokenJoinCode';
import { command } from '../../net/realtime';
import { MachineTranslationSetting } from './MachineTranslationSetting';
import { ObserverNotesSetting } from './ObserverNotesSetting';
import { getCredential, saveCredential } from '../../state/credentials';

/** Everything a facilitator hands out: the code, the links, the QR code, the projector. */
export function SharePanel({ session }: { session: SessionView }) {
  const { t } = useTranslation();
  const origin = location.origin;
  const joinLink = `${origin}/join/${session.joinCode}`;
  const credential = getCredential(session.id);
  const [projectorKey, setProjectorKey] = useState(credential?.projectorKey);
  const [error, setError] = useState<{ code: 'network' | 'forbidden' | 'internal' }>();
  const projectorLink = projectorKey ? `${origin}/s/${session.id}/projector#key=${projectorKey}` : undefined;

  const newProjectorKey = async () => {
    const ack = await command('projector:rotate-key', {});
    if (!ack.ok) return setError({ code: ack.error.code === 'network' ? 'network' : 'internal' });
    saveCredential({ sessionId: session.id, joinCode: session.joinCode, title: session.title, projectorKey: ack.projectorKey });
    setProjectorKey(ack.projectorKey);
  };

  return (
    <section className="card share" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('console.shareHeading')}</h2>
      <div className="share-top">
        <QrCode link={joinLink} size={180} />
        <p className="big-code">
          <SpokenJoinCode code={session.joinCode} named />
        </p>
      </div>
      <CopyField label={t('console.joinLink')} value={joinLink} />
      <CopyField label={t('console.observerLink')} value={`${joinLink}?as=observer`} />
      {session.format === 'cafe' && <ObserverNotesSetting session={session} />}
      <MachineTranslationSetting session={session} />
      {projectorLink ? (
        <>
          <CopyField label={t('console.projectorLink')} value={projectorLink} hint={t('console.projectorRenewHint')} />
          <p className="button-row">
            <a href={projectorLink} target="_blank" rel="noopener">
              {t('console.projectorOpen')}
            </a>
            <button type="button" className="secondary" onClick={() => void newProjectorKey()}>
              {t('console.projectorRenew')}
            </button>
          </p>
        </>
      ) : (
        <button type="button" onClick={() => void newProjectorKey()}>
          {t('console.projectorCreate')}
        </button>
      )}
      <FormError error={error} />
      {credential?.token && (
        <details>
          <summary>{t('console.consoleLink')}</summary>
          <CopyField label={t('console.consoleLink')} value={`${origin}/s/${session.id}/console#token=${credential.token}`} hint={t('console.consoleLinkHint')} />
        </details>
      )}
    </section>
  );
}
