import { describe, expect, it } from 'vitest';
import { inlineSegments, itemLetter, parseDocumentText, referenceIds } from './document-text.js';

describe('parseDocumentText (SER3)', () => {
  it('numbers paragraphs across headings and letters their sub-items', () => {
    const text = ['# Summary', '', 'First point', 'goes on.', '', '- one', '- two', '  more', '', '## Detail', 'Second [[ref:r1]].', '[[stats]]', '', '[[annex]]'].join('\n');
    const blocks = parseDocumentText(text);
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'stats', 'annex-list']);
    const first = blocks[1]!;
    expect(first).toMatchObject({ number: 1, text: 'First point goes on.' });
    expect(first.kind === 'paragraph' && first.items.map((i) => [i.letter, i.text])).toEqual([
      ['a', 'one'],
      ['b', 'two more'],
    ]);
    expect(blocks[3]).toMatchObject({ number: 2, text: 'Second [[ref:r1]].' });
    expect(text.slice(blocks[0]!.from, blocks[0]!.to)).toBe('# Summary');
  });

  it('starts a paragraph at an item with nothing before it', () => {
    expect(parseDocumentText('- alone')).toMatchObject([{ kind: 'paragraph', number: 1, text: '', items: [{ letter: 'a', text: 'alone' }] }]);
  });

  it('letters past z', () => {
    expect([0, 25, 26, 27, 701, 702].map(itemLetter)).toEqual(['a', 'z', 'aa', 'ab', 'zz', 'aaa']);
  });

  it('splits reference tokens out of text', () => {
    expect(inlineSegments('See [[ref:a_1]] and [[ref:b]]')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'ref', id: 'a_1' },
      { kind: 'text', text: ' and ' },
      { kind: 'ref', id: 'b' },
    ]);
    expect(referenceIds('[[ref:x]] [[ref:y]] [[ref:x]] [[ref:bad id]]')).toEqual(['x', 'y', 'x']);
  });
});

describe('parseDocumentText edges (SER3)', () => {
  it('reads text pasted with Windows line ends like any other', () => {
    const blocks = parseDocumentText('# Head\r\nFirst\r\n- a\r\n\r\nSecond');
    expect(blocks.map((b) => (b.kind === 'paragraph' ? `${b.number}${b.items.map((i) => i.letter).join('')}:${b.text}` : b.kind))).toEqual(['heading', '1a:First', '2:Second']);
    expect(blocks[0]).toMatchObject({ text: 'Head' });
  });

  it('keeps a block token that shares its line with text as text', () => {
    expect(parseDocumentText('[[stats]] below')).toMatchObject([{ kind: 'paragraph', number: 1, text: '[[stats]] below' }]);
  });

  it('numbers nothing for a text of blank lines', () => {
    expect(parseDocumentText('\n\n  \n')).toEqual([]);
  });
});
