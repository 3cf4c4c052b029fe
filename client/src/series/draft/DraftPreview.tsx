// SER48: the draft as the document will read, numbered: for screen-reader users (the editor's
// gutter marks are visual) and to check the result. Read-only, updated live (politely announced
// only on request: it is a region to read, not a live region that would talk over typing).
import { inlineSegments, type DocumentBlock } from '@open-talks/shared/series';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StructureWords } from './structure';

function Inline({ text, words }: { text: string; words: StructureWords }) {
  return (
    <>
      {inlineSegments(text).map((segment, n) => {
        if (segment.kind === 'text') return <span key={n}>{segment.text}</span>;
        const ref = words.references.get(segment.id);
        return (
          <span key={n} className="draft-chip" data-changed={ref?.changed || undefined}>
            [{ref?.label ?? words.unknownReference}]{ref?.changed && <span className="draft-chip-note"> ({words.sourceChanged})</span>}
          </span>
        );
      })}
    </>
  );
}

export function DraftPreview({ blocks, words, dir, lang }: { blocks: DocumentBlock[]; words: StructureWords; dir: 'rtl' | 'ltr'; lang: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="card draft-preview" aria-labelledby={headingId} data-testid="draft-preview">
      <h2 id={headingId}>{t('seriesDraft.preview.heading')}</h2>
      <div dir={dir} lang={lang}>
        {blocks.length === 0 && <p className="muted">{t('seriesDraft.preview.empty')}</p>}
        {blocks.map((block) => {
          switch (block.kind) {
            case 'heading':
              return block.level === 1 ? (
                <h3 key={block.from}>
                  <Inline text={block.text} words={words} />
                </h3>
              ) : (
                <h4 key={block.from}>
                  <Inline text={block.text} words={words} />
                </h4>
              );
            case 'paragraph':
              return (
                <div key={block.from} className="draft-paragraph" data-number={block.number}>
                  <p>
                    <span className="draft-number">{block.number}.</span> <Inline text={block.text} words={words} />
                  </p>
                  {block.items.length > 0 && (
                    <ul className="draft-items">
                      {block.items.map((item) => (
                        <li key={item.from}>
                          <span className="draft-number">{item.letter})</span> <Inline text={item.text} words={words} />
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              );
            case 'stats':
              return (
                <p key={block.from} className="draft-block">
                  {words.stats}
                </p>
              );
            case 'annex-list':
              return (
                <p key={block.from} className="draft-block">
                  {words.annex}
                </p>
              );
          }
        })}
      </div>
    </section>
  );
}
