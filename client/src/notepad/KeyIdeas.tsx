import { KEY_IDEA_LIMITS, keyIdeaFromRecord, moveIndex, NOTEPAD_IDEAS, type KeyIdea } from '@open-talks/shared';
import type { ApiError } from '@open-talks/shared/protocol';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { command } from '../net/realtime';
import { refusalText } from '../net/refusal';
import { IdeaText } from './IdeaText';
import { useIdeaOutbox } from './useIdeaOutbox';

interface Props {
  doc: Y.Doc;
  /** May add ideas (anyone who may write here). */
  canAdd: boolean;
  /** May mark, edit, reorder and drop them (the host, or anyone if the table has none). */
  canCurate: boolean;
  round: number;
  tableId: string | null;
  /** Where this person's unsent ideas for this room wait on this device (IDEA5). */
  outboxKey: string;
}

/**
 * A table's key ideas, read live from the notepad's Y.Array (NOTE8) and changed only through the
 * server's commands (IDEA1–IDEA4): the server stamps the author and checks who may curate.
 */
export function KeyIdeas({ doc, canAdd, canCurate, round, tableId, outboxKey }: Props) {
  const { t } = useTranslation();
  const ideas = useIdeas(doc);
  const shown = useMemo(() => new Set(ideas.map((idea) => idea.id)), [ideas]);
  const outbox = useIdeaOutbox(outboxKey, tableId, round, shown);
  const unsent = outbox.waiting.filter((idea) => !shown.has(idea.id));
  const [draft, setDraft] = useState('');
  const draftField = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [failure, setFailure] = useState<ApiError | { code: 'network'; message: string } | null>(null);
  const headingId = useId();
  const newId = useId();

  function add(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!text || ideas.length + unsent.length >= KEY_IDEA_LIMITS.perNotepad) return;
    outbox.add(text);
    setDraft('');
    // The emptied form's Add is disabled: pressed from the keyboard, it would drop focus on
    // <body>. Focus goes back to the field, ready for the next idea (QA14, A11Y32).
    draftField.current?.focus();
  }

  /** A curation command for one idea; a refusal is said aloud, the notepad shows the rest. */
  async function curate(send: (where: { tableId: string; round: number }) => ReturnType<typeof command>) {
    if (!tableId) return;
    setFailure(null);
    const ack = await send({ tableId, round });
    if (!ack.ok) setFailure(ack.error);
  }

  function move(id: string, delta: number) {
    const from = ideas.findIndex((idea) => idea.id === id);
    const to = moveIndex(ideas.length, from, delta);
    if (from < 0 || to === from) return;
    void curate((where) => command('notepad:move-idea', { ...where, ideaId: id, to })).then(() =>
      // Keep the keyboard where it was: on the same button of the moved idea.
      requestAnimationFrame(() => document.getElementById(`${headingId}-${id}-${delta < 0 ? 'up' : 'down'}`)?.focus()),
    );
  }

  function saveEdit(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const { id, text } = { id: editing.id, text: editing.text.trim() };
    if (text) void curate((where) => command('notepad:edit-idea', { ...where, ideaId: id, text }));
    setEditing(null);
  }

  // A11Y70: "Edit", "Drop"… of a list of ideas say which idea: the button's words, then the idea's.
  const named = (ideaId: string, button: string) => `${headingId}-${ideaId}-${button} ${headingId}-${ideaId}-text`;
  return (
    <section className="key-ideas" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('notepad.ideas.heading')}</h3>
      {ideas.length === 0 ? (
        unsent.length === 0 && <p className="muted">{t('notepad.ideas.empty')}</p>
      ) : (
        <ol>
          {ideas.map((idea, index) => (
            <li key={idea.id} className={idea.marked ? 'marked' : undefined}>
              {editing?.id === idea.id ? (
                <form onSubmit={saveEdit} className="button-row">
                  <label className="visually-hidden" htmlFor={`${headingId}-${idea.id}-edit`}>
                    {t('notepad.ideas.editLabel')}
                  </label>
                  <input
                    id={`${headingId}-${idea.id}-edit`}
                    value={editing.text}
                    maxLength={KEY_IDEA_LIMITS.textLength}
                    onChange={(e) => setEditing({ id: idea.id, text: e.target.value })}
                    onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
                    autoFocus
                  />
                  <button type="submit">{t('notepad.ideas.save')}</button>
                  <button type="button" className="secondary" onClick={() => setEditing(null)}>
                    {t('notepad.ideas.cancel')}
                  </button>
                </form>
              ) : (
                <>
                  {/* MT50: spoken in its own language's voice, with "Translate" when it is not the reader's (MT51). */}
                  <IdeaText idea={idea} as="bdi" className="key-idea-text" id={`${headingId}-${idea.id}-text`} />
                  {idea.marked && <span className="badge">{t('notepad.ideas.marked')}</span>}
                  {(idea.author ?? idea.group) && <span className="muted"> · {t('notepad.ideas.by', { author: idea.author ?? t(`words.group.${idea.group}`) })}</span>}
                  {canCurate && (
                    <span className="button-row key-idea-actions">
                      <button
                        type="button"
                        id={`${headingId}-${idea.id}-mark`}
                        aria-labelledby={named(idea.id, 'mark')}
                        className="secondary"
                        aria-pressed={idea.marked}
                        onClick={() => void curate((where) => command('notepad:mark-idea', { ...where, ideaId: idea.id, marked: !idea.marked }))}
                      >
                        {t('notepad.ideas.mark')}
                      </button>
                      <button
                        type="button"
                        id={`${headingId}-${idea.id}-edit-button`}
                        aria-labelledby={named(idea.id, 'edit-button')}
                        className="secondary"
                        onClick={() => setEditing({ id: idea.id, text: idea.text })}
                      >
                        {t('notepad.ideas.edit')}
                      </button>
                      <button
                        type="button"
                        id={`${headingId}-${idea.id}-up`}
                        aria-labelledby={named(idea.id, 'up')}
                        className="secondary"
                        disabled={index === 0}
                        onClick={() => move(idea.id, -1)}
                      >
                        {t('notepad.ideas.moveUp')}
                      </button>
                      <button
                        type="button"
                        id={`${headingId}-${idea.id}-down`}
                        aria-labelledby={named(idea.id, 'down')}
                        className="secondary"
                        disabled={index === ideas.length - 1}
                        onClick={() => move(idea.id, 1)}
                      >
                        {t('notepad.ideas.moveDown')}
                      </button>
                      <button
                        type="button"
                        id={`${headingId}-${idea.id}-drop`}
                        aria-labelledby={named(idea.id, 'drop')}
                        className="danger"
                        onClick={() => void curate((where) => command('notepad:drop-idea', { ...where, ideaId: idea.id }))}
                      >
                        {t('notepad.ideas.drop')}
                      </button>
                    </span>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {unsent.length > 0 && (
        <ul className="key-ideas-waiting" aria-label={t('notepad.ideaOutbox.heading')}>
          {unsent.map((idea) => (
            <li key={idea.id}>
              <bdi className="key-idea-text" dir="auto">
                {idea.text}
              </bdi>{' '}
              <span className="muted">· {t('notepad.ideaOutbox.pending')}</span>
            </li>
          ))}
        </ul>
      )}
      <div role="alert">
        {outbox.refused && <p className="form-error">{t('notepad.ideaOutbox.refused', { text: outbox.refused.text, reason: refusalText(t, outbox.refused.error) })}</p>}
        {failure && <p className="form-error">{t('notepad.ideaOutbox.failed', { reason: refusalText(t, failure) })}</p>}
      </div>
      {canAdd && (
        <form onSubmit={add} className="button-row">
          <label htmlFor={newId}>{t('notepad.ideas.newLabel')}</label>
          <input ref={draftField} id={newId} value={draft} maxLength={KEY_IDEA_LIMITS.textLength} onChange={(e) => setDraft(e.target.value)} />
          <button type="submit" disabled={!draft.trim()}>
            {t('notepad.ideas.add')}
          </button>
        </form>
      )}
    </section>
  );
}

function useIdeas(doc: Y.Doc): KeyIdea[] {
  const read = () =>
    doc
      .getArray<unknown>(NOTEPAD_IDEAS)
      .toArray()
      .flatMap((m) => (m instanceof Y.Map ? [keyIdeaFromRecord(m.toJSON() as Record<string, unknown>)] : []))
      .filter((idea): idea is KeyIdea => idea !== null);
  const [ideas, setIdeas] = useState(read);
  useEffect(() => {
    const array = doc.getArray(NOTEPAD_IDEAS);
    const refresh = () => setIdeas(read());
    refresh();
    array.observeDeep(refresh);
    return () => array.unobserveDeep(refresh);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);
  return ideas;
}
