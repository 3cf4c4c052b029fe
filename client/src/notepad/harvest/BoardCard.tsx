import type { HarvestIdea } from '@open-talks/shared';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { MenuButton, type MenuEntry } from './MenuButton';
import { IdeaOrigin } from './IdeaOrigin';
import { ideaLanguageAttrs } from '../idea-language';

/** Ids that stay the same when a card moves to another column, so focus can follow it (BOARD5). */
export const cardHandleId = (boardId: string, key: string) => `${boardId}-card-${key}`;
export const cardMenuId = (boardId: string, key: string) => `${boardId}-menu-${key}`;

export interface BoardCardProps {
  boardId: string;
  idea: HarvestIdea;
  tableLabel: string;
  /** The card's actions, the same as dragging (BOARD4). */
  menu: readonly MenuEntry[];
}

/**
 * One card on the writers' board: the card itself is what you drag (pointer, finger, or Space and
 * the arrow keys, BOARD3); beside it, the Actions menu does the same without dragging (BOARD4).
 * Marked ideas say so in words and with a star, not by colour (BOARD9).
 */
export function BoardCard({ boardId, idea, tableLabel, menu }: BoardCardProps) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: idea.key,
    attributes: { roleDescription: t('board.roleDescription') },
  });
  const author = idea.author ?? (idea.group ? t(`words.group.${idea.group}`) : null);
  return (
    <li
      ref={setNodeRef}
      className={['board-card', idea.marked ? 'marked' : '', isDragging ? 'dragging' : ''].join(' ').trim()}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="harvest-idea"
      data-key={idea.key}
      data-marked={idea.marked}
    >
      <div ref={setActivatorNodeRef} id={cardHandleId(boardId, idea.key)} className="board-card-handle" {...attributes} {...listeners}>
        <span className="board-grip" aria-hidden="true">
          ⠿
        </span>
        <span className="board-card-body">
          <span className="board-card-text" {...ideaLanguageAttrs(idea.language, idea.text)}>
            {idea.text}
          </span>
          <span className="board-card-meta">
            <IdeaOrigin marked={idea.marked} tableLabel={tableLabel} />
            <span> · {t('harvest.roundN', { round: idea.round })}</span>
            {author && <span> · {t('harvest.by', { author })}</span>}
          </span>
        </span>
      </div>
      <MenuButton label={t('board.actions')} ariaLabel={t('board.cardActions', { text: shortText(idea.text) })} entries={menu} buttonId={cardMenuId(boardId, idea.key)} compact />
    </li>
  );
}

/** An idea's words cut for a label or a theme's name: at most `max` characters, at a word when it can. */
export function shortText(text: string, max = 60): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
