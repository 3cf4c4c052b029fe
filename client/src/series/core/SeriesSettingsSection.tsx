// SER21, SER31: the series' settings; the organiser may change them.
import type { Series } from '@open-talks/shared/series';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestError } from '../../net/api';
import { seriesApi } from './series-api';
import { SeriesError } from './SeriesError';
import { SeriesFields, type SeriesFieldValues } from './SeriesFields';

interface Props {
  seriesId: string;
  token: string;
  series: Series;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}

export function SeriesSettingsSection({ seriesId, token, series, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const close = (didSave: boolean) => {
    returnFocus.current = true;
    setEditing(false);
    setSaved(didSave);
  };
  // The form is gone (its button had focus): focus goes back to the button that opened it, once rendered.
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);
  return (
    <section aria-labelledby="series-settings-heading" className="card">
      <h2 id="series-settings-heading">{t('seriesCore.settings.heading')}</h2>
      {editing ? (
        <EditForm seriesId={seriesId} token={token} series={series} onDone={async (didSave) => (didSave ? onChanged().then(() => close(true)) : close(false))} />
      ) : (
        <>
          <dl className="series-facts">
            <dt>{t('seriesCore.fields.topic')}</dt>
            <dd dir="auto" className="series-pre-line">
              {series.topic || <span className="muted">{t('seriesCore.settings.noTopic')}</span>}
            </dd>
            <dt>{t('seriesCore.fields.languages')}</dt>
            <dd>{series.languages.map((l) => t(`words.languageName.${l}`)).join(t('seriesWords.separator'))}</dd>
            <dt>{t('seriesCore.fields.originalLanguage')}</dt>
            <dd>{t(`words.languageName.${series.originalLanguage}`)}</dd>
            <dt>{t('seriesCore.fields.attribution')}</dt>
            <dd>{t(`words.attribution.${series.attribution}`)}</dd>
          </dl>
          {canEdit && (
            <button type="button" ref={editButton} onClick={() => (setSaved(false), setEditing(true))}>
              {t('seriesCore.settings.edit')}
            </button>
          )}
        </>
      )}
      <p role="status">{saved ? t('seriesCore.settings.saved') : ''}</p>
    </section>
  );
}

function EditForm({ seriesId, token, series, onDone }: { seriesId: string; token: string; series: Series; onDone: (saved: boolean) => Promise<void> }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SeriesFieldValues>(series);
  const [error, setError] = useState<RequestError>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.title.trim() || values.languages.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const { title, topic, languages, attribution, originalLanguage } = values;
      await seriesApi.update(seriesId, token, { title: title.trim(), topic, languages, attribution, originalLanguage });
      await onDone(true);
    } catch (e) {
      setError(e as RequestError);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      <SeriesFields idPrefix="series-edit" values={values} onChange={setValues} titleMissing={!values.title.trim()} />
      <SeriesError error={error} />
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('seriesCore.settings.save')}
        </button>
        <button type="button" className="secondary" onClick={() => void onDone(false)}>
          {t('seriesCore.settings.cancel')}
        </button>
      </div>
    </form>
  );
}
