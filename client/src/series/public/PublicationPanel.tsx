// The series' public page in its console (SER111): whether it is published, its stable link, and
// for the organiser the button that publishes it or takes it down. Which version is public is the
// organiser's choice (SER112): a newer finalised version is offered as "Publish version M".
// Rapporteurs see the state only.
import { formatRecordTime } from '@open-talks/shared';
import type { SeriesPublicationView } from '@open-talks/shared/protocol';
import type { SeriesRole } from '@open-talks/shared/series';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField';
import { RequestError } from '../../net/api';
import { Message } from '../../views/console/cafe/Message';
import { seriesRequest, SERIES_VERSIONS_CHANGED } from '../request';

type Answer = { publication: SeriesPublicationView };

export function PublicationPanel({ seriesId, token, role }: { seriesId: string; token: string; role: SeriesRole }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [publication, setPublication] = useState<SeriesPublicationView>();
  const [busy, setBusy] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string>();
  const because = (e: unknown) => t(`errors.${e instanceof RequestError ? e.code : 'internal'}`);

  useEffect(() => {
    let gone = false;
    const load = () =>
      seriesRequest<Answer>('GET', seriesId, '/publication', token)
        .then(({ publication: p }) => !gone && setPublication(p))
        // Unknown is not "not published": say why, and leave the button off until it is known.
        .catch((e: unknown) => !gone && setError(t(`errors.${e instanceof RequestError ? e.code : 'internal'}`)));
    void load();
    // A version finalised in the document panel may now be offered for publishing.
    const changed = (event: Event) => (event as CustomEvent<string>).detail === seriesId && void load();
    window.addEventListener(SERIES_VERSIONS_CHANGED, changed);
    return () => {
      gone = true;
      window.removeEventListener(SERIES_VERSIONS_CHANGED, changed);
    };
  }, [seriesId, token, t]);

  const change = async (published: boolean, version?: number) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = version === undefined ? { published } : { published, version };
      setPublication((await seriesRequest<Answer>('POST', seriesId, '/publication', token, body)).publication);
      // The "Publish version M" button is gone once it is published: keep the keyboard in the panel.
      if (version !== undefined) toggle.current?.focus();
    } catch (e) {
      setError(because(e));
    } finally {
      setBusy(false);
    }
  };

  const published = publication?.published === true;
  const shown = publication?.publishedVersion ?? null;
  const newer = publication && publication.latestVersion > (shown ?? 0) ? publication.latestVersion : null;
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
      {published && <p>{shown === null ? t('seriesPublic.panel.noVersion') : t('seriesPublic.panel.shows', { version: shown })}</p>}
      {published && newer !== null && <p>{t('seriesPublic.panel.newer', { version: newer })}</p>}
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
        <p className="series-publication-actions">
          {published && newer !== null && (
            <button type="button" onClick={() => void change(true, newer)} disabled={busy}>
              {t('seriesPublic.panel.publishVersion', { version: newer })}
            </button>
          )}{' '}
          <button ref={toggle} type="button" onClick={() => void change(!published)} disabled={busy || publication === undefined}>
            {published ? t('seriesPublic.panel.unpublish') : t('seriesPublic.panel.publish')}
          </button>
        </p>
      ) : (
        <p className="hint">{t('seriesPublic.panel.organiserOnly')}</p>
      )}
      <Message message={error ? { text: error, error: true } : undefined} />
    </section>
  );
}
