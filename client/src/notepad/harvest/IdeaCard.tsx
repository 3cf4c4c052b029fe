import type { HarvestIdea } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';

export interface IdeaCardProps {
  idea: HarvestIdea;
  /** The table's name as the room knows it ("table 3, Lotus"). */
  tableLabel: string;
}

/** One key idea on the board: its text, whether its table marked it (words and a star, not colour), where it comes from. */
export function IdeaCard({ idea, tableLabel }: IdeaCardProps) {
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
    </li>
  );
}
