import { directionOf } from '@open-talks/shared';
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
  /** The language the notes are written in (NOTE17–NOTE19): `lang` and `dir` of the editing area. */
  language?: string | null;
}

/**
 * CodeMirror 6 bound to the notepad's Y.Text. Tab is left to the browser (moving focus), so
 * the editor is no keyboard trap.
 */
export function NotesEditor({ text, awareness, readOnly, label, describedBy, language = null }: Props) {
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
          labelled.current.of(contentAttributes(label, describedBy, readOnly, language)),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      undoManager.destroy();
      view.current = null;
    };
    // Rebuilt only for another document; read-only, the label and the language are reconfigured in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, awareness]);

  useEffect(() => {
    view.current?.dispatch({
      effects: [editable.current.reconfigure(editability(readOnly)), labelled.current.reconfigure(contentAttributes(label, describedBy, readOnly, language))],
    });
  }, [readOnly, label, describedBy, language]);

  return <div className="notepad-editor" ref={host} data-readonly={readOnly || undefined} />;
}

function editability(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}

function contentAttributes(label: string, describedBy: string | undefined, readOnly: boolean, language: string | null) {
  return EditorView.contentAttributes.of({
    'aria-label': label,
    'aria-multiline': 'true',
    'aria-readonly': String(readOnly),
    role: 'textbox',
    ...(describedBy && { 'aria-describedby': describedBy }),
    // Lines still take their own direction (perLineDirection); this sets the base, and speech and fonts follow `lang`.
    ...(language && { lang: language, dir: directionOf(language) }),
  });
}
