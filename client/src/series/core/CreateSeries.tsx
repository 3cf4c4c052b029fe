// SER20, SER36: making a series from Home; the organiser's token is kept in this browser and the
// series' console opens. Small on purpose: it is in Home's chunk, the console is lazy.
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { currentLanguage } from '../../i18n';
import { RequestError } from '../../net/api';
import { saveSeriesCredential } from '../credentials';
import { seriesApi } from './series-api';
import { SeriesError } from './SeriesError';
import { SeriesFields, type SeriesFieldValues } from './SeriesFields';

export function CreateSeries() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [values, setValues] = useState<SeriesFieldValues>(() => ({
    title: '',
    topic: '',
    languages: [currentLanguage()],
    attribution: 'group',
    originalLanguage: currentLanguage(),
  }));
  const [titleMissing, setTitleMissing] = useState(false);
  const [error, setError] = useState<RequestError>();
  const [busy, setBusy] = useState(false);
  // Asked for only once the server refused without it: Home makes no extra request for it.
  const [needsKey, setNeedsKey] = useState(false);
  const [operatorKey, setOperatorKey] = useState('');
  // Closed at first: the home page stays about sessions, and its forms' labels stay unique.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) document.getElementById('create-series-title')?.focus();
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.title.trim()) return setTitleMissing(true);
    if (values.languages.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const { title, topic, languages, attribution, originalLanguage } = values;
      const created = await seriesApi.create({ title: title.trim(), topic: topic.trim(), languages, attribution, originalLanguage }, needsKey ? operatorKey : undefined);
      saveSeriesCredential({ seriesId: created.series.id, title: created.series.title, token: created.facilitatorToken, role: 'facilitator' });
      navigate(`/series/${created.series.id}`);
    } catch (e) {
      const failure = e instanceof RequestError ? e : new RequestError('internal', String(e));
      if (failure.code === 'unauthenticated') setNeedsKey(true);
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-series-heading" className="card">
      <h2 id="create-series-heading">{t('seriesCore.create.heading')}</h2>
      <p className="hint">{t('seriesCore.create.explain')}</p>
      {!open && (
        <button type="button" className="secondary" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('seriesCore.create.open')}
        </button>
      )}
      {open && (
        <form onSubmit={submit} noValidate>
          <SeriesFields idPrefix="create-series" values={values} onChange={(v) => (setValues(v), setTitleMissing(false))} titleMissing={titleMissing} />
          {needsKey && (
            <>
              <label htmlFor="create-series-key">{t('home.operatorKeyLabel')}</label>
              <input id="create-series-key" type="password" required value={operatorKey} onChange={(e) => setOperatorKey(e.target.value)} />
            </>
          )}
          <SeriesError error={error} />
          <button type="submit" disabled={busy}>
            {busy ? t('home.creating') : t('seriesCore.create.button')}
          </button>
        </form>
      )}
    </section>
  );
}
