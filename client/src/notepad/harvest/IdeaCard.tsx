import type { HarvestIdea } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';
import { IdeaOrigin } from './IdeaOrigin';
import { IdeaText } from '../IdeaText';

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
      <IdeaText idea={idea} as="p" className="harvest-idea-text" />
      <p className="harvest-idea-meta">
        <IdeaOrigin marked={idea.marked} tableLabel={tableLabel} />
        {author && <span> · {t('harvest.by', { author })}</span>}
      </p>
    </li>
  );
}
