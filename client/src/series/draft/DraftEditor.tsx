import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { notesKeymap } from '../../notepad/keys';
import { perLineDirection } from '../../notepad/line-direction';
import { draftStructure, setStructureWords, type StructureWords } from './structure';

interface Props {
  text: Y.Text;
  awareness: Awareness;
  readOnly: boolean;
  /** The accessible name of the editing area. */
  label: string;
  describedBy?: string;
  words: StructureWords;
  /** The editor, once made (the toolbar and the evidence panel edit through it). */
  onView: (view: EditorView | null) => void;
}

/**
 * CodeMirror 6 bound to the draft's Y.Text (like the synthesis notepad's NotesEditor) with the
 * structure shown live (structure.ts). Tab is left to the browser, so the editor is no trap.
 */
export function DraftEditor({ text, awareness, readOnly, label, describedBy, words, onView }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());
  const labelled = useRef(new Compartment());
  const wordsNow = useRef(words);
  wordsNow.current = words;

  useEffect(() => {
    const undoManager = new Y.UndoManager(text);
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text.toString(),
        extensions: [
          keymap.of([...yUndoManagerKeymap, ...notesKeymap]),
          EditorView.lineWrapping,
          perLineDirection(),
          yCollab(text, awareness, { undoManager }),
          draftStructure(wordsNow.current),
          editable.current.of(editability(readOnly)),
          labelled.current.of(contentAttributes(label, describedBy, readOnly)),
        ],
      }),
    });
    view.current = created;
    onView(created);
    return () => {
      onView(null);
      created.destroy();
      undoManager.destroy();
      view.current = null;
    };
    // Rebuilt only for another document; the rest is reconfigured in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, awareness]);

  useEffect(() => {
    view.current?.dispatch({
      effects: [editable.current.reconfigure(editability(readOnly)), labelled.current.reconfigure(contentAttributes(label, describedBy, readOnly))],
    });
  }, [readOnly, label, describedBy]);

  useEffect(() => {
    view.current?.dispatch({ effects: setStructureWords.of(words) });
  }, [words]);

  return <div className="notepad-editor draft-editor" ref={host} data-readonly={readOnly || undefined} data-testid="draft-editor" />;
}

function editability(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}

function contentAttributes(label: string, describedBy: string | undefined, readOnly: boolean) {
  return EditorView.contentAttributes.of({
    'aria-label': label,
    'aria-multiline': 'true',
    'aria-readonly': String(readOnly),
    role: 'textbox',
    ...(describedBy && { 'aria-describedby': describedBy }),
  });
}
