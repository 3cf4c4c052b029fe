import { ASSIGNABLE_ROLES, type AssignableRole } from '@open-talks/shared';
import type { ParticipantView } from '@open-talks/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/ConfirmDialog';
import { focusHeading } from '../../components/focus-heading';
import { command } from '../../net/realtime';

/** Who is here, live, with their role; the facilitator changes roles and removes people. */
export function PeopleTable({ participants, meId }: { participants: ParticipantView[]; meId: string }) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const confirmation = useConfirm();
  const nameOf = (p: ParticipantView) => p.displayName ?? t('words.anonymous');

  const changeRole = async (p: ParticipantView, role: AssignableRole) => {
    const ack = await command('participant:set-role', { participantId: p.id, role });
    setAnnouncement(ack.ok ? t('console.roleChanged', { name: nameOf(p), role: t(`words.role.${role}`) }) : t(`errors.${ack.error.code}`));
  };
  const remove = async (p: ParticipantView) => {
    if (!(await confirmation.ask({ question: t('console.confirmRemove', { name: nameOf(p) }), confirm: t('console.remove') }))) return;
    const ack = await command('participant:remove', { participantId: p.id });
    setAnnouncement(ack.ok ? t('console.removedAnnounce', { name: nameOf(p) }) : t(`errors.${ack.error.code}`));
    if (ack.ok) focusHeading('people-heading');
  };

  return (
    <section className="card people" aria-labelledby="people-heading">
      {confirmation.dialog}
      <h2 id="people-heading">
        {t('console.peopleHeading')} <span className="muted">({participants.length})</span>
      </h2>
      <p role="status" className="announce">
        {announcement}
      </p>
      <div className="table-scroll">
        <table className="people-table" data-testid="people-table">
          <thead>
            <tr>
              <th scope="col">{t('console.name')}</th>
              <th scope="col">{t('console.role')}</th>
              <th scope="col">{t('console.mode')}</th>
              <th scope="col">{t('console.group')}</th>
              <th scope="col">{t('console.status')}</th>
              <th scope="col">{t('console.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr key={p.id} data-participant={p.id}>
                <th scope="row">
                  {nameOf(p)}
                  {p.id === meId && <span className="muted"> ({t('console.you')})</span>}
                  {p.hub && (
                    <span className="hub-details" data-testid="hub-details">
                      <br />
                      {t('hubs.row', {
                        name: p.hub.name,
                        place: p.hub.place || '—',
                        people: t('hubs.peopleCount', { count: p.hub.headcount }),
                        groups: p.hub.groups.map((g) => t(`words.group.${g}`)).join(', '),
                      })}
                    </span>
                  )}
                </th>
                <td>
                  {/* Neither role is handed out: a hub joins as one (HUB6). */}
                  {p.role === 'facilitator' || p.role === 'hub' ? (
                    t(`words.role.${p.role}`)
                  ) : (
                    <select aria-label={t('console.changeRoleFor', { name: nameOf(p) })} value={p.role} onChange={(e) => void changeRole(p, e.target.value as AssignableRole)}>
                      {ASSIGNABLE_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`words.role.${role}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>{t(`words.mode.${p.mode}`)}</td>
                <td>{t(`words.group.${p.stakeholderGroup}`)}</td>
                <td>
                  <span className={p.online ? 'status online' : 'status offline'}>
                    <span aria-hidden="true">{p.online ? '●' : '○'} </span>
                    {p.online ? t('console.online') : t('console.offline')}
                  </span>
                </td>
                <td>
                  {p.role !== 'facilitator' && (
                    <button type="button" className="danger" aria-label={t('console.removeFor', { name: nameOf(p) })} onClick={() => void remove(p)}>
                      {t('console.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
