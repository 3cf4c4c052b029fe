import type { Block } from '@open-talks/shared';
import { Fragment, type ReactNode } from 'react';

/**
 * The record's blocks as HTML, the same blocks the exports render (REC9). React escapes every
 * text; people's words stay in the language they were written in, so paragraphs take their own
 * direction (dir="auto") and cells isolate theirs (<bdi>) while keeping the page's alignment.
 */
export function RecordBlocks({ blocks }: { blocks: readonly Block[] }) {
  return <>{blocks.map((block, index) => renderBlock(block, index))}</>;
}

/** Each line isolated in its own direction (the cell keeps `white-space: pre-wrap`, so the line breaks stay). */
function Lines({ text }: { text: string }) {
  const lines = text.split(/\r\n|\r|\n/);
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 && '\n'}
          <bdi>{line}</bdi>
        </Fragment>
      ))}
    </>
  );
}

function renderBlock(b: Block, key: number): ReactNode {
  switch (b.kind) {
    case 'heading': {
      const Heading = `h${b.level}` as const;
      return (
        <Heading key={key} dir="auto">
          {b.text}
        </Heading>
      );
    }
    case 'facts':
      return (
        <dl key={key} className="record-facts">
          {b.rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>
                <bdi>{value}</bdi>
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'paragraph':
      return (
        <p key={key} className={b.muted ? 'muted' : undefined} dir="auto">
          {b.text}
        </p>
      );
    case 'labelled':
      // Our label in the page's direction, the person's words isolated in theirs (REC18).
      return (
        <p key={key}>
          {b.label}: <bdi>{b.text}</bdi>
        </p>
      );
    case 'verbatim':
      // Line by line, each in its own direction (as the HTML export): notes mix languages. A table's
      // notes say their language as a whole when it is known (NOTE20).
      return (
        <div key={key} className="record-verbatim" lang={b.lang} dir={b.dir}>
          {b.text
            .trim()
            .split(/\r\n|\r|\n/)
            .map((line, i) =>
              line.trim() === '' ? (
                <p key={i}>
                  <br />
                </p>
              ) : (
                <p key={i} dir="auto">
                  {line}
                </p>
              ),
            )}
        </div>
      );
    case 'list':
      return (
        <ul key={key}>
          {b.items.map((item, i) => (
            <li key={i} dir="auto">
              {typeof item === 'string' ? (
                item
              ) : (
                // A key idea's words in their language (MT50); the credit stays the page's.
                <>
                  <span lang={item.lang} dir={item.dir}>
                    {item.text}
                  </span>
                  {item.note && ` ${item.note}`}
                </>
              )}
            </li>
          ))}
        </ul>
      );
    case 'table':
      return (
        <div key={key} className="record-table-wrap" tabIndex={0} role="region" aria-label={b.head.join(', ')}>
          <table className="record-table">
            <thead>
              <tr>
                {b.head.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>
                      <Lines text={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    default:
      throw new Error(`unknown block ${JSON.stringify(b satisfies never)}`);
  }
}
