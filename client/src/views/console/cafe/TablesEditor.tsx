import { CAFE_DEFAULTS, CAFE_LIMITS, TABLE_KINDS, type CafeTable, type TableKind } from '@open-talks/shared';
import type { ParticipantView } from '@open-talks/shared/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Message } from './Message';
import { useCommand } from '../../../hooks/useCommand';

type Draft = Omit<CafeTable, 'id' | 'hubParticipantId'> & { id?: string; key: string };

let nextKey = 0;
const toDraft = ({ hubParticipantId: _hub, ...table }: Omit<CafeTable, 'id' | 'hubParticipantId'> & { id?: string; hubParticipantId?: string | null }): Draft => ({
  ...table,
  key: table.id ?? `new-${nextKey++}`,
});

/** The café's tables: made from who is here, or written one by one; hosts stay all rounds. */
export function TablesEditor({ tables, participants }: { tables: CafeTable[]; participants: ParticipantView[] }) {
  const { t } = useTranslation();
  const { send, message, busy } = useCommand();
  // A hub's table is the server's (SEAT11: made when the hub joins, kept when tables are saved).
  const editable = (list: CafeTable[]) => list.filter((table) => table.hubParticipantId === null).map(toDraft);
  const hubTables = tables.filter((table) => table.hubParticipantId !== null);
  const [drafts, setDrafts] = useState<Draft[]>(() => editable(tables));
  const [size, setSize] = useState<number>(CAFE_DEFAULTS.tableSize);
  useEffect(() => {
    setDrafts(editable(tables));
  }, [tables]);

  const hostsFor = (kind: TableKind) => participants.filter((p) => (p.role === 'participant' || p.role === 'host') && (kind === 'hybrid' || kind === p.mode));
  const update = (key: string, change: Partial<Draft>) => setDrafts((list) => list.map((d) => (d.key === key ? { ...d, ...change } : d)));
  const add = () =>
    setDrafts((list) => [...list, toDraft({ label: String(list.length + 1), kind: 'in-room', capacity: CAFE_DEFAULTS.tableSize, hostParticipantId: null, videoUrl: null })]);
  const save = () =>
    send(
      'cafe:set-tables',
      {
        tables: drafts.map(({ key: _key, ...d }) => ({
          ...(d.id && { id: d.id }),
          label: d.label,
          kind: d.kind,
          capacity: d.capacity,
          hostParticipantId: d.hostParticipantId,
          videoUrl: d.kind === 'in-room' || !d.videoUrl ? null : d.videoUrl,
        })),
      },
      t('cafe.tablesSaved'),
    );

  return (
    <section className="card" aria-labelledby="tables-heading">
      <h3 id="tables-heading">{t('cafe.tablesHeading')}</h3>
      <div className="inline-form">
        <label htmlFor="auto-size">{t('cafe.tableSize')}</label>
        <input id="auto-size" type="number" min={2} max={CAFE_LIMITS.tableCapacity - 1} value={size} onChange={(e) => setSize(Number(e.target.value))} />
        <button type="button" disabled={busy} onClick={() => void send('cafe:make-tables', { tableSize: size }, t('cafe.tablesSaved'))}>
          {t('cafe.makeTables')}
        </button>
      </div>
      <p className="hint">{t('cafe.makeTablesHint')}</p>
      {drafts.length > 0 && (
        // One fieldset per table whose fields wrap: every control stays in view at any width
        // (a six-column table clipped Host, Video room and Remove at 768 and 1280 px).
        <ol className="tables-editor" data-testid="tables-editor">
          {drafts.map((d, i) => (
            <li key={d.key} className="tables-editor-row">
              <fieldset>
                <legend>{t('cafeTables.legend', { n: i + 1 })}</legend>
                <label className="tables-editor-field">
                  <span>{t('cafe.label')}</span>
                  <input
                    aria-label={t('cafe.labelOf', { n: i + 1 })}
                    maxLength={CAFE_LIMITS.labelLength}
                    value={d.label}
                    onChange={(e) => update(d.key, { label: e.target.value })}
                  />
                </label>
                <label className="tables-editor-field">
                  <span>{t('cafe.kind')}</span>
                  <select aria-label={t('cafe.kindOf', { n: i + 1 })} value={d.kind} onChange={(e) => update(d.key, { kind: e.target.value as TableKind })}>
                    {TABLE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`cafe.kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="tables-editor-field tables-editor-seats">
                  <span>{t('cafe.capacity')}</span>
                  <input
                    aria-label={t('cafe.capacityOf', { n: i + 1 })}
                    type="number"
                    min={1}
                    max={CAFE_LIMITS.tableCapacity}
                    value={d.capacity}
                    onChange={(e) => update(d.key, { capacity: Number(e.target.value) })}
                  />
                </label>
                <label className="tables-editor-field">
                  <span>{t('cafe.host')}</span>
                  <select
                    aria-label={t('cafe.hostOf', { n: i + 1 })}
                    value={d.hostParticipantId ?? ''}
                    onChange={(e) => update(d.key, { hostParticipantId: e.target.value || null })}
                  >
                    <option value="">{t('cafe.noHost')}</option>
                    {hostsFor(d.kind).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.displayName ?? t('words.anonymous')}
                      </option>
                    ))}
                  </select>
                </label>
                {d.kind !== 'in-room' && (
                  <label className="tables-editor-field tables-editor-url">
                    <span>{t('cafe.videoUrl')}</span>
                    <input
                      aria-label={t('cafe.videoUrlOf', { n: i + 1 })}
                      type="url"
                      placeholder="https://"
                      value={d.videoUrl ?? ''}
                      onChange={(e) => update(d.key, { videoUrl: e.target.value })}
                    />
                  </label>
                )}
                <button
                  type="button"
                  className="danger tables-editor-remove"
                  aria-label={t('cafe.removeTableOf', { n: i + 1 })}
                  onClick={() => setDrafts((list) => list.filter((x) => x.key !== d.key))}
                >
                  {t('console.remove')}
                </button>
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      {hubTables.length > 0 && (
        <p className="hint" data-testid="hub-tables">
          {t('cafe.hubTablesHint', { tables: hubTables.map((table) => table.label).join(', ') })}
        </p>
      )}
      <p className="button-row">
        <button type="button" className="secondary" onClick={add}>
          {t('cafe.addTable')}
        </button>
        <button type="button" disabled={busy} onClick={() => void save()}>
          {t('cafe.saveTables')}
        </button>
      </p>
      <Message message={message} />
    </section>
  );
}
