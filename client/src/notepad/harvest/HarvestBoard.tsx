import { groupHarvest, HARVEST_LIMITS, notepadRoomName, type CafeRound } from '@open-talks/shared';
import type { TableSummary } from '@open-talks/shared/protocol';
import { useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { tableName } from '../../components/cafe/table-name';
import { NotepadStatusLine } from '../NotepadStatusLine';
import { useNotepad } from '../useNotepad';
import { createTheme, deleteEmptyTheme, mergeTheme, moveIdea, renameTheme, type HarvestActionResult } from './actions';
import { shortText } from './BoardCard';
import { SortableBoard, type BoardActions } from './SortableBoard';
import { ThemeColumn } from './ThemeColumn';
import { readHarvestDoc, useHarvest } from './useHarvest';
import { useRemoteMoves } from './useRemoteMoves';
import { ThemeSuggestions } from './suggestions/ThemeSuggestions';

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
 * The harvest board (HARV5, BOARD1–BOARD10): every table's key ideas, live, in themes (and not yet
 * themed). Writers get a real board: cards dragged between themes and within one (pointer, finger
 * or keyboard, announced), a menu on every card and theme with the same actions, a "new theme"
 * drop target, and others' moves live and announced; everyone else reads the columns under their
 * rounds' questions. A lazy chunk, with dnd-kit in it.
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
  const grouping = useMemo(() => groupHarvest(shown, harvest.themes, harvest.placement, tableOrder, harvest.order), [shown, harvest, tableOrder]);
  const tableLabel = (tableId: string | null) => {
    const table = tables.find((x) => x.id === tableId);
    return table ? tableName(t, table) : t('harvest.unknownTable');
  };
  const themeName = (themeId: string | null) => harvest.themes.find((theme) => theme.id === themeId)?.name ?? t('harvest.unthemed');

  // BOARD8: others' moves, said politely, without their names.
  const remote = useRemoteMoves(doc, state.status === 'connected', ({ keys, themes }) => {
    const moved = keys.flatMap((key) => harvest.ideas.find((idea) => idea.key === key) ?? []);
    if (moved.length === 0) return themes ? t('board.remoteThemes') : '';
    if (moved.length > 1) return t('board.remoteMany', { number: moved.length });
    const idea = moved[0]!;
    const now = readHarvestDoc(doc!);
    const themeId = now.placement.get(idea.key) ?? null;
    return t('board.remoteMoved', { text: shortText(idea.text), column: now.themes.find((theme) => theme.id === themeId)?.name ?? t('harvest.unthemed') });
  });

  function report(result: HarvestActionResult, done: string) {
    // A refusal is an alert, told apart from what was done; the same words again are still read out.
    setMessage(result.ok ? done : '');
    setError(result.ok ? '' : t(`harvest.error.${result.reason}`));
  }
  /** A merged or deleted theme takes its controls with it: the keyboard lands on what happened. */
  const focusMessage = () => requestAnimationFrame(() => messageRef.current?.focus());

  const actions: BoardActions | null =
    writable && doc
      ? {
          move: (key, to, before) => {
            const column = themeName(to);
            const result = moveIdea(doc, key, to, before, tableOrder);
            const list = readHarvestDoc(doc);
            const keys = groupHarvest(list.ideas, list.themes, list.placement, tableOrder, list.order);
            const inColumn = (to === null ? keys.unthemed : (keys.themes.find((theme) => theme.id === to)?.ideas ?? [])).map((idea) => idea.key);
            report(result, t('board.movedTo', { column, position: inColumn.indexOf(key) + 1, total: inColumn.length }));
          },
          newThemeFrom: (key) => {
            const idea = harvest.ideas.find((x) => x.key === key);
            if (!idea) return;
            const name = shortText(idea.text);
            const created = createTheme(doc, name);
            if (created.ok && created.themeId) moveIdea(doc, key, created.themeId, null, tableOrder);
            report(created, t('board.themeFromCard', { name }));
          },
          rename: (themeId, name) => {
            report(renameTheme(doc, themeId, name), t('harvest.renamed', { name: name.trim() }));
            focusMessage();
          },
          merge: (from, into) => {
            const [fromName, toName] = [themeName(from), themeName(into)];
            report(mergeTheme(doc, from, into, tableOrder), t('harvest.merged', { from: fromName, to: toName }));
            focusMessage();
          },
          remove: (themeId) => {
            const name = themeName(themeId);
            report(deleteEmptyTheme(doc, themeId, new Set(harvest.ideas.map((idea) => idea.key))), t('harvest.deleted', { name }));
            focusMessage();
          },
        }
      : null;

  const questions = rounds.filter((round) => harvest.ideas.some((idea) => idea.round === round.number) && round.question);
  return (
    <>
      <section className="card harvest-board" aria-labelledby={`${id}-heading`} data-testid="harvest-board">
        <h2 id={`${id}-heading`}>{t('harvest.heading')}</h2>
        <p className="hint">{actions ? t('board.hintWriter') : t('harvest.hintReader')}</p>
        {tools}
        <NotepadStatusLine state={state} onReconnect={() => connection?.reconnect()} connectedText={t('harvest.connected')} />
        {actions && doc && <NewThemeForm onCreate={(name) => report(createTheme(doc, name), t('harvest.created', { name: name.trim() }))} />}
        <div className="button-row">
          <label className="choice">
            <input type="checkbox" checked={markedOnly} onChange={(e) => setMarkedOnly(e.target.checked)} />
            {t('harvest.markedOnly')}
          </label>
          <span className="muted">
            {t('harvest.summary', { ideas: harvest.ideas.length, marked: harvest.ideas.filter((i) => i.marked).length, themes: harvest.themes.length })}
          </span>
        </div>
        <p role="status" className="muted harvest-message" ref={messageRef} tabIndex={-1}>
          {message}
        </p>
        <p role="alert" className="form-error">
          {error}
        </p>
        <p aria-live="polite" className="muted board-live" data-testid="board-live">
          {remote}
        </p>
        {harvest.ideas.length === 0 && <p className="muted">{t('harvest.empty')}</p>}
        {actions ? (
          <>
            {questions.length > 0 && (
              <ul className="board-questions" aria-label={t('board.questions')}>
                {questions.map((round) => (
                  <li key={round.number}>
                    {t('run.question', { round: round.number })}: <bdi>{round.question}</bdi>
                  </li>
                ))}
              </ul>
            )}
            <SortableBoard boardId={id} unthemed={grouping.unthemed} themes={grouping.themes} tableLabel={tableLabel} actions={actions} />
          </>
        ) : (
          <div className="harvest-columns">
            <ThemeColumn theme={null} ideas={grouping.unthemed} rounds={rounds} tableLabel={tableLabel} />
            {grouping.themes.map((theme) => (
              <ThemeColumn key={theme.id} theme={theme} ideas={theme.ideas} rounds={rounds} tableLabel={tableLabel} />
            ))}
          </div>
        )}
      </section>
      {/* Its own card after the board, so its proposals are never taken for the board's themes. */}
      {actions && doc && <ThemeSuggestions sessionId={sessionId} doc={doc} ideas={harvest.ideas} themes={harvest.themes} placement={harvest.placement} />}
    </>
  );
}

function NewThemeForm({ onCreate }: { onCreate: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const id = useId();
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    onCreate(name);
    setName('');
    // The emptied form's button is disabled: pressed from the keyboard, it would drop focus on
    // <body> (and Shift+Tab would then start from the top of the page). Focus goes back to the
    // field, ready for the next theme, as after asking a question (QA14, A11Y34).
    field.current?.focus();
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={id}>{t('harvest.newTheme')}</label>
      <input ref={field} id={id} value={name} maxLength={HARVEST_LIMITS.themeNameLength} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={!name.trim()}>
        {t('harvest.create')}
      </button>
    </form>
  );
}
