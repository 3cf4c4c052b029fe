import { contentKey, keyIdeaContentId, type KeyIdea } from '@open-talks/shared';
import type { ElementType } from 'react';
import { ContributionText } from '../components/machine/ContributionText';
import { ideaLanguageAttrs } from './idea-language';

/**
 * A key idea's words in its own language (MT50) and, when that is not the reader's and the session
 * offers machine translation, a "Translate" button (MT51). Its content key names the table and round
 * whose notepad holds it, so the server reads it there and checks who may read that table.
 * An idea from before languages were kept, or with no table, has nothing to translate from.
 */
export function IdeaText({
  idea,
  as: Tag = 'span',
  className,
  id,
}: {
  idea: Pick<KeyIdea, 'id' | 'text' | 'language' | 'tableId' | 'round'>;
  as?: ElementType;
  className?: string;
  id?: string;
}) {
  if (idea.language === null || idea.tableId === null || idea.round < 1) {
    return (
      <Tag className={className} id={id} {...ideaLanguageAttrs(idea.language, idea.text)}>
        {idea.text}
      </Tag>
    );
  }
  const key = contentKey({ kind: 'key-idea', id: keyIdeaContentId({ tableId: idea.tableId, round: idea.round, ideaId: idea.id }), field: 'text' });
  return <ContributionText k={key} text={idea.text} language={idea.language} as={Tag} className={className} id={id} />;
}
