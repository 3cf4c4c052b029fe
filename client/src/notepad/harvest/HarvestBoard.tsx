import { groupHarvest, HARVEST_LIMITS, notepadRoomName, type CafeRound, type HarvestIdea } from '@open-talks/shared';
import type { TableSummary } from '@open-talks/shared/protocol';
import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tableName } from '../../components/cafe/table-name';
import { NotepadStatusLine } from '../NotepadStatusLine';
import { useNotepad } from '../useNotepad';
import { createTheme, deleteEmptyTheme, mergeTheme, placeIdea, renameTheme, type HarvestActionResult } from './actions';
import { ThemeColumn, type ThemeEditing } from './ThemeColumn';
import { useHarvest } from './useHarvest';

export interface HarvestBoardProps {
  sessionId: string;
  token: string;
  /** The facilitator and rapporteurs write (NOTE4); the server decides, this only shapes the screen. */
  canWrite: boolean;
  userName: string;
  userColor: string;
  /** The café's rounds and tables, live, for the questions and table names. */
  rounds: readonly CafeRound[];
  tables: readonly TableSummary[];
  /** More controls for this place (the console's projector switch), shown under the hint. */
  tools?: ReactNode;
}

/**
 * The harvest board (HARV5): every table's key ideas, live, in themes (and not yet themed), each
 * under its round's question. Writers create, rename, merge and delete themes and move ideas with
 * forms and buttons (keyboard and screen reader alike); everyone else reads. A lazy chunk.
 */
export default function HarvestBoard({ sessionId, token, canWrite, userName, userColor, rounds, tables, tools }: HarvestBoardProps) {
  const { t } = useTranslation();
  const { connection, state } = useNotepad(notepadRoomName({ kind: 'harvest', sessionId }), token, { name: userName, color: userColor });
  const doc = connection?.doc;
  const harvest = useHarvest(doc);
  const [markedOnly, setMarkedOnly] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const messageRef = useRef<HTMLParagraphElement>(null);
  const id = useId();
  const writable = canWrite && !state.serverReadOnly && state.closed === null;

  const tableOrder = useMemo(() => tables.map((table) => table.id), [tables]);
  const shown = markedOnly ? harvest.ideas.filter((idea) => idea.marked) : harvest.ideas;
  const grouping = groupHarvest(shown, harvest.themes, harvest.placement, tableOrder);
  const tableLabel = (tableId: string | null) => {
    const table = tables.find((x) => x.id === tableId);
    return table ? tableName(t, table) : t('harvest.unknownTable');
  };
  const themeName = (themeId: string | null) => harvest.themes.find((theme) => theme.id === themeId)?.name ?? t('harvest.unthemed');

  function report(result: HarvestActionResult, done: string) {
    // A refusal is an alert, told apart from what was done; the same words again are still read out.
    setMessage(result.ok ? done : '');
    setError(result.ok ? '' : t(`harvest.error.${result.reason}`));
  }
  /** A merged or deleted theme takes its controls with it: the keyboard lands on what happened. */
  const focusMessage = () => requestAnimationFrame(() => messageRef.current?.focus());

  const selectId = (idea: HarvestIdea) => `${id}-move-${idea.key}`;
  const editingFor = (themeId: string | null): ThemeEditing | undefined =>
    writable && doc
      ? {
          themes: harvest.themes,
          rename: (name) => themeId && report(renameTheme(doc, themeId, name), t('harvest.renamed', { name: name.trim() })),
          mergeInto: (into) => {
            const [from, to] = [themeName(themeId), themeName(into)];
            if (themeId) report(mergeTheme(doc, themeId, into), t('harvest.merged', { from, to }));
            focusMessage();
          },
          remove: () => {
            const name = themeName(themeId);
            if (themeId) report(deleteEmptyTheme(doc, themeId, new Set(harvest.ideas.map((idea) => idea.key))), t('harvest.deleted', { name }));
            focusMessage();
          },
          moveIdea: (idea, to) => {
            report(placeIdea(doc, idea.key, to), t('harvest.moved', { theme: themeName(to) }));
            // Keep the keyboard on the idea: its move control, now in the other column.
            requestAnimationFrame(() => document.getElementById(selectId(idea))?.focus());
          },
          selectId,
        }
      : undefined;

  const unthemedEditing = editingFor(null);
  return (
    <section className="card harvest-board" aria-labelledby={`${id}-heading`} data-testid="harvest-board">
      <h2 id={`${id}-heading`}>{t('harvest.heading')}</h2>
      <p className="hint">{writable ? t('harvest.hintWriter') : t('harvest.hintReader')}</p>
      {tools}
      <NotepadStatusLine state={state} onReconnect={() => connection?.reconnect()} connectedText={t('harvest.connected')} />
      {writable && doc && <NewThemeForm onCreate={(name) => report(createTheme(doc, name), t('harvest.created', { name: name.trim() }))} />}
      <div className="button-row">
        <label className="choice">
          <input type="checkbox" checked={markedOnly} onChange={(e) => setMarkedOnly(e.target.checked)} />
          {t('harvest.markedOnly')}
        </label>
        <span className="muted">{t('harvest.summary', { ideas: harvest.ideas.length, marked: harvest.ideas.filter((i) => i.marked).length, themes: harvest.themes.length })}</span>
      </div>
      <p role="status" className="muted harvest-message" ref={messageRef} tabIndex={-1}>
        {message}
      </p>
      <p role="alert" className="form-error">
        {error}
      </p>
      {harvest.ideas.length === 0 && <p className="muted">{t('harvest.empty')}</p>}
      <div className="harvest-columns">
        <ThemeColumn theme={null} ideas={grouping.unthemed} rounds={rounds} tableLabel={tableLabel} {...(unthemedEditing && { editing: unthemedEditing })} />
        {grouping.themes.map((theme) => {
          const editing = editingFor(theme.id);
          return <ThemeColumn key={theme.id} theme={theme} ideas={theme.ideas} rounds={rounds} tableLabel={tableLabel} {...(editing && { editing })} />;
        })}
      </div>
    </section>
  );
}

function NewThemeForm({ onCreate }: { onCreate: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const id = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    onCreate(name);
    setName('');
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={id}>{t('harvest.newTheme')}</label>
      <input id={id} value={name} maxLength={HARVEST_LIMITS.themeNameLength} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={!name.trim()}>
        {t('harvest.create')}
      </button>
    </form>
  );
}
