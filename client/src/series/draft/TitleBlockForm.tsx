// SER42: the title block, bound to the draft's Y.Map('title'): each field is written on input and
// shows what the others type. The original language is the series' and is only shown here.
import { TITLE_KEYS, type TitleBlock } from '@open-talks/shared/series';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

interface Props {
  map: Y.Map<unknown>;
  title: TitleBlock;
  originalLanguage: string;
  readOnly: boolean;
}

export function TitleBlockForm({ map, title, originalLanguage, readOnly }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="draft-title" data-testid="draft-title">
      <legend>{t('seriesDraft.titleBlock.legend')}</legend>
      {TITLE_KEYS.map((key) => (
        <p key={key} className="field">
          <label htmlFor={`${id}-${key}`}>{t(`seriesDraft.titleBlock.${key}`)}</label>
          <input
            id={`${id}-${key}`}
            type={key === 'date' ? 'date' : 'text'}
            value={title[key]}
            readOnly={readOnly}
            maxLength={key === 'title' ? 300 : 120}
            onChange={(event) => map.set(key, event.target.value)}
          />
        </p>
      ))}
      <p className="field">
        <span id={`${id}-lang`}>{t('seriesDraft.titleBlock.originalLanguage')}</span>{' '}
        <output aria-labelledby={`${id}-lang`} data-testid="draft-original-language">
          {originalLanguage}
        </output>
      </p>
    </fieldset>
  );
}
