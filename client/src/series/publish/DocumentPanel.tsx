// The console's document section (SER7–SER9, SER91–SER94): versions, "Finalise version N" with
// its list of changes and a confirmation, refusals in words (unresolved references with their
// labels), downloads per format and language, translations to attach. Owned by the publish part;
// the series console mounts it.
import type { Language } from '@open-talks/shared';
import { DOCUMENT_EXPORT_FORMATS, type SeriesRole, type VersionSummary } from '@open-talks/shared/series';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { announceVersionsChanged } from '../request';
import { downloadVersion, publishApi, PublishError } from './api';
import './document-panel.css';

export interface DocumentPanelProps {
  seriesId: string;
  token: string;
  role: SeriesRole;
  languages: Language[];
  originalLanguage: Language;
}

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function DocumentPanel({ seriesId, token, languages, originalLanguage }: DocumentPanelProps) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [changes, setChanges] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const changesId = useId();
  // Where the keyboard goes when the confirmation closes (it would otherwise fall to <body>).
  const finaliseButton = useRef<HTMLButtonElement>(null);
  const changesField = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const language = (l: Language) => t(`words.languageName.${l}`);

  const explain = useCallback(
    (error: unknown): string => {
      if (error instanceof PublishError && error.reason?.startsWith('seriesDocument.')) {
        const key = `seriesDocument.panel.refusals.${error.reason.slice('seriesDocument.'.length)}`;
        if (i18n.exists(key)) return t(key, error.params ?? {});
      }
      return t('seriesDocument.panel.error', { message: error instanceof Error ? error.message : String(error) });
    },
    [t, i18n],
  );

  const load = useCallback(async () => {
    try {
      setVersions((await publishApi.versions(seriesId, token)).versions);
    } catch (error) {
      setNotice({ kind: 'error', text: explain(error) });
    }
  }, [seriesId, token, explain]);

  useEffect(() => {
    void load();
  }, [load]);

  const latest = versions?.[0] ?? null;
  const next = (latest?.version ?? 0) + 1;
  const needsChanges = next > 1;

  function askToFinalise(event: FormEvent) {
    event.preventDefault();
    if (needsChanges && changes.trim() === '') {
      setNotice({ kind: 'error', text: t('seriesDocument.panel.changesRequired') });
      return;
    }
    setNotice(null);
    setConfirming(true);
  }

  async function run(work: () => Promise<string>) {
    setBusy(true);
    try {
      setNotice({ kind: 'ok', text: await work() });
      await load();
    } catch (error) {
      setNotice({ kind: 'error', text: explain(error) });
    } finally {
      setBusy(false);
    }
  }

  /** Closes the confirmation and puts the keyboard back on "Finalise version N". */
  const cancel = () => {
    setConfirming(false);
    finaliseButton.current?.focus();
  };

  const onDialogKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };

  const finalise = () =>
    run(async () => {
      setConfirming(false);
      // The button is disabled while it works: the list of changes (labelled) keeps the keyboard.
      changesField.current?.focus();
      const { version } = await publishApi.finalise(seriesId, token, changes.trim());
      setChanges('');
      announceVersionsChanged(seriesId);
      return t('seriesDocument.panel.finalised', { version: version.version });
    });

  const attach = (version: number, l: Language) =>
    run(async () => {
      await publishApi.attach(seriesId, token, version, l);
      announceVersionsChanged(seriesId);
      return t('seriesDocument.panel.attached', { language: language(l), version });
    });

  const download = (version: number, format: (typeof DOCUMENT_EXPORT_FORMATS)[number], l: Language) =>
    run(async () => {
      await downloadVersion(seriesId, token, version, format, l);
      return '';
    });

  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const translationsOf = languages.filter((l) => l !== originalLanguage);

  return (
    // Mounted inside the console's "Document" section (its h2): headings start at h3.
    <div className="document-panel">
      <h3 id={headingId}>{t('seriesDocument.panel.heading')}</h3>
      <p role="status">{notice?.kind === 'ok' ? notice.text : ''}</p>
      {notice?.kind === 'error' && (
        <p className="form-error" role="alert">
          {notice.text}
        </p>
      )}

      <form onSubmit={askToFinalise}>
        <label htmlFor={changesId}>{needsChanges ? t('seriesDocument.panel.changesLabel', { previous: next - 1 }) : t('seriesDocument.panel.changes')}</label>
        <textarea
          ref={changesField}
          id={changesId}
          value={changes}
          onChange={(e) => setChanges(e.target.value)}
          aria-required={needsChanges}
          rows={3}
          dir="auto"
          maxLength={4000}
        />
        {/* Kept while confirming (not removed), so Cancel and Escape can return the keyboard to it. */}
        <button ref={finaliseButton} type="submit" disabled={busy || versions === null} aria-expanded={confirming}>
          {t('seriesDocument.panel.finalise', { version: next })}
        </button>
      </form>
      {confirming && (
        <div role="alertdialog" aria-labelledby={`${headingId}-confirm`} className="confirm" onKeyDown={onDialogKey}>
          <p id={`${headingId}-confirm`}>{t('seriesDocument.panel.confirm', { version: next, language: language(originalLanguage) })}</p>
          <button type="button" onClick={() => void finalise()} disabled={busy} autoFocus>
            {t('seriesDocument.panel.confirmYes')}
          </button>
          <button type="button" onClick={cancel}>
            {t('seriesDocument.panel.cancel')}
          </button>
        </div>
      )}

      <h4>{t('seriesDocument.panel.versions')}</h4>
      {versions !== null && versions.length === 0 && <p>{t('seriesDocument.panel.none')}</p>}
      {versions !== null && versions.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('seriesDocument.panel.version')}</th>
              <th scope="col">{t('seriesDocument.panel.finalisedAt')}</th>
              <th scope="col">{t('seriesDocument.panel.languages')}</th>
              <th scope="col">{t('seriesDocument.panel.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">{v.version}</th>
                <td>{date.format(v.finalisedAt)}</td>
                <td>{v.languages.map(language).join(', ')}</td>
                <td dir="auto">{v.changes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {versions?.map((v) => (
        <div key={v.version} className="document-version">
          <h5>{t('seriesDocument.panel.downloads', { version: v.version })}</h5>
          <ul className="document-downloads">
            {v.languages.flatMap((l) =>
              DOCUMENT_EXPORT_FORMATS.map((format) => (
                <li key={`${l}-${format}`}>
                  <button type="button" className="link-button" onClick={() => void download(v.version, format, l)} disabled={busy}>
                    {t('seriesDocument.panel.download', { format: t(`seriesDocument.panel.formats.${format}`), language: language(l) })}
                  </button>
                </li>
              )),
            )}
          </ul>
          {translationsOf.length > 0 && (
            <>
              <h5>{t('seriesDocument.panel.translations', { version: v.version })}</h5>
              <ul>
                {translationsOf.map((l) => (
                  <li key={l}>
                    {v.languages.includes(l) ? (
                      t('seriesDocument.panel.hasTranslation', { language: language(l) })
                    ) : (
                      <>
                        <button type="button" onClick={() => void attach(v.version, l)} disabled={busy}>
                          {t('seriesDocument.panel.attach', { language: language(l) })}
                        </button>{' '}
                        <a href={`/series/${encodeURIComponent(seriesId)}/draft/${l}`}>{t('seriesDocument.panel.draftLink', { language: language(l) })}</a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
      {busy && <p aria-live="polite">{t('seriesDocument.panel.working')}</p>}
    </div>
  );
}
