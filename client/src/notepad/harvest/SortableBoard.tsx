import type { HarvestIdea, HarvestThemeWithIdeas } from '@open-talks/shared';
import {
  closestCenter,
  DndContext,
  DragOverlay,
  getFirstCollision,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Over,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardCard, cardHandleId, cardMenuId } from './BoardCard';
import { BoardColumn, columnDropId, NEW_THEME_DROP_ID, NewThemeTarget } from './BoardColumn';
import type { MenuEntry } from './MenuButton';
import './board.css';

/** What the writers' board does; HarvestBoard adapts these to the document (actions.ts). */
export interface BoardActions {
  move(key: string, themeId: string | null, beforeKey: string | null): void;
  newThemeFrom(key: string): void;
  rename(themeId: string, name: string): void;
  merge(fromId: string, intoId: string): void;
  remove(themeId: string): void;
}

export interface SortableBoardProps {
  boardId: string;
  /** The columns as the board shows them (the marked-only filter applied), themes in board order. */
  unthemed: readonly HarvestIdea[];
  themes: readonly HarvestThemeWithIdeas[];
  tableLabel: (tableId: string | null) => string;
  actions: BoardActions;
}

interface Column {
  themeId: string | null;
  keys: string[];
}

/** Where the card being dragged is now shown: laid over the live columns, so others' moves still show (BOARD7). */
interface Drag {
  key: string;
  themeId: string | null;
  before: string | null;
  keyboard: boolean;
}

const parseColumn = (id: UniqueIdentifier): string | null | undefined => {
  const text = String(id);
  if (!text.startsWith('column:')) return undefined;
  return text.slice('column:'.length) || null;
};

function withDrag(base: Column[], drag: Drag | null): Column[] {
  if (!drag || !base.some((column) => column.keys.includes(drag.key))) return base;
  if (!base.some((column) => column.themeId === drag.themeId)) return base;
  return base.map((column) => {
    const keys = column.keys.filter((key) => key !== drag.key);
    if (column.themeId !== drag.themeId) return { ...column, keys };
    const at = drag.before === null ? -1 : keys.indexOf(drag.before);
    keys.splice(at < 0 ? keys.length : at, 0, drag.key);
    return { ...column, keys };
  });
}

/**
 * The writers' harvest board (BOARD3–BOARD8): cards dragged between themes and within one with a
 * pointer, a finger (press and hold) or the keyboard (Space, arrow keys, Space; Escape cancels),
 * each step announced in the reader's language; every card and theme also has a menu with the
 * same actions. A drag is shown over the live columns, so moves by others keep arriving during it.
 */
export function SortableBoard({ boardId, unthemed, themes, tableLabel, actions }: SortableBoardProps) {
  const { t } = useTranslation();
  const [drag, setDrag] = useState<Drag | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const lastOver = useRef<UniqueIdentifier | null>(null);
  const movedSinceStart = useRef(false);

  const base = useMemo<Column[]>(
    () => [{ themeId: null, keys: unthemed.map((idea) => idea.key) }, ...themes.map((theme) => ({ themeId: theme.id, keys: theme.ideas.map((idea) => idea.key) }))],
    [unthemed, themes],
  );
  const layout = withDrag(base, drag);

  // A keyboard drag into another column renders the card there, a new element: the focused handle
  // is gone and focus falls to <body> for the rest of the drag (dnd-kit listens on the document, so
  // the drag goes on, but Shift+Tab or a screen reader would start from the top of the page). The
  // handle in its new place takes focus back in the same commit, before anything is painted (A11Y34).
  useLayoutEffect(() => {
    if (!drag?.keyboard) return;
    const handle = document.getElementById(cardHandleId(boardId, drag.key));
    // No scrolling: dnd-kit moves the page itself while dragging, and measures from there.
    if (handle && handle !== document.activeElement) handle.focus({ preventScroll: true });
  }, [drag, boardId]);
  const ideas = useMemo(() => new Map([...unthemed, ...themes.flatMap((theme) => theme.ideas)].map((idea) => [idea.key, idea])), [unthemed, themes]);
  const columnOf = (key: UniqueIdentifier, within: Column[] = layout) => within.find((column) => column.keys.includes(String(key)));
  const columnName = (themeId: string | null) => (themeId === null ? t('harvest.unthemed') : (themes.find((theme) => theme.id === themeId)?.name ?? ''));
  const textOf = (id: UniqueIdentifier) => ideas.get(String(id))?.text ?? '';
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  /**
   * Left and right go to the nearest column drawn on that side (so in Arabic too the arrow follows
   * what is seen), onto its first card; up and down are dnd-kit's, within the column.
   */
  const keyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
    const { collisionRect, droppableRects, droppableContainers } = args.context;
    if ((event.code !== 'ArrowLeft' && event.code !== 'ArrowRight') || !collisionRect) return sortableKeyboardCoordinates(event, args);
    event.preventDefault();
    const here = columnOf(args.active, layoutRef.current);
    const own = droppableRects.get(columnDropId(here?.themeId ?? null));
    if (!own) return undefined;
    const centre = (r: { left: number; width: number }) => r.left + r.width / 2;
    const candidates = droppableContainers
      .getEnabled()
      .filter((entry) => parseColumn(entry.id) !== undefined || entry.id === NEW_THEME_DROP_ID)
      .flatMap((entry) => droppableRects.get(entry.id) ?? [])
      .filter((rect) => (event.code === 'ArrowLeft' ? centre(rect) < centre(own) - 1 : centre(rect) > centre(own) + 1));
    // The same row first (columns of a row start at the same height), then the nearest across.
    const best = candidates.sort((a, b) => Math.abs(a.top - own.top) - Math.abs(b.top - own.top) || Math.abs(centre(a) - centre(own)) - Math.abs(centre(b) - centre(own)))[0];
    if (!best) return undefined;
    return { x: best.left + Math.max(0, (best.width - collisionRect.width) / 2), y: best.top + Math.min(48, best.height / 3) };
  };

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // A finger drags after a short hold, so a swipe still scrolls the page.
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );

  /** Over a column with cards: the nearest of its cards, so a card lands between two, not only at the end. */
  const collisions: CollisionDetection = (args) => {
    const pointer = pointerWithin(args);
    const hits = pointer.length > 0 ? pointer : rectIntersection(args);
    let overId = getFirstCollision(hits, 'id');
    if (overId !== null) {
      const themeId = parseColumn(overId);
      const column = themeId !== undefined ? layoutRef.current.find((c) => c.themeId === themeId) : undefined;
      const pointer = args.pointerCoordinates;
      const bottom = Math.max(...(column?.keys ?? []).map((key) => args.droppableRects.get(key)?.bottom ?? -Infinity));
      // Below the column's last card: the end of the column. Elsewhere in it: the nearest card.
      if (column && column.keys.length > 0 && !(pointer && pointer.y > bottom)) {
        const inside = args.droppableContainers.filter((container) => column.keys.includes(String(container.id)));
        overId = closestCenter({ ...args, droppableContainers: inside })[0]?.id ?? overId;
      }
      lastOver.current = overId;
      return [{ id: overId }];
    }
    return lastOver.current !== null ? [{ id: lastOver.current }] : [];
  };

  /** Where a drop over `over` puts the card: its column, the card it goes before, and the column's cards after. */
  function target(active: Active, over: Over | null): { themeId: string | null; before: string | null; keys: string[] } | 'new-theme' | null {
    if (!over) return null;
    if (over.id === NEW_THEME_DROP_ID) return 'new-theme';
    const key = String(active.id);
    const current = layoutRef.current;
    const overColumn = parseColumn(over.id);
    const column = overColumn !== undefined ? current.find((c) => c.themeId === overColumn) : columnOf(over.id, current);
    if (!column) return null;
    let keys = column.keys.includes(key) ? column.keys : [...column.keys, key];
    if (overColumn !== undefined) keys = [...keys.filter((k) => k !== key), key];
    else {
      const [from, to] = [keys.indexOf(key), keys.indexOf(String(over.id))];
      if (from >= 0 && to >= 0 && from !== to) keys = arrayMove(keys, from, to);
    }
    return { themeId: column.themeId, before: keys[keys.indexOf(key) + 1] ?? null, keys };
  }

  const place = (key: UniqueIdentifier, where: ReturnType<typeof target>) => {
    if (where === 'new-theme') return t('board.overNewTheme', { text: textOf(key) });
    if (!where) return t('board.notOver', { text: textOf(key) });
    return t('board.over', { text: textOf(key), column: columnName(where.themeId), position: where.keys.indexOf(String(key)) + 1, total: where.keys.length });
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const column = columnOf(active.id, base);
      return t('board.pickedUp', {
        text: textOf(active.id),
        column: columnName(column?.themeId ?? null),
        position: (column?.keys.indexOf(String(active.id)) ?? 0) + 1,
        total: column?.keys.length ?? 0,
      });
    },
    onDragOver: ({ active, over }) => {
      // Right after the pick-up the card is over itself: "picked up" is said, not "over" too.
      if (!movedSinceStart.current && over?.id === active.id) return undefined;
      movedSinceStart.current = true;
      return place(active.id, target(active, over));
    },
    onDragEnd: ({ active, over }) => {
      const where = target(active, over);
      if (where === 'new-theme') return t('board.droppedNewTheme', { text: textOf(active.id) });
      if (!where) return t('board.droppedNowhere', { text: textOf(active.id) });
      return t('board.dropped', { text: textOf(active.id), column: columnName(where.themeId), position: where.keys.indexOf(String(active.id)) + 1, total: where.keys.length });
    },
    onDragCancel: ({ active }) => t('board.cancelled', { text: textOf(active.id), column: columnName(columnOf(active.id, base)?.themeId ?? null) }),
  };

  function onDragStart({ active, activatorEvent }: DragStartEvent) {
    const key = String(active.id);
    const column = columnOf(key, base);
    if (!column) return;
    lastOver.current = null;
    movedSinceStart.current = false;
    setDrag({ key, themeId: column.themeId, before: column.keys[column.keys.indexOf(key) + 1] ?? null, keyboard: activatorEvent instanceof KeyboardEvent });
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!drag || !over || over.id === NEW_THEME_DROP_ID) return;
    const overColumn = parseColumn(over.id);
    const column = overColumn !== undefined ? layout.find((c) => c.themeId === overColumn) : columnOf(over.id);
    if (!column || column.themeId === drag.themeId) return; // within a column, the sortable list shows the move itself
    let index = column.keys.length;
    if (overColumn === undefined) {
      const translated = active.rect.current.translated;
      const below = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
      index = column.keys.indexOf(String(over.id)) + (below ? 1 : 0);
    }
    setDrag({ ...drag, themeId: column.themeId, before: column.keys[index] ?? null });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const where = target(active, over);
    const keyboard = drag?.keyboard ?? false;
    setDrag(null);
    const key = String(active.id);
    if (!ideas.has(key) || !where) return; // dropped nowhere, or the idea left the harvest meanwhile
    if (where === 'new-theme') actions.newThemeFrom(key);
    else actions.move(key, where.themeId, where.before);
    // The card may now be in another column (a new element): the keyboard stays on it.
    if (keyboard) requestAnimationFrame(() => document.getElementById(cardHandleId(boardId, key))?.focus());
  }

  const cardMenu = (key: string): MenuEntry[] => {
    const column = columnOf(key, base);
    if (!column) return [];
    const index = column.keys.indexOf(key);
    const keepFocus = (run: () => void) => () => {
      run();
      requestAnimationFrame(() => document.getElementById(cardMenuId(boardId, key))?.focus());
    };
    const entries: MenuEntry[] = [];
    if (index > 0) entries.push({ label: t('board.moveUp'), onSelect: keepFocus(() => actions.move(key, column.themeId, column.keys[index - 1]!)) });
    if (index < column.keys.length - 1) entries.push({ label: t('board.moveDown'), onSelect: keepFocus(() => actions.move(key, column.themeId, column.keys[index + 2] ?? null)) });
    const others = themes.filter((theme) => theme.id !== column.themeId);
    if (others.length > 0)
      entries.push({ group: t('board.moveToTheme'), items: others.map((theme) => ({ label: theme.name, onSelect: keepFocus(() => actions.move(key, theme.id, null)) })) });
    if (column.themeId !== null) entries.push({ label: t('board.toUnthemed'), onSelect: keepFocus(() => actions.move(key, null, null)) });
    entries.push({ label: t('board.newThemeFromCard'), onSelect: keepFocus(() => actions.newThemeFrom(key)) });
    return entries;
  };

  const themeMenu = (theme: HarvestThemeWithIdeas): MenuEntry[] => {
    const entries: MenuEntry[] = [{ label: t('harvest.rename'), onSelect: () => setRenaming(theme.id) }];
    const others = themes.filter((other) => other.id !== theme.id);
    if (others.length > 0)
      entries.push({ group: t('harvest.mergeInto'), items: others.map((other) => ({ label: other.name, onSelect: () => actions.merge(theme.id, other.id) })) });
    if (theme.ideas.length === 0) entries.push({ label: t('harvest.delete'), onSelect: () => actions.remove(theme.id) });
    return entries;
  };

  const cards = (column: Column) =>
    column.keys.flatMap((key) => {
      const idea = ideas.get(key);
      return idea ? [<BoardCard key={key} boardId={boardId} idea={idea} tableLabel={tableLabel(idea.tableId)} menu={cardMenu(key)} />] : [];
    });
  const ideasOf = (column: Column) => column.keys.flatMap((key) => ideas.get(key) ?? []);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisions}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.instructions') } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDrag(null)}
    >
      <div className="harvest-columns board-columns">
        {layout.map((column) => {
          const theme = column.themeId === null ? null : themes.find((x) => x.id === column.themeId);
          if (theme === undefined) return null;
          return (
            <BoardColumn
              key={columnDropId(column.themeId)}
              theme={theme}
              ideas={ideasOf(column)}
              {...(theme && { menu: themeMenu(theme) })}
              {...(theme &&
                renaming === theme.id && {
                  renaming: {
                    onSave: (name: string) => {
                      actions.rename(theme.id, name);
                      setRenaming(null);
                    },
                    onCancel: () => setRenaming(null),
                  },
                })}
            >
              {cards(column)}
            </BoardColumn>
          );
        })}
        <NewThemeTarget />
      </div>
      {/* What follows the pointer; the card itself stays in the list, faded, where it would land. */}
      <DragOverlay dropAnimation={null}>
        {drag && ideas.has(drag.key) ? (
          <div className="board-card board-card-overlay" aria-hidden="true">
            <span className="board-card-text" dir="auto">
              {textOf(drag.key)}
            </span>
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
