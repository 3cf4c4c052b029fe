import { KEY_IDEA_LIMITS, keyIdeaFromRecord, moveIndex, NOTEPAD_IDEAS, type KeyIdea } from '@open-talks/shared';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';

interface Props {
  doc: Y.Doc;
  /** May add ideas (anyone who may write here). */
  canAdd: boolean;
  /** May mark, edit, reorder and drop them (the host, or anyone if the table has none). */
  canCurate: boolean;
  /** Recorded on each new idea, as the session's attribution allows. */
  author: { author: string | null; group: string | null };
  round: number;
  tableId: string | null;
}

/** Plain key ideas in the notepad's Y.Array (NOTE8); exports read the same data without the editor. */
export function KeyIdeas({ doc, canAdd, canCurate, author, round, tableId }: Props) {
  const { t } = useTranslation();
  const ideas = useIdeas(doc);
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const headingId = useId();
  const newId = useId();
  const array = doc.getArray<Y.Map<unknown>>(NOTEPAD_IDEAS);

  const indexOf = (id: string) => array.toArray().findIndex((m) => m.get('id') === id);

  function add(event: FormEvent) {
    event.preventDefault();
    const text = draft.trim();
    if (!text || ideas.length >= KEY_IDEA_LIMITS.perNotepad) return;
    const idea = new Y.Map<unknown>();
    const values: KeyIdea = { id: crypto.randomUUID(), text, ...author, round, tableId, createdAt: Date.now(), marked: false };
    doc.transact(() => {
      array.push([idea]);
      for (const [key, value] of Object.entries(values)) idea.set(key, value);
    });
    setDraft('');
  }

  function move(id: string, delta: number) {
    const from = indexOf(id);
    const to = moveIndex(array.length, from, delta);
    if (from < 0 || to === from) return;
    // Yjs arrays have no move: the idea is copied to its new place and the old one deleted, in one transaction.
    doc.transact(() => {
      const copy = new Y.Map<unknown>();
      const record = array.get(from).toJSON() as Record<string, unknown>;
      array.delete(from, 1);
      array.insert(to, [copy]);
      for (const [key, value] of Object.entries(record)) copy.set(key, value);
    });
    // Keep the keyboard where it was: on the same button of the moved idea.
    requestAnimationFrame(() => document.getElementById(`${headingId}-${id}-${delta < 0 ? 'up' : 'down'}`)?.focus());
  }

  function update(id: string, change: (map: Y.Map<unknown>) => void) {
    const index = indexOf(id);
    if (index >= 0) doc.transact(() => change(array.get(index)));
  }

  function drop(id: string) {
    const index = indexOf(id);
    if (index >= 0) array.delete(index, 1);
  }

  function saveEdit(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const text = editing.text.trim();
    if (text) update(editing.id, (m) => m.set('text', text));
    setEditing(null);
  }

  return (
    <section className="key-ideas" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('notepad.ideas.heading')}</h3>
      {ideas.length === 0 ? (
        <p className="muted">{t('notepad.ideas.empty')}</p>
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
                  <span className="key-idea-text">{idea.text}</span>
                  {idea.marked && <span className="badge">{t('notepad.ideas.marked')}</span>}
                  {(idea.author ?? idea.group) && <span className="muted"> · {t('notepad.ideas.by', { author: idea.author ?? t(`words.group.${idea.group}`) })}</span>}
                  {canCurate && (
                    <span className="button-row key-idea-actions">
                      <button type="button" className="secondary" aria-pressed={idea.marked} onClick={() => update(idea.id, (m) => m.set('marked', !idea.marked))}>
                        {t('notepad.ideas.mark')}
                      </button>
                      <button type="button" className="secondary" onClick={() => setEditing({ id: idea.id, text: idea.text })}>
                        {t('notepad.ideas.edit')}
                      </button>
                      <button type="button" id={`${headingId}-${idea.id}-up`} className="secondary" disabled={index === 0} onClick={() => move(idea.id, -1)}>
                        {t('notepad.ideas.moveUp')}
                      </button>
                      <button type="button" id={`${headingId}-${idea.id}-down`} className="secondary" disabled={index === ideas.length - 1} onClick={() => move(idea.id, 1)}>
                        {t('notepad.ideas.moveDown')}
                      </button>
                      <button type="button" className="danger" onClick={() => drop(idea.id)}>
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
      {canAdd && (
        <form onSubmit={add} className="button-row">
          <label htmlFor={newId}>{t('notepad.ideas.newLabel')}</label>
          <input id={newId} value={draft} maxLength={KEY_IDEA_LIMITS.textLength} onChange={(e) => setDraft(e.target.value)} />
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
