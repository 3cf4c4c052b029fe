import { can, directionOf, missingLanguages, originalHash, parseContentKey, sameLanguage, type ContentVersions, type TextVersion } from '@open-talks/shared';
import type { DeskItem, DeskView } from '@open-talks/shared/protocol';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCommand } from '../hooks/useCommand';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { MemberStatus, useMember } from '../hooks/useMember';
import { command } from '../net/realtime';
import { useLive } from '../state/live-store';
import { languageLabel } from './language-label';

/** ms: a burst of changes to the session's texts becomes one new reading of the desk. */
const RELOAD_DELAY = 400;

/**
 * The translation desk (docs/languages.md "The translation desk", LANG40–LANG49): every text the
 * organisers wrote (and the contributions the server lists) with its original and, per language
 * of the session, the human version to add, correct or remove. Versions others save arrive live
 * through the session's state (SessionState.content, `content:versions`).
 */
export default function Desk({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const member = useMember(sessionId);
  useDocumentTitle(t('desk.title'), member.kind === 'ready' ? member.live.session.title : null);
  if (member.kind !== 'ready') return <MemberStatus member={member} />;
  if (!can(member.me.role, 'content:translate')) {
    return (
      <div className="narrow">
        <h1>{t('desk.notTranslator')}</h1>
        <Link href={`/s/${sessionId}`}>{member.live.session.title}</Link>
      </div>
    );
  }
  return <DeskPage sessionId={sessionId} title={member.live.session.title} />;
}

function DeskPage({ sessionId, title }: { sessionId: string; title: string }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [missingOnly, setMissingOnly] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const liveContent = useLive((s) => s.live?.content);
  const [saved, setSaved] = useState<ReadonlyMap<string, ContentVersions>>(new Map());
  // What this desk saved, then what the session says now (others' saves, live): the newest wins per key.
  const versionsByKey = useMemo(() => {
    const byKey = new Map<string, TextVersion[]>();
    for (const item of desk?.items ?? []) byKey.set(item.key, item.versions);
    for (const entry of liveContent ?? []) byKey.set(entry.key, newer(byKey.get(entry.key), entry.versions));
    for (const entry of saved.values()) byKey.set(entry.key, newer(byKey.get(entry.key), entry.versions, true));
    return byKey;
  }, [desk, liveContent, saved]);
  if (!desk) return <p role="status">{t('app.loading')}</p>;
  const items = desk.items.map((item) => withVersions(item, versionsByKey.get(item.key) ?? [], desk.languages));
  const shown = missingOnly ? items.filter((item) => item.missing.length > 0) : items;
  const missingCount = items.reduce((n, item) => n + item.missing.length, 0);
  const onSaved = (entry: ContentVersions, text: string) => {
    setSaved((before) => new Map(before).set(entry.key, entry));
    setAnnouncement(text);
  };
  return (
    <div className="desk">
      <h1>
        {title} <span className="muted heading-sub">— {t('desk.heading')}</span>
      </h1>
      <p className="hint">{t('desk.intro')}</p>
      <p>{t('desk.summary', { texts: items.length, missing: missingCount })}</p>
      <p className="inline-form">
        <label>
          <input type="checkbox" checked={missingOnly} onChange={(e) => setMissingOnly(e.target.checked)} /> {t('desk.missingOnly')}
        </label>
      </p>
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      {shown.length === 0 ? (
        <p>{items.length === 0 ? t('desk.empty') : t('desk.allDone')}</p>
      ) : (
        <ul className="plain-list">
          {shown.map((item) => (
            <li key={item.key}>
              <DeskEntry item={item} languages={desk.languages} onSaved={onSaved} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={`/s/${sessionId}`}>{t('desk.back')}</Link>
      </p>
    </div>
  );
}

/** The desk as the server lists it, read again whenever the session's texts may have changed. */
function useDesk(): DeskView | undefined {
  const [desk, setDesk] = useState<DeskView>();
  // The parts of the state where the organisers' texts live; versions come separately.
  const rounds = useLive((s) => s.live?.cafe?.live.rounds);
  const prompts = useLive((s) => s.live?.cafe?.live.prompts);
  const agenda = useLive((s) => s.live?.townhall?.agenda);
  const polls = useLive((s) => s.live?.townhall?.polls.length);
  const consultation = useLive((s) => s.live?.consultation?.consultation);
  const status = useLive((s) => s.status);
  useEffect(() => {
    if (status !== 'connected') return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void command('content:desk', {}).then((ack) => {
        if (!cancelled && ack.ok) setDesk(ack.desk);
      });
    }, RELOAD_DELAY);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [rounds, prompts, agenda, polls, consultation, status]);
  return desk;
}

/** The later of two lists of a text's versions (by their newest `at`); `mine` wins a tie. */
function newer(before: TextVersion[] | undefined, after: TextVersion[], mine = false): TextVersion[] {
  if (!before) return after;
  const latest = (list: TextVersion[]) => Math.max(0, ...list.map((v) => v.at));
  return latest(after) > latest(before) || (mine && latest(after) === latest(before)) || after.length < before.length ? after : before;
}

function withVersions(item: DeskItem, versions: TextVersion[], languages: string[]): DeskItem {
  const hash = originalHash(item.original.text);
  return {
    ...item,
    versions,
    missing: missingLanguages(item.original, versions, languages),
    outdated: versions.filter((v) => v.source === 'human' && v.originalHash !== hash).map((v) => v.language),
  };
}

function DeskEntry({ item, languages, onSaved }: { item: DeskItem; languages: string[]; onSaved: (entry: ContentVersions, text: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const targets = languages.filter((language) => !sameLanguage(item.original.language, language));
  return (
    <article className="card desk-item" aria-labelledby={headingId} data-key={item.key}>
      <h2 id={headingId}>{itemLabel(t, item.key)}</h2>
      <p className="hint">
        {t('desk.originalIn', { language: languageLabel(t, item.original.language) })}
        {item.missing.length > 0 && <> · {t('desk.missingIn', { languages: item.missing.map((l) => languageLabel(t, l)).join(', ') })}</>}
      </p>
      <blockquote lang={item.original.language} dir={directionOf(item.original.language)} className="desk-original">
        {item.original.text}
      </blockquote>
      {targets.map((language) => (
        <VersionForm key={language} item={item} language={language} onSaved={onSaved} />
      ))}
    </article>
  );
}

function VersionForm({ item, language, onSaved }: { item: DeskItem; language: string; onSaved: (entry: ContentVersions, text: string) => void }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const stateId = useId();
  const version = item.versions.find((v) => v.source === 'human' && sameLanguage(v.language, language));
  const [draft, setDraft] = useState(version?.text ?? '');
  const [editedFrom, setEditedFrom] = useState(version?.text);
  // Someone else saved a version meanwhile: show theirs unless this person has started typing.
  if (version?.text !== editedFrom) {
    if (draft === (editedFrom ?? '')) setDraft(version?.text ?? '');
    setEditedFrom(version?.text);
  }
  const { send, message, busy } = useCommand();
  const outdated = version !== undefined && item.outdated.includes(version.language);
  const languageName = languageLabel(t, language);
  const state = version === undefined ? t('desk.state.missing') : outdated ? t('desk.state.outdated') : t('desk.state.current');
  async function save() {
    const ack = await send('content:set-version', { key: item.key, language, text: draft.trim() });
    if (ack) onSaved(ack.content, t('desk.saved', { language: languageName }));
  }
  async function remove() {
    const ack = await send('content:remove-version', { key: item.key, language });
    if (ack) {
      setDraft('');
      onSaved(ack.content, t('desk.removed', { language: languageName }));
    }
  }
  return (
    <form
      className={`desk-version${outdated ? ' outdated' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim().length > 0) void save();
      }}
    >
      <label htmlFor={fieldId}>{t('desk.versionIn', { language: languageName })}</label>{' '}
      <span id={stateId} className={`desk-state ${version === undefined ? 'missing' : outdated ? 'outdated' : 'current'}`}>
        {state}
      </span>
      <textarea id={fieldId} lang={language} dir={directionOf(language)} rows={2} value={draft} aria-describedby={stateId} onChange={(e) => setDraft(e.target.value)} />
      {outdated && version && <p className="hint">{t('desk.outdatedHint')}</p>}
      <div className="actions">
        <button type="submit" aria-disabled={busy || draft.trim().length === 0}>
          {version ? t('desk.correct', { language: languageName }) : t('desk.add', { language: languageName })}
        </button>
        {version && (
          <button type="button" className="secondary" onClick={() => void remove()}>
            {t('desk.remove', { language: languageName })}
          </button>
        )}
      </div>
      {message && (
        <p className={message.error ? 'form-error' : 'hint'} role={message.error ? 'alert' : undefined}>
          {message.text}
        </p>
      )}
    </form>
  );
}

/** "Round 2", "Poll option", "Agenda item": where a text is, in the reader's language. */
function itemLabel(t: (key: string, options?: Record<string, unknown>) => string, key: string): string {
  const ref = parseContentKey(key);
  if (!ref) return key;
  if (ref.kind === 'cafe-round') return t('desk.kind.cafe-round', { number: ref.id });
  if (ref.kind === 'poll') return ref.field.startsWith('option:') ? t('desk.kind.poll-option') : t('desk.kind.poll');
  if (ref.kind === 'consultation' || ref.kind === 'consultation-question')
    return t(`desk.kind.${ref.kind}-${ref.field === 'background' || ref.field === 'text' ? 'text' : 'title'}`);
  return t(`desk.kind.${ref.kind}`);
}
