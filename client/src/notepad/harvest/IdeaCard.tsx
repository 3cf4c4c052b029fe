import type { HarvestIdea, HarvestTheme } from '@open-talks/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface IdeaCardProps {
  idea: HarvestIdea;
  /** The table's name as the room knows it ("table 3, Lotus"). */
  tableLabel: string;
  /** Writers get the move control; everyone else reads. */
  move?: {
    themes: readonly HarvestTheme[];
    current: string | null;
    /** The select's id, so focus can follow the idea into its new column. */
    selectId: string;
    onMove: (themeId: string | null) => void;
  };
}

const UNTHEMED = '';

/** One key idea on the board: its text, whether its table marked it (words and a star, not colour), where it comes from. */
export function IdeaCard({ idea, tableLabel, move }: IdeaCardProps) {
  const { t } = useTranslation();
  const author = idea.author ?? (idea.group ? t(`words.group.${idea.group}`) : null);
  return (
    <li className={idea.marked ? 'harvest-idea marked' : 'harvest-idea'} data-testid="harvest-idea" data-marked={idea.marked}>
      <p className="harvest-idea-text" dir="auto">
        {idea.text}
      </p>
      <p className="harvest-idea-meta">
        {/* "Marked by table 1", said once: not "Marked by the table" followed by "table 1". */}
        {idea.marked ? (
          <span className="badge harvest-marked">
            <span aria-hidden="true">★ </span>
            {t('notepadWords.markedBy', { table: tableLabel })}
          </span>
        ) : (
          <span>{tableLabel}</span>
        )}
        {author && <span> · {t('harvest.by', { author })}</span>}
      </p>
      {move && <MoveControl {...move} />}
    </li>
  );
}

function MoveControl({ themes, current, selectId, onMove }: NonNullable<IdeaCardProps['move']>) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState(current ?? UNTHEMED);
  return (
    <form
      className="inline-form harvest-move"
      onSubmit={(event) => {
        event.preventDefault();
        onMove(choice === UNTHEMED ? null : choice);
      }}
    >
      <label htmlFor={selectId}>{t('harvest.moveTo')}</label>
      <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value={UNTHEMED}>{t('harvest.unthemed')}</option>
        {themes.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {theme.name}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={choice === (current ?? UNTHEMED)}>
        {t('harvest.move')}
      </button>
    </form>
  );
}
