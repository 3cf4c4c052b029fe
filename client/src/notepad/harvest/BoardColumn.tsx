import { HARVEST_LIMITS, type HarvestIdea, type HarvestTheme } from '@open-talks/shared';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MenuButton, type MenuEntry } from './MenuButton';

/** The droppable id of a column (the unthemed: an empty theme id); never an idea key, which holds a '/'. */
export const columnDropId = (themeId: string | null) => `column:${themeId ?? ''}`;
export const NEW_THEME_DROP_ID = 'new-theme';

export interface BoardColumnProps {
  theme: HarvestTheme | null;
  ideas: readonly HarvestIdea[];
  /** The column header's menu (rename, merge into, delete when empty); none for the unthemed. */
  menu?: readonly MenuEntry[];
  /** Set while this theme's name is being edited (from its menu). */
  renaming?: { onSave: (name: string) => void; onCancel: () => void };
  children: ReactNode;
}

/** A theme (or the unthemed) on the writers' board: a sortable list that cards are dropped into (BOARD3). */
export function BoardColumn({ theme, ideas, menu, renaming, children }: BoardColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(theme?.id ?? null) });
  const name = theme ? theme.name : t('harvest.unthemed');
  return (
    <section
      ref={setNodeRef}
      className={['harvest-column', 'board-column', theme ? '' : 'unthemed', isOver ? 'over' : ''].join(' ').trim()}
      aria-labelledby={headingId}
      data-testid="harvest-column"
    >
      <div className="board-column-head">
        <h3 id={headingId} dir="auto">
          {name} <span className="muted">({ideas.length})</span>
        </h3>
        {menu && !renaming && <MenuButton label={t('board.themeMenu')} ariaLabel={t('board.themeActions', { name })} entries={menu} />}
      </div>
      {renaming && theme && <RenameForm name={theme.name} {...renaming} />}
      <SortableContext items={ideas.map((idea) => idea.key)} strategy={verticalListSortingStrategy}>
        <ul className="plain-list board-cards">{children}</ul>
      </SortableContext>
      {ideas.length === 0 && <p className="muted board-empty">{theme ? t('board.dropHere') : t('harvest.allThemed')}</p>}
    </section>
  );
}

function RenameForm({ name, onSave, onCancel }: { name: string; onSave: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState(name);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (value.trim()) onSave(value);
    else onCancel();
  }
  return (
    <form className="inline-form harvest-tools" onSubmit={submit}>
      <label htmlFor={id}>{t('harvest.themeName')}</label>
      <input
        id={id}
        value={value}
        maxLength={HARVEST_LIMITS.themeNameLength}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
        autoFocus
      />
      <button type="submit">{t('harvest.save')}</button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t('harvest.cancel')}
      </button>
    </form>
  );
}

/** BOARD6: drop a card here and a theme is made with it, named after the card. */
export function NewThemeTarget() {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: NEW_THEME_DROP_ID });
  return (
    <div ref={setNodeRef} className={isOver ? 'board-new-theme over' : 'board-new-theme'} data-testid="board-new-theme">
      <p className="board-new-theme-title">
        <span aria-hidden="true">+ </span>
        {t('board.newThemeTarget')}
      </p>
      <p className="muted">{t('board.newThemeHint')}</p>
    </div>
  );
}
