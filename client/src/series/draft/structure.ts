// SER46: the draft's structure shown live in the editor, from parseDocumentText on every change:
// a gutter with each block's mark ("1.", "a)", a heading's level, the statistics and annex
// blocks), reference tokens as atomic chips with their label, and [[stats]] / [[annex]] lines as
// labelled blocks. The text itself never holds a number.
import { parseDocumentText } from '@open-talks/shared/series';
import { RangeSetBuilder, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, gutter, GutterMarker, ViewPlugin, WidgetType, type DecorationSet, type ViewUpdate } from '@codemirror/view';

/** What the editor shows for what the text only names: reference labels and block words. */
export interface StructureWords {
  /** Reference id → its label ("3 contributions, civil society and academia"), and whether its source changed. */
  references: ReadonlyMap<string, { label: string; changed: boolean }>;
  unknownReference: string;
  sourceChanged: string;
  stats: string;
  annex: string;
  heading1: string;
  heading2: string;
}

/** New words (references loaded, language changed): the marks and chips are drawn again. */
export const setStructureWords = StateEffect.define<StructureWords>();

const wordsField = (initial: StructureWords) =>
  StateField.define<StructureWords>({
    create: () => initial,
    update: (value, tr) => tr.effects.reduce((v, e) => (e.is(setStructureWords) ? e.value : v), value),
  });

/** Line start offset → the mark its gutter shows. */
type Marks = Map<number, { text: string; kind: string }>;

function marksOf(state: EditorState, words: StructureWords): Marks {
  const marks: Marks = new Map();
  for (const block of parseDocumentText(state.doc.toString())) {
    if (block.kind === 'paragraph') {
      if (block.text !== '') marks.set(block.from, { text: `${block.number}.`, kind: 'paragraph' });
      for (const item of block.items) marks.set(item.from, { text: `${block.text === '' && item === block.items[0] ? `${block.number}. ` : ''}${item.letter})`, kind: 'item' });
    } else if (block.kind === 'heading') marks.set(block.from, { text: block.level === 1 ? words.heading1 : words.heading2, kind: `heading${block.level}` });
    else marks.set(block.from, { text: '▦', kind: block.kind });
  }
  return marks;
}

class MarkWidget extends GutterMarker {
  constructor(
    readonly text: string,
    readonly kind: string,
  ) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof MarkWidget && other.text === this.text && other.kind === this.kind;
  }
  override toDOM(): Node {
    const span = document.createElement('span');
    span.className = `draft-mark draft-mark-${this.kind}`;
    span.textContent = this.text;
    return span;
  }
}

class ChipWidget extends WidgetType {
  constructor(
    readonly label: string,
    readonly note: string | null,
    readonly kind: 'ref' | 'block',
  ) {
    super();
  }
  override eq(other: WidgetType): boolean {
    return other instanceof ChipWidget && other.label === this.label && other.note === this.note && other.kind === this.kind;
  }
  override toDOM(): HTMLElement {
    const chip = document.createElement('span');
    chip.className = this.kind === 'ref' ? 'draft-chip' : 'draft-block';
    chip.textContent = this.kind === 'ref' ? `[${this.label}]` : this.label;
    if (this.note) {
      // Said in words, not by colour only.
      const note = document.createElement('span');
      note.className = 'draft-chip-note';
      note.textContent = ` (${this.note})`;
      chip.append(note);
      chip.dataset.changed = 'true';
    }
    return chip;
  }
  override ignoreEvent(): boolean {
    return false;
  }
}

const TOKEN = /\[\[ref:([A-Za-z0-9_-]{1,64})\]\]/g;
const BLOCK_LINE = /^\s*\[\[(stats|annex)\]\]\s*$/;

function chips(view: EditorView, words: StructureWords): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      const block = BLOCK_LINE.exec(line.text);
      if (block) {
        builder.add(line.from, line.to, Decoration.replace({ widget: new ChipWidget(block[1] === 'stats' ? words.stats : words.annex, null, 'block') }));
      } else {
        for (const match of line.text.matchAll(TOKEN)) {
          const ref = words.references.get(match[1]!);
          const start = line.from + match.index;
          builder.add(
            start,
            start + match[0].length,
            Decoration.replace({ widget: new ChipWidget(ref?.label ?? words.unknownReference, ref?.changed ? words.sourceChanged : null, 'ref') }),
          );
        }
      }
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

/** The structure extension; dispatch `setStructureWords` when the words change. */
export function draftStructure(initial: StructureWords): Extension {
  const field = wordsField(initial);
  const chipPlugin = ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = chips(view, view.state.field(field));
      }
      update(update: ViewUpdate) {
        const wordsChanged = update.transactions.some((tr) => tr.effects.some((e) => e.is(setStructureWords)));
        if (update.docChanged || update.viewportChanged || wordsChanged) this.decorations = chips(update.view, update.state.field(field));
      }
    },
    {
      decorations: (plugin) => plugin.decorations,
      // A chip is one unit for the cursor and for deletion: a token is never half-deleted.
      provide: (plugin) => EditorView.atomicRanges.of((view) => view.plugin(plugin)?.decorations ?? Decoration.none),
    },
  );
  const marks = StateField.define<Marks>({
    create: (state) => marksOf(state, state.field(field)),
    update: (value, tr) => (tr.docChanged || tr.effects.some((e) => e.is(setStructureWords)) ? marksOf(tr.state, tr.state.field(field)) : value),
  });
  return [
    field,
    marks,
    chipPlugin,
    gutter({
      class: 'draft-gutter',
      lineMarker(view, line) {
        const mark = view.state.field(marks).get(line.from);
        return mark ? new MarkWidget(mark.text, mark.kind) : null;
      },
      lineMarkerChange: (update) => update.docChanged || update.transactions.some((tr) => tr.effects.some((e) => e.is(setStructureWords))),
      initialSpacer: () => new MarkWidget('99.', 'paragraph'),
    }),
  ];
}
