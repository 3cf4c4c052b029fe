// SER28–SER30, SER35: the organiser makes a personal link per rapporteur (shown once) and removes them.
import type { SeriesMemberView } from '@open-talks/shared/series';
import { LIMITS } from '@open-talks/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField';
import { focusHeading } from '../../components/focus-heading';
import type { RequestError } from '../../net/api';
import { seriesApi } from './series-api';
import { SeriesError } from './SeriesError';

interface Props {
  seriesId: string;
  token: string;
  members: SeriesMemberView[];
  selfId: string;
  onChanged: () => Promise<void>;
}

export function Rapporteurs({ seriesId, token, members, selfId, onChanged }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [link, setLink] = useState<{ name: string; url: string }>();
  const [error, setError] = useState<RequestError>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const rapporteurs = members.filter((m) => m.id !== selfId);
  const nameOf = (m: SeriesMemberView) => m.displayName ?? t('seriesCore.rapporteurs.unnamed');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const added = await seriesApi.addRapporteur(seriesId, token, name.trim());
      // Without a configured public URL the server may answer a relative link: made whole here to share.
      setLink({ name: added.member.displayName ?? '', url: added.link.startsWith('/') ? `${location.origin}${added.link}` : added.link });
      setName('');
      await onChanged();
    } catch (e) {
      setError(e as RequestError);
    }
    setBusy(false);
  };

  const remove = async (member: SeriesMemberView) => {
    setError(undefined);
    try {
      await seriesApi.removeMember(seriesId, token, member.id);
      await onChanged();
      setStatus(t('seriesCore.rapporteurs.removed', { name: nameOf(member) }));
      focusHeading('series-rapporteurs-heading');
    } catch (e) {
      setError(e as RequestError);
    }
  };

  return (
    <section aria-labelledby="series-rapporteurs-heading" className="card">
      <h2 id="series-rapporteurs-heading">{t('seriesCore.rapporteurs.heading')}</h2>
      <p className="hint">{t('seriesCore.rapporteurs.explain')}</p>
      {rapporteurs.length === 0 ? (
        <p>{t('seriesCore.rapporteurs.none')}</p>
      ) : (
        <ul className="plain-list">
          {rapporteurs.map((m) => (
            <li key={m.id}>
              <span dir="auto">{nameOf(m)}</span>{' '}
              <button type="button" className="secondary" onClick={() => void remove(m)}>
                {t('seriesCore.rapporteurs.remove', { name: nameOf(m) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate>
        <label htmlFor="series-rapporteur-name">{t('seriesCore.rapporteurs.nameLabel')}</label>
        <input id="series-rapporteur-name" maxLength={LIMITS.displayNameLength} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={busy}>
          {t('seriesCore.rapporteurs.make')}
        </button>
      </form>
      {link && (
        <CopyField
          label={link.name ? t('seriesCore.rapporteurs.linkFor', { name: link.name }) : t('seriesCore.rapporteurs.link')}
          value={link.url}
          hint={t('seriesCore.rapporteurs.linkHint')}
        />
      )}
      <SeriesError error={error} />
      <p role="status">{status}</p>
    </section>
  );
}
