import { ATTRIBUTIONS, LANGUAGES, LIMITS, SESSION_FORMATS, type Attribution, type Language, type SessionFormat } from '@open-talks/shared';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { FormError } from '../components/FormError';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { JoinCodeForm } from '../components/JoinCodeForm';
import { currentLanguage } from '../i18n';
import { api, RequestError } from '../net/api';
import { listCredentials, saveCredential } from '../state/credentials';
import { CreateSeries } from '../series/core/CreateSeries';
import { listSeriesCredentials } from '../series/credentials';

export function Home() {
  const { t } = useTranslation();
  useDocumentTitle(t('title.home'));
  const mine = listCredentials();
  const series = listSeriesCredentials();
  return (
    <div className="home">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <div className="columns">
        <JoinByCode />
        <CreateSession />
      </div>
      {mine.length > 0 && (
        <section aria-labelledby="mine-heading" className="card">
          <h2 id="mine-heading">{t('home.yourSessions')}</h2>
          <ul className="plain-list">
            {mine.map((c) => (
              <li key={c.sessionId}>
                <Link href={c.facilitator ? `/s/${c.sessionId}/console` : `/s/${c.sessionId}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {/* Issue 16: a series of sessions and its information document (docs/series.md). */}
      <CreateSeries />
      {series.length > 0 && (
        <section aria-labelledby="my-series-heading" className="card">
          <h2 id="my-series-heading">{t('seriesCore.home.yourSeries')}</h2>
          <ul className="plain-list">
            {series.map((c) => (
              <li key={c.seriesId}>
                <Link href={`/series/${c.seriesId}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function JoinByCode() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="join-heading" className="card">
      <h2 id="join-heading">{t('home.joinHeading')}</h2>
      <JoinCodeForm idPrefix="home" />
    </section>
  );
}

function CreateSession() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [format, setFormat] = useState<SessionFormat>('cafe');
  const [languages, setLanguages] = useState<Language[]>([currentLanguage()]);
  const [attribution, setAttribution] = useState<Attribution>('named');
  const [observerNotes, setObserverNotes] = useState(true);
  const [name, setName] = useState('');
  const [operatorKey, setOperatorKey] = useState('');
  const [needsKey, setNeedsKey] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError>();
  const [titleMissing, setTitleMissing] = useState(false);

  useEffect(() => {
    api.health().then(
      (h) => setNeedsKey(h.createRequiresKey),
      () => undefined,
    );
  }, []);

  const toggleLanguage = (language: Language, on: boolean) =>
    setLanguages((list) => (on ? LANGUAGES.filter((l) => l === language || list.includes(l)) : list.filter((l) => l !== language)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return setTitleMissing(true);
    if (languages.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.createSession(
        { title: title.trim(), format, languages, attribution, observerNotes, language: currentLanguage(), ...(name.trim() && { facilitatorName: name.trim() }) },
        needsKey ? operatorKey : undefined,
      );
      saveCredential({
        sessionId: created.session.id,
        joinCode: created.session.joinCode,
        title: created.session.title,
        token: created.facilitatorToken,
        projectorKey: created.projectorKey,
        facilitator: true,
        // CONS53: a consultation's console lists the cafés and Town Halls this browser runs, to carry them in.
        format: created.session.format,
      });
      navigate(`/s/${created.session.id}/console`);
    } catch (e) {
      setError(e as RequestError);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-heading" className="card">
      <h2 id="create-heading">{t('home.createHeading')}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor="create-title">{t('home.titleLabel')}</label>
        <input
          id="create-title"
          required
          maxLength={LIMITS.titleLength}
          value={title}
          aria-invalid={titleMissing}
          aria-describedby="create-title-error"
          onChange={(e) => {
            setTitle(e.target.value);
            setTitleMissing(false);
          }}
        />
        <p id="create-title-error" className="form-error" role="alert">
          {titleMissing ? t('errors.required') : ''}
        </p>

        <fieldset>
          <legend>{t('home.formatLabel')}</legend>
          {SESSION_FORMATS.map((f) => (
            <label key={f} className="choice">
              <input
                type="radio"
                name="format"
                value={f}
                checked={format === f}
                aria-describedby={f === 'consultation' ? 'create-consultation-hint' : undefined}
                onChange={() => setFormat(f)}
              />
              {t(`words.format.${f}`)}
            </label>
          ))}
          {/* CONS50: what the third format is, in one line, next to it. */}
          <p id="create-consultation-hint" className="hint">
            {t('home.consultation.explain')}
          </p>
        </fieldset>

        <fieldset aria-describedby="create-languages-error">
          <legend>{t('home.languagesLabel')}</legend>
          <div className="choice-grid">
            {LANGUAGES.map((l) => (
              <label key={l} className="choice" lang={l}>
                <input type="checkbox" checked={languages.includes(l)} onChange={(e) => toggleLanguage(l, e.target.checked)} />
                {t(`words.languageName.${l}`)}
              </label>
            ))}
          </div>
          <p id="create-languages-error" className="form-error" role="alert">
            {languages.length === 0 ? t('errors.chooseLanguage') : ''}
          </p>
        </fieldset>

        <fieldset>
          <legend>{t('home.attributionLabel')}</legend>
          {ATTRIBUTIONS.map((a) => (
            <label key={a} className="choice">
              <input type="radio" name="attribution" value={a} checked={attribution === a} onChange={() => setAttribution(a)} />
              {t(`words.attribution.${a}`)}
            </label>
          ))}
        </fieldset>

        {format === 'cafe' && (
          <label className="choice">
            <input type="checkbox" checked={observerNotes} onChange={(e) => setObserverNotes(e.target.checked)} />
            {t('observers.notesSetting')}
          </label>
        )}

        <label htmlFor="create-name">{t('home.facilitatorNameLabel')}</label>
        <input id="create-name" autoComplete="name" maxLength={LIMITS.displayNameLength} value={name} onChange={(e) => setName(e.target.value)} />

        {needsKey && (
          <>
            <label htmlFor="create-key">{t('home.operatorKeyLabel')}</label>
            <input id="create-key" type="password" required value={operatorKey} aria-describedby="create-key-hint" onChange={(e) => setOperatorKey(e.target.value)} />
            <p id="create-key-hint" className="hint">
              {t('home.operatorKeyHint')}
            </p>
          </>
        )}

        <FormError error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('home.creating') : t('home.createButton')}
        </button>
      </form>
    </section>
  );
}
