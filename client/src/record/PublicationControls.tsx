import { formatRecordTime } from '@open-talks/shared';
import type { PublicationView } from '@open-talks/shared/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../components/CopyField';
import { RequestError } from '../net/api';
import { recordApi } from '../net/record';
import { Message } from '../views/console/cafe/Message';

/** Publish the record at a stable public link, or take it down (REC10). Facilitator only. */
export function PublicationControls({ sessionId, token }: { sessionId: string; token: string }) {
  const { t } = useTranslation();
  const [publication, setPublication] = useState<PublicationView | null>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let gone = false;
    recordApi
      .publication(sessionId, token)
      .then(({ publication: p }) => !gone && setPublication(p))
      // Unknown is not "not published": say why, and leave the buttons off until it is known.
      .catch((e: unknown) => !gone && setError(t(`errors.${e instanceof RequestError ? e.code : 'internal'}`)));
    return () => {
      gone = true;
    };
  }, [sessionId, token, t]);

  const change = async (publish: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const { publication: p } = publish ? await recordApi.publish(sessionId, token) : await recordApi.unpublish(sessionId, token);
      setPublication(p);
    } catch (e) {
      setError(t(`errors.${e instanceof RequestError ? e.code : 'internal'}`));
    } finally {
      setBusy(false);
    }
  };

  const published = publication?.published === true;
  const link = publication ? `${location.origin}${publication.path}` : '';
  return (
    <div className="record-publication">
      <h3>{t('record.panel.publishHeading')}</h3>
      <p className="hint">{t('record.panel.publishHint')}</p>
      <p role="status" data-testid="publication-status">
        {publication === undefined
          ? t('app.loading')
          : published && publication.publishedAt !== null
            ? t('record.panel.published', { time: formatRecordTime(publication.publishedAt) })
            : t('record.panel.notPublished')}
      </p>
      {published && (
        <>
          <CopyField label={t('record.panel.link')} value={link} />
          <p>
            <a href={publication.path} target="_blank" rel="noreferrer">
              {t('record.panel.open')}
            </a>
          </p>
        </>
      )}
      <button type="button" onClick={() => void change(!published)} disabled={busy || publication === undefined}>
        {published ? t('record.panel.unpublish') : t('record.panel.publish')}
      </button>
      <Message message={error ? { text: error, error: true } : undefined} />
    </div>
  );
}
