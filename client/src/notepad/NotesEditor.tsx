import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import { notesKeymap } from './keys';
import { perLineDirection } from './line-direction';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

interface Props {
  text: Y.Text;
  awareness: Awareness;
  readOnly: boolean;
  /** The accessible name of the editing area. */
  label: string;
  /** Id of an element describing the editor (e.g. the read-only note). */
  describedBy?: string;
}

/**
 * CodeMirror 6 bound to the notepad's Y.Text. Tab is left to the browser (moving focus), so
 * the editor is no keyboard trap.
 */
export function NotesEditor({ text, awareness, readOnly, label, describedBy }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());
  const labelled = useRef(new Compartment());

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
          editable.current.of(editability(readOnly)),
          labelled.current.of(contentAttributes(label, describedBy, readOnly)),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      undoManager.destroy();
      view.current = null;
    };
    // Rebuilt only for another document; read-only and the label are reconfigured in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, awareness]);

  useEffect(() => {
    view.current?.dispatch({
      effects: [editable.current.reconfigure(editability(readOnly)), labelled.current.reconfigure(contentAttributes(label, describedBy, readOnly))],
    });
  }, [readOnly, label, describedBy]);

  return <div className="notepad-editor" ref={host} data-readonly={readOnly || undefined} />;
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
