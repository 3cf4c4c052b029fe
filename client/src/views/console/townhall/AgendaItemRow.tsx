import type { AgendaView } from '@open-talks/shared/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../components/ConfirmDialog';
import { focusHeading } from '../../../components/focus-heading';
import { keys, Translated } from '../../../components/translated';
import type { Commands } from '../../../hooks/useCommand';

type Item = AgendaView['items'][number];
const MINUTE = 60_000; // ms

/** One agenda item; items not yet started can be edited, removed and moved (AGENDA2). */
export function AgendaItemRow({ item, index, firstMovable, last, commands }: { item: Item; index: number; firstMovable: number; last: number; commands: Commands }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const confirmation = useConfirm();
  const { send, busy } = commands;
  const minutes = Math.round((item.durationMs / MINUTE) * 10) / 10;
  const move = (by: number) => void send('agenda:move', { itemId: item.id, toIndex: index + by }, t('thConsole.agenda.moved', { title: item.title }));
  const remove = async () => {
    if (await confirmation.ask({ question: t('thConsole.agenda.confirmRemove', { title: item.title }), confirm: t('thConsole.remove') })) {
      if (await send('agenda:remove', { itemId: item.id }, t('thConsole.agenda.removed', { title: item.title }))) focusHeading('th-agenda-heading');
    }
  };

  return (
    <li className={`th-agenda-item th-agenda-${item.status}`} data-item={item.id}>
      {confirmation.dialog}
      {editing ? (
        <EditItem item={item} minutes={minutes} commands={commands} onClose={() => setEditing(false)} />
      ) : (
        <>
          <Translated k={keys.agendaTitle(item.id)} text={item.title} className="th-agenda-title" />{' '}
          <span className="th-meta">
            <span>{t('thConsole.minutes', { count: minutes })}</span>
            <span className="th-badge">{t(`thConsole.agenda.status.${item.status}`)}</span>
          </span>
          {item.status === 'upcoming' && (
            <span className="th-row-actions">
              <button type="button" className="secondary" aria-disabled={busy} onClick={() => setEditing(true)} aria-label={t('thConsole.agenda.editItem', { title: item.title })}>
                {t('thConsole.edit')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={index <= firstMovable}
                aria-disabled={busy}
                onClick={() => move(-1)}
                aria-label={t('thConsole.agenda.moveUp', { title: item.title })}
              >
                <span aria-hidden="true">↑ </span>
                {t('thConsole.up')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={index >= last}
                aria-disabled={busy}
                onClick={() => move(1)}
                aria-label={t('thConsole.agenda.moveDown', { title: item.title })}
              >
                <span aria-hidden="true">↓ </span>
                {t('thConsole.down')}
              </button>
              <button type="button" className="danger" aria-disabled={busy} onClick={() => void remove()} aria-label={t('thConsole.agenda.removeItem', { title: item.title })}>
                {t('thConsole.remove')}
              </button>
            </span>
          )}
        </>
      )}
    </li>
  );
}

function EditItem({ item, minutes, commands, onClose }: { item: Item; minutes: number; commands: Commands; onClose: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(item.title);
  const [duration, setDuration] = useState(String(minutes));
  async function submit(event: FormEvent) {
    event.preventDefault();
    const ack = await commands.send(
      'agenda:edit',
      { itemId: item.id, title: title.trim(), durationMinutes: Number(duration) },
      t('thConsole.agenda.saved', { title: title.trim() }),
    );
    if (ack) onClose();
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={`th-ai-${item.id}`}>{t('thConsole.agenda.title')}</label>
      <input id={`th-ai-${item.id}`} className="th-grow" value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus dir="auto" />
      <label htmlFor={`th-am-${item.id}`}>{t('thConsole.agenda.minutes')}</label>
      <input id={`th-am-${item.id}`} type="number" min={1} max={240} step="any" value={duration} onChange={(e) => setDuration(e.target.value)} required />
      <button type="submit" aria-disabled={commands.busy}>
        {t('thConsole.save')}
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        {t('thConsole.cancel')}
      </button>
    </form>
  );
}
