// SER25, SER26, SER33: add one of this browser's sessions (it holds their facilitator tokens), or
// make a new one in the series; a new session's credentials are kept here, like Home does.
import { LIMITS, SESSION_FORMATS, type SessionFormat } from '@open-talks/shared';
import type { Series, SeriesSessionSummary } from '@open-talks/shared/series';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestError } from '../../net/api';
import { listCredentials, saveCredential } from '../../state/credentials';
import { seriesApi } from './series-api';
import { SeriesError } from './SeriesError';

interface Props {
  seriesId: string;
  token: string;
  series: Series;
  sessions: SeriesSessionSummary[];
  onChanged: () => Promise<void>;
}

export function AddSession({ seriesId, token, sessions, onChanged }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const done = async (title: string) => {
    await onChanged();
    setStatus(t('seriesCore.add.added', { title }));
  };
  return (
    <div className="columns">
      <AddExisting seriesId={seriesId} token={token} sessions={sessions} onAdded={done} />
      <AddNew seriesId={seriesId} token={token} onAdded={done} />
      <p role="status">{status}</p>
    </div>
  );
}

type Added = (title: string) => Promise<void>;

function AddExisting({ seriesId, token, sessions, onAdded }: { seriesId: string; token: string; sessions: SeriesSessionSummary[]; onAdded: Added }) {
  const { t } = useTranslation();
  const inSeries = new Set(sessions.map((s) => s.sessionId));
  const candidates = listCredentials().filter((c) => c.facilitator && c.token && !inSeries.has(c.sessionId));
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<RequestError>();
  const [busy, setBusy] = useState(false);
  const selected = candidates.find((c) => c.sessionId === chosen) ?? candidates[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!selected?.token) return;
    setBusy(true);
    setError(undefined);
    try {
      await seriesApi.addExisting(seriesId, token, selected.sessionId, selected.token);
      setChosen('');
      await onAdded(selected.title);
    } catch (e) {
      setError(e as RequestError);
    }
    setBusy(false);
  };

  return (
    <form onSubmit={submit} aria-labelledby="series-add-existing-heading" className="card">
      <h3 id="series-add-existing-heading">{t('seriesCore.add.existingHeading')}</h3>
      {candidates.length === 0 ? (
        <p>{t('seriesCore.add.noCandidates')}</p>
      ) : (
        <>
          <label htmlFor="series-add-existing">{t('seriesCore.add.existingLabel')}</label>
          <select id="series-add-existing" value={selected?.sessionId ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {candidates.map((c) => (
              <option key={c.sessionId} value={c.sessionId}>
                {c.format ? `${c.title} (${t(`words.format.${c.format}`)})` : c.title}
              </option>
            ))}
          </select>
          <SeriesError error={error} />
          <button type="submit" disabled={busy}>
            {t('seriesCore.add.existingButton')}
          </button>
        </>
      )}
    </form>
  );
}

function AddNew({ seriesId, token, onAdded }: { seriesId: string; token: string; onAdded: Added }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<SessionFormat>('cafe');
  const [titleMissing, setTitleMissing] = useState(false);
  const [error, setError] = useState<RequestError>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setTitleMissing(true);
    setBusy(true);
    setError(undefined);
    try {
      const { created } = await seriesApi.addNew(seriesId, token, title.trim(), format);
      // Shown once by the server: kept now, so this browser opens the new session's console.
      saveCredential({
        sessionId: created.session.id,
        joinCode: created.session.joinCode,
        title: created.session.title,
        token: created.facilitatorToken,
        projectorKey: created.projectorKey,
        facilitator: true,
        format: created.session.format,
      });
      setTitle('');
      await onAdded(created.session.title);
    } catch (e) {
      setError(e as RequestError);
    }
    setBusy(false);
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="series-add-new-heading" className="card">
      <h3 id="series-add-new-heading">{t('seriesCore.add.newHeading')}</h3>
      <label htmlFor="series-new-title">{t('seriesCore.add.newTitle')}</label>
      <input
        id="series-new-title"
        required
        maxLength={LIMITS.titleLength}
        value={title}
        aria-invalid={titleMissing}
        aria-describedby="series-new-title-error"
        onChange={(e) => (setTitle(e.target.value), setTitleMissing(false))}
      />
      <p id="series-new-title-error" className="form-error" role="alert">
        {titleMissing ? t('errors.required') : ''}
      </p>
      <fieldset>
        <legend>{t('seriesCore.add.newFormat')}</legend>
        {SESSION_FORMATS.map((f) => (
          <label key={f} className="choice">
            <input type="radio" name="series-new-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            {t(`words.format.${f}`)}
          </label>
        ))}
      </fieldset>
      <SeriesError error={error} />
      <button type="submit" disabled={busy}>
        {t('seriesCore.add.newButton')}
      </button>
    </form>
  );
}
