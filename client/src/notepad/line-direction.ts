// Each line of the notes takes its own direction, as dir="auto" does: from its first strong letter.
// Notes mix languages ("Bob: plain language everywhere" under an Arabic line); a whole editor in
// the page's direction would show that English line as ".Bob: plain language everywhere".
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';

const autoLine = Decoration.line({ attributes: { dir: 'auto' } });

function lineDecorations(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  let last = -1;
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      if (line.from > last) builder.add(line.from, line.from, autoLine);
      last = line.from;
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const autoDirection = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = lineDecorations(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = lineDecorations(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** Per-line text direction: CodeMirror reads each line's own direction (cursor motion, selection). */
export function perLineDirection(): Extension {
  return [EditorView.perLineTextDirection.of(true), autoDirection];
}
