// SER45: numbering under concurrent edits. Two or three replicas of the draft's Y.Text take random
// edits (lines, paragraphs, headings, items, reference and block tokens, deletions) while synced
// in random orders and at random moments; once everything has reached everyone they hold the same
// text, and the structure read from it numbers paragraphs 1..n without a gap and letters items
// a, b, c … in order. Seeded, so a failure replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { itemLetter, parseDocumentText } from '../document-text.js';
import { DRAFT_BODY } from './title.js';

const word = fc.constantFrom('trust', 'open data', 'ministries', 'الثقة', '数据', 'accès', '');
const line = fc.oneof(
  word.map((w) => `${w}\n`),
  word.map((w) => `# ${w}\n`),
  word.map((w) => `## ${w}\n`),
  word.map((w) => `- ${w}\n`),
  word.map((w) => `  * ${w}\n`),
  fc.constantFrom('\n', '[[stats]]\n', '[[annex]]\n', '[[ref:r1]] ', 'see [[ref:r_2]].\n', '\r\n', '-', '#'),
);

type Action =
  { kind: 'insert'; replica: number; at: number; text: string } | { kind: 'delete'; replica: number; at: number; length: number } | { kind: 'sync'; from: number; to: number };

const action = (replicas: number): fc.Arbitrary<Action> =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('insert' as const), replica: fc.nat(replicas - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), text: line }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('delete' as const),
        replica: fc.nat(replicas - 1),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        length: fc.integer({ min: 1, max: 12 }),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(replicas - 1), to: fc.nat(replicas - 1) }) },
  );

/** Sends what `to` lacks of `from`'s state, as y-protocols' sync step 2 does. */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** Insert at a line start (a whole line) or anywhere (mid-line: tokens, dashes). */
function position(text: Y.Text, at: number, wholeLine: boolean): number {
  const content = text.toString();
  const raw = Math.floor(at * (content.length + 1));
  if (!wholeLine) return Math.min(raw, content.length);
  const start = content.lastIndexOf('\n', raw - 1) + 1;
  return start;
}

function checkStructure(text: string): void {
  let expected = 1;
  for (const block of parseDocumentText(text)) {
    if (block.kind !== 'paragraph') continue;
    expect(block.number).toBe(expected++);
    expect(block.items.map((i) => i.letter)).toEqual(block.items.map((_, n) => itemLetter(n)));
    expect(block.from).toBeLessThanOrEqual(block.to);
    for (const item of block.items) expect(block.from <= item.from && item.to <= block.to).toBe(true);
  }
}

describe('SER45 the draft under concurrent edits', () => {
  for (const replicas of [2, 3]) {
    it(`SER45 ${replicas} replicas converge on one text whose numbering has no gap`, () => {
      fc.assert(
        fc.property(
          fc.array(action(replicas), { minLength: 1, maxLength: 40 }),
          fc.array(fc.tuple(fc.nat(replicas - 1), fc.nat(replicas - 1)), { maxLength: 6 }),
          (actions, finalOrder) => {
            const docs = Array.from({ length: replicas }, (_, i) => {
              const doc = new Y.Doc();
              doc.clientID = i + 1; // deterministic replays
              return doc;
            });
            const body = (i: number) => docs[i]!.getText(DRAFT_BODY);
            for (const step of actions) {
              if (step.kind === 'sync') {
                if (step.from !== step.to) sync(docs[step.from]!, docs[step.to]!);
              } else if (step.kind === 'insert') {
                body(step.replica).insert(position(body(step.replica), step.at, step.text.endsWith('\n')), step.text);
              } else {
                const text = body(step.replica);
                const at = Math.min(Math.floor(step.at * text.length), text.length);
                const length = Math.min(step.length, text.length - at);
                if (length > 0) text.delete(at, length);
              }
              // Every replica's text parses right at every moment, not only at the end.
              checkStructure(body(step.kind === 'sync' ? step.to : step.replica).toString());
            }
            // Then everything reaches everyone, in a random order first and completely after.
            for (const [from, to] of finalOrder) if (from !== to) sync(docs[from]!, docs[to]!);
            for (const from of docs) for (const to of docs) if (from !== to) sync(from, to);
            const texts = docs.map((_, i) => body(i).toString());
            expect(new Set(texts).size).toBe(1);
            checkStructure(texts[0]!);
            expect(parseDocumentText(texts[1]!)).toEqual(parseDocumentText(texts[0]!));
            for (const doc of docs) doc.destroy();
          },
        ),
        { seed: 16_040 + replicas, numRuns: 300 },
      );
    });
  }
});
