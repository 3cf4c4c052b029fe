// The series' public page in its console (SER111): whether it is published, its stable link, and
// for the organiser the button that publishes it or takes it down. Rapporteurs see the state only.
import { formatRecordTime } from '@open-talks/shared';
import type { SeriesPublicationView } from '@open-talks/shared/protocol';
import type { SeriesRole } from '@open-talks/shared/series';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField';
import { RequestError } from '../../net/api';
import { Message } from '../../views/console/cafe/Message';
import { seriesRequest } from '../request';

type Answer = { publication: SeriesPublicationView };

export function PublicationPanel({ seriesId, token, role }: { seriesId: string; token: string; role: SeriesRole }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [publication, setPublication] = useState<SeriesPublicationView>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const because = (e: unknown) => t(`errors.${e instanceof RequestError ? e.code : 'internal'}`);

  useEffect(() => {
    let gone = false;
    seriesRequest<Answer>('GET', seriesId, '/publication', token)
      .then(({ publication: p }) => !gone && setPublication(p))
      // Unknown is not "not published": say why, and leave the button off until it is known.
      .catch((e: unknown) => !gone && setError(t(`errors.${e instanceof RequestError ? e.code : 'internal'}`)));
    return () => {
      gone = true;
    };
  }, [seriesId, token, t]);

  const change = async (published: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      setPublication((await seriesRequest<Answer>('POST', seriesId, '/publication', token, { published })).publication);
    } catch (e) {
      setError(because(e));
    } finally {
      setBusy(false);
    }
  };

  const published = publication?.published === true;
  return (
    <section className="series-publication card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('seriesPublic.panel.heading')}</h2>
      <p className="hint">{t('seriesPublic.panel.hint')}</p>
      <p role="status">
        {publication === undefined
          ? t('app.loading')
          : published && publication.publishedAt !== null
            ? t('seriesPublic.panel.published', { time: formatRecordTime(publication.publishedAt) })
            : t('seriesPublic.panel.notPublished')}
      </p>
      {published && (
        <>
          <CopyField label={t('seriesPublic.panel.link')} value={`${location.origin}${publication.path}`} />
          <p>
            <a href={publication.path} target="_blank" rel="noreferrer">
              {t('seriesPublic.panel.open')}
            </a>
          </p>
        </>
      )}
      {role === 'facilitator' ? (
        <button type="button" onClick={() => void change(!published)} disabled={busy || publication === undefined}>
          {published ? t('seriesPublic.panel.unpublish') : t('seriesPublic.panel.publish')}
        </button>
      ) : (
        <p className="hint">{t('seriesPublic.panel.organiserOnly')}</p>
      )}
      <Message message={error ? { text: error, error: true } : undefined} />
    </section>
  );
}
