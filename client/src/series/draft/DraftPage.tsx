// The shared draft of the series' information document (SER40–SER59): rapporteurs write plain
// text together; the structure (numbers, items, headings, references, blocks) is read from it and
// shown live beside the text and in a read-only preview. Its own lazy chunk (CodeMirror, Yjs).
import { isLanguage, RTL_LANGUAGES, type Language } from '@open-talks/shared';
import { ANNEX_LINE, DRAFT_BODY, DRAFT_TITLE, referenceIds, STATS_LINE, type Series, type SeriesRole } from '@open-talks/shared/series';
import type { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { RequestError } from '../../net/api';
import { takeFromFragment } from '../../state/credentials';
import { getSeriesCredential, saveSeriesCredential } from '../credentials';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { seriesRequest } from '../request';
import { DraftEditor } from './DraftEditor';
import { DraftPreview } from './DraftPreview';
import { DraftStatusLine } from './DraftStatusLine';
import { DraftToolbar } from './DraftToolbar';
import { insertAtCursor, insertBlock } from './edits';
import { TitleBlockForm } from './TitleBlockForm';
import { useDraft } from './useDraft';
import { useReferenceWords } from './useReferenceWords';
import './draft.css';

interface Member {
  id: string;
  role: SeriesRole;
  displayName: string | null;
}

const COLORS = ['#1f6feb', '#b35900', '#8250df', '#1a7f37', '#bf3989', '#0a7e8c'] as const;

/** A caret colour per member, stable across visits. */
function colorOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length]!;
}

export default function DraftPage({ seriesId, language }: { seriesId: string; language?: string }) {
  const { t } = useTranslation();
  // A personal link may lead straight here (`#token=`): it wins over a token kept from before,
  // and is kept once the server has accepted it, as the series console does.
  const [token] = useState(() => takeFromFragment('token') ?? getSeriesCredential(seriesId)?.token);
  const [loaded, setLoaded] = useState<{ series: Series; member: Member } | { error: string } | null>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    seriesRequest<{ series: Series; member: Member }>('GET', seriesId, '', token)
      .then((got) => {
        if (!live) return;
        saveSeriesCredential({ seriesId, title: got.series.title, token, role: got.member.role });
        setLoaded(got);
      })
      .catch((error: unknown) => live && setLoaded({ error: error instanceof RequestError ? error.code : 'network' }));
    return () => {
      live = false;
    };
  }, [seriesId, token]);

  const back = `/series/${encodeURIComponent(seriesId)}`;
  if (!token) {
    return (
      <section className="card" data-testid="draft-no-credential">
        <h1>{t('seriesDraft.heading')}</h1>
        <p className="notice">{t('seriesDraft.noCredential')}</p>
        <p>
          <Link href={back}>{t('seriesDraft.backToSeries')}</Link>
        </p>
      </section>
    );
  }
  if (!loaded) return <p role="status">{t('app.loading')}</p>;
  if ('error' in loaded) {
    return (
      <section className="card">
        <h1>{t('seriesDraft.heading')}</h1>
        <p className="notice" role="alert">
          {t(loaded.error === 'unauthenticated' || loaded.error === 'removed' || loaded.error === 'forbidden' ? 'seriesDraft.refused' : 'seriesDraft.loadFailed')}
        </p>
        <p>
          <Link href={back}>{t('seriesDraft.backToSeries')}</Link>
        </p>
      </section>
    );
  }
  const { series, member } = loaded;
  const draftLanguage: Language | null = language === undefined ? series.originalLanguage : isLanguage(language) && series.languages.includes(language) ? language : null;
  if (!draftLanguage) {
    return (
      <section className="card">
        <h1>{t('seriesDraft.heading')}</h1>
        <p className="notice" role="alert">
          {t('seriesDraft.noSuchLanguage')}
        </p>
        <p>
          <Link href={`${back}/draft`}>{t('seriesDraft.toOriginal')}</Link>
        </p>
      </section>
    );
  }
  return <Drafting key={draftLanguage} series={series} member={member} language={draftLanguage} token={token} />;
}

function Drafting({ series, member, language, token }: { series: Series; member: Member; language: Language; token: string }) {
  const { t } = useTranslation();
  const userName = member.displayName ?? t(`words.role.${member.role}`);
  const draft = useDraft(series.id, language, token, { name: userName, color: colorOf(member.id) });
  const words = useReferenceWords(series.id, token, language, referenceIds(draft.text).join(','));
  const view = useRef<EditorView | null>(null);
  const [hasView, setHasView] = useState(false);
  const onView = useCallback((made: EditorView | null) => {
    view.current = made;
    setHasView(made !== null);
  }, []);
  const onInsert = useCallback((text: string) => {
    if (!view.current) return;
    // A block token only means something on a line of its own (SER3).
    if (text.trim() === STATS_LINE || text.trim() === ANNEX_LINE) insertBlock(view.current, text.trim());
    else insertAtCursor(view.current, text);
  }, []);
  const headingId = useId();
  const helpId = useId();
  const readOnlyId = useId();
  const readOnly = draft.state.serverReadOnly || draft.state.closed !== null;
  const dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  const languageName = (l: Language) => t(`words.languageName.${l}`);

  return (
    <div className="draft-page" data-testid="draft-page">
      <header>
        <p>
          <Link href={`/series/${encodeURIComponent(series.id)}`}>{t('seriesDraft.backToSeries')}</Link>
        </p>
        <h1 id={headingId}>{t('seriesDraft.headingFor', { title: series.title })}</h1>
        <p className="muted">
          {t('seriesDraft.languageLine', { language: languageName(language) })}{' '}
          {language === series.originalLanguage ? t('seriesDraft.isOriginal') : t('seriesDraft.isTranslation', { original: languageName(series.originalLanguage) })}
        </p>
        {series.languages.length > 1 && (
          <nav aria-label={t('seriesDraft.otherLanguages')}>
            <ul className="button-row draft-languages">
              {series.languages.map((l) => (
                <li key={l}>
                  {l === language ? (
                    <span aria-current="page">{languageName(l)}</span>
                  ) : (
                    <Link href={`/series/${encodeURIComponent(series.id)}/draft/${l}`} lang={l}>
                      {languageName(l)}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <DraftStatusLine state={draft.state} onReconnect={() => draft.connection?.reconnect()} />
      {readOnly && (
        <p className="notice" id={readOnlyId}>
          {t('seriesDraft.readOnly')}
        </p>
      )}
      <div className="draft-layout">
        <div className="draft-main" dir={dir} lang={language}>
          {draft.connection && (
            <TitleBlockForm
              map={draft.connection.doc.getMap<unknown>(DRAFT_TITLE)}
              title={draft.title}
              originalLanguage={languageName(series.originalLanguage)}
              readOnly={readOnly}
            />
          )}
          <section className="card" aria-labelledby={`${headingId}-text`}>
            <h2 id={`${headingId}-text`}>{t('seriesDraft.text.heading')}</h2>
            <p className="hint" id={helpId}>
              {t('seriesDraft.text.help', { stats: STATS_LINE, annex: ANNEX_LINE })}
            </p>
            <DraftToolbar view={hasView ? view.current : null} disabled={readOnly} />
            {draft.connection && (
              <DraftEditor
                text={draft.connection.doc.getText(DRAFT_BODY)}
                awareness={draft.connection.provider.awareness}
                readOnly={readOnly}
                label={t('seriesDraft.text.label', { language: languageName(language) })}
                describedBy={readOnly ? `${helpId} ${readOnlyId}` : helpId}
                words={words}
                onView={onView}
              />
            )}
          </section>
          <DraftPreview blocks={draft.blocks} words={words} dir={dir} lang={language} />
        </div>
        <aside className="draft-evidence" aria-label={t('seriesDraft.evidence')}>
          <EvidencePanel seriesId={series.id} token={token} language={language} onInsert={onInsert} />
        </aside>
      </div>
    </div>
  );
}
