import { CONSULTATION_LIMITS as L } from '@open-talks/shared/consultation';
import type { InvitationView } from '@open-talks/shared/protocol';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../../components/CopyField';
import { useDateTime } from './PreparePanel';
import { useSend } from './use-consultation';

/** CONS53: invitation codes for a consultation only invited people may join: make N, see which are used, copy. */
export function InvitationsPanel({ invitations }: { invitations: InvitationView[] }) {
  const { t } = useTranslation();
  const id = useId();
  const formatDate = useDateTime();
  const [count, setCount] = useState('10');
  const [made, setMade] = useState<InvitationView[]>([]);
  const { send, error, busy } = useSend();
  const [said, setSaid] = useState('');
  // The state's list, with the ones just made that its next update has not brought yet.
  const all = useMemo(() => {
    const known = new Set(invitations.map((i) => i.code));
    return [...invitations, ...made.filter((i) => !known.has(i.code))];
  }, [invitations, made]);
  const unused = all.filter((i) => i.usedAt === null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaid('');
    const ack = await send('consultation:invite', { count: Number(count) });
    if (!ack) return;
    setMade((m) => [...m, ...ack.invitations]);
    setSaid(t('consultConsole.invitations.made', { count: ack.invitations.length }));
  };

  return (
    <section className="card cc-invitations" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('consultConsole.invitations.heading')}</h2>
      <p className="hint">{t('consultConsole.invitations.hint')}</p>
      <form onSubmit={submit} className="cc-inline-form">
        <label htmlFor={`${id}-count`}>{t('consultConsole.invitations.count')}</label>
        <input id={`${id}-count`} type="number" min={1} max={L.invitationsPerRequest} value={count} onChange={(e) => setCount(e.target.value)} />
        <button type="submit" aria-disabled={busy}>
          {t('consultConsole.invitations.make')}
        </button>
      </form>
      <p className="form-error" role="alert">
        {error}
      </p>
      <p className="cc-said" role="status">
        {said}
      </p>
      {all.length > 0 && (
        <>
          <p>{t('consultConsole.invitations.summary', { unused: unused.length, used: all.length - unused.length })}</p>
          {unused.length > 0 && <CopyField label={t('consultConsole.invitations.copyUnused')} value={unused.map((i) => i.code).join('\n')} />}
          <div className="cc-table-wrap">
            <table className="cc-table">
              <caption className="visually-hidden">{t('consultConsole.invitations.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('consultConsole.invitations.code')}</th>
                  <th scope="col">{t('consultConsole.invitations.state')}</th>
                </tr>
              </thead>
              <tbody>
                {all.map((i) => (
                  <tr key={i.code}>
                    <td className="code" dir="ltr">
                      {i.code}
                    </td>
                    <td>{i.usedAt === null ? t('consultConsole.invitations.unused') : t('consultConsole.invitations.usedAt', { at: formatDate(i.usedAt) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
