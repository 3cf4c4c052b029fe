// The evidence side panel (SER4–SER6, SER75–SER77): the draft page mounts it beside the editor and
// passes `onInsert`, which puts text (a reference token "[[ref:<id>]]" or "[[stats]]") at the cursor.
// Two tabs: the series' evidence with filters (select several → "Insert reference", or "Quote"
// one), and the draft's references with their status. A live region says what was inserted and
// how many items match.
import type { Language } from '@open-talks/shared';
import type { EvidenceFacets, EvidenceFilter, EvidenceItem, SeriesReference } from '@open-talks/shared/series';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestError } from '../../net/api';
import { addReference, fetchEvidence, fetchReferences, resolveReference } from './api';
import { EvidenceEntry } from './EvidenceEntry';
import { EvidenceFilters } from './EvidenceFilters';
import { ReferencesTab } from './ReferencesTab';
import './evidence.css';

export interface EvidencePanelProps {
  seriesId: string;
  token: string;
  /** The draft's language: reference labels and the statistics are shown in it. */
  language: Language;
  onInsert: (text: string) => void;
}

type Tab = 'evidence' | 'references';
const TABS: Tab[] = ['evidence', 'references'];
const SEARCH_DELAY = 300; // ms: typing in the search waits this long before asking the server

export function EvidencePanel({ seriesId, token, language, onInsert }: EvidencePanelProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('evidence');
  const [filter, setFilter] = useState<EvidenceFilter>({});
  const [items, setItems] = useState<EvidenceItem[] | null>(null);
  // The filter the list shown was fetched with: "More" continues that list, whatever is typed since.
  const shownFilter = useRef<EvidenceFilter>({});
  // Bumped by every new first page: a "More" answer for an older list is dropped, never mixed in.
  const listGeneration = useRef(0);
  const [next, setNext] = useState<number | null>(null);
  const [matched, setMatched] = useState(0);
  const [facets, setFacets] = useState<EvidenceFacets | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [references, setReferences] = useState<SeriesReference[] | null>(null);
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const tabs = useRef<HTMLDivElement>(null);
  // The first page is not announced: only what follows a person's own filtering is (and a late first
  // answer must not talk over an announcement of their action).
  const firstPage = useRef(true);

  // A refusal the server explains by a reason key is said in the reader's language; anything else
  // (its English message included) as one translated sentence.
  // Where the error shown came from: a list that loads later clears only its own, never the
  // refusal of something the person did.
  const errorFrom = useRef<'list' | 'action'>('action');
  const fail = useCallback(
    (e: unknown, from: 'list' | 'action' = 'action') => {
      errorFrom.current = from;
      setError(e instanceof RequestError && e.reason?.startsWith('seriesEvidence.') ? t(e.reason, { defaultValue: t('seriesEvidence.failed') }) : t('seriesEvidence.failed'));
    },
    [t],
  );

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      fetchEvidence(seriesId, token, filter)
        .then((page) => {
          if (!live) return;
          shownFilter.current = filter;
          listGeneration.current++;
          setItems(page.items);
          setNext(page.next);
          setMatched(page.matched);
          setFacets(page.facets);
          if (errorFrom.current === 'list') setError('');
          if (!firstPage.current) setAnnounce(t('seriesEvidence.results', { n: page.matched }));
          firstPage.current = false;
        })
        .catch((e: unknown) => live && fail(e, 'list'));
    }, SEARCH_DELAY);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [seriesId, token, filter, t, fail]);

  const loadReferences = useCallback(() => {
    fetchReferences(seriesId, token)
      .then(setReferences)
      .catch((e: unknown) => fail(e));
  }, [seriesId, token, fail]);
  useEffect(() => {
    if (tab === 'references') loadReferences();
  }, [tab, loadReferences]);

  async function more() {
    if (next === null) return;
    const generation = listGeneration.current;
    try {
      const page = await fetchEvidence(seriesId, token, shownFilter.current, next);
      if (generation !== listGeneration.current) return;
      setItems((prev) => [...(prev ?? []), ...page.items]);
      setNext(page.next);
    } catch (e) {
      fail(e);
    }
  }

  async function insert(sources: string[], quote: boolean) {
    setBusy(true);
    try {
      const reference = await addReference(seriesId, token, sources, quote);
      onInsert(`[[ref:${reference.id}]]`);
      setSelected([]);
      setReferences((prev) => (prev ? [...prev, reference] : prev));
      setAnnounce(t(quote ? 'seriesEvidence.announce.quoted' : 'seriesEvidence.announce.inserted', { n: sources.length }));
      setError('');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function resolve(ref: SeriesReference): Promise<void> {
    setBusy(true);
    try {
      const resolved = await resolveReference(seriesId, token, ref.id);
      setReferences((prev) => prev?.map((r) => (r.id === resolved.id ? resolved : r)) ?? prev);
      setAnnounce(t('seriesEvidence.announce.resolved'));
      setError('');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  function insertStatistics() {
    onInsert('\n[[stats]]\n');
    setAnnounce(t('seriesEvidence.announce.statistics'));
  }

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = event.key === (rtl ? 'ArrowLeft' : 'ArrowRight') ? 1 : event.key === (rtl ? 'ArrowRight' : 'ArrowLeft') ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const to = TABS[(index + step + TABS.length) % TABS.length]!;
    setTab(to);
    tabs.current?.querySelector<HTMLButtonElement>(`#evidence-tab-${to}`)?.focus();
  }

  const changed = references?.filter((r) => r.status === 'changed').length ?? 0;
  return (
    <aside className="evidence-panel" aria-labelledby="evidence-panel-heading">
      <h2 id="evidence-panel-heading">{t('seriesEvidence.heading')}</h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="evidence-actions">
        <button type="button" onClick={() => void insert(selected, false)} disabled={busy || selected.length === 0}>
          {t('seriesEvidence.actions.insertReference', { n: selected.length })}
        </button>
        <button type="button" onClick={insertStatistics}>
          {t('seriesEvidence.actions.insertStatistics')}
        </button>
      </div>
      <div className="evidence-tabs" role="tablist" aria-label={t('seriesEvidence.heading')} ref={tabs}>
        {TABS.map((id, index) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`evidence-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`evidence-tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(e) => onTabKey(e, index)}
          >
            {id === 'references' && changed > 0 ? t('seriesEvidence.tabs.referencesChanged', { n: changed }) : t(`seriesEvidence.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="evidence-tabpanel-evidence" aria-labelledby="evidence-tab-evidence" hidden={tab !== 'evidence'}>
        <EvidenceFilters filter={filter} facets={facets} onChange={setFilter} />
        <p className="muted evidence-count">{items === null ? t('app.loading') : t('seriesEvidence.results', { n: matched })}</p>
        {items !== null && items.length === 0 && <p>{t('seriesEvidence.empty')}</p>}
        <ul className="evidence-list">
          {(items ?? []).map((item) => (
            <EvidenceEntry
              key={item.key}
              item={item}
              busy={busy}
              selected={selected.includes(item.key)}
              onSelect={(on) => setSelected((prev) => (on ? [...prev, item.key] : prev.filter((k) => k !== item.key)))}
              onQuote={() => void insert([item.key], true)}
            />
          ))}
        </ul>
        {next !== null && (
          <button type="button" onClick={() => void more()}>
            {t('seriesEvidence.more')}
          </button>
        )}
      </div>
      <div role="tabpanel" id="evidence-tabpanel-references" aria-labelledby="evidence-tab-references" hidden={tab !== 'references'}>
        <ReferencesTab references={references} language={language} onResolve={(r) => void resolve(r)} busy={busy} />
      </div>
    </aside>
  );
}
