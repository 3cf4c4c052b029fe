import { LIMITS, MODES, STAKEHOLDER_GROUPS, LANGUAGES, isLanguage, normalizeJoinCode, type Mode, type StakeholderGroup, type Language } from '@open-talks/shared';
import { HUB_LIMITS, HUB_MAX_HEADCOUNT, type SessionPreview } from '@open-talks/shared/protocol';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { FormError } from '../components/FormError';
import { JoinCodeForm } from '../components/JoinCodeForm';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { currentLanguage, setLanguage } from '../i18n';
import { api, request, RequestError } from '../net/api';
import { findByJoinCode, forgetToken, saveCredential } from '../state/credentials';

export function Join({ code: codeParam }: { code: string | undefined }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const asObserver = new URLSearchParams(useSearch()).get('as') === 'observer';
  const code = codeParam ? normalizeJoinCode(codeParam) : null;
  const [preview, setPreview] = useState<SessionPreview>();
  const [previewError, setPreviewError] = useState<RequestError>();
  const [resuming, setResuming] = useState(false);
  useDocumentTitle(code ? t(asObserver ? 'title.joinObserver' : 'title.join') : t('title.joinCode'), preview?.title);

  // Already joined from this browser? Go back to where we were instead of joining twice.
  useEffect(() => {
    if (!code) return;
    const existing = findByJoinCode(code);
    if (existing?.token) {
      setResuming(true);
      api.session(existing.sessionId, existing.token).then(
        () => navigate(existing.facilitator ? `/s/${existing.sessionId}/console` : `/s/${existing.sessionId}`, { replace: true }),
        (error: RequestError) => {
          if (error.code === 'removed' || error.code === 'unauthenticated') forgetToken(existing.sessionId);
          setResuming(false);
        },
      );
    }
    api.preview(code).then((r) => setPreview(r.session), setPreviewError);
  }, [code, navigate]);

  if (resuming) return <p role="status">{t('join.alreadyJoined')}</p>;

  const heading = preview ? t(asObserver ? 'join.observerTitle' : 'join.title', { title: preview.title }) : t('join.titleUnknown');
  return (
    <div className="join narrow">
      <h1>{heading}</h1>
      {preview && <p className="muted">{t(`words.format.${preview.format}`)}</p>}
      {previewError && <FormError error={previewError} />}
      {!code && <JoinCodeForm idPrefix="join" />}
      {code && preview && <JoinForm code={code} preview={preview} asObserver={asObserver} />}
      {code && preview?.format === 'consultation' && !asObserver && <LostLink code={code} />}
    </div>
  );
}

function JoinForm({ code, preview, asObserver }: { code: string; preview: SessionPreview; asObserver: boolean }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [group, setGroup] = useState<StakeholderGroup | ''>('');
  const [mode, setMode] = useState<Mode | ''>('');
  const [language, setLang] = useState<Language>(currentLanguage());
  const [missing, setMissing] = useState<{ group?: boolean; mode?: boolean }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError>();
  const [invitation, setInvitation] = useState('');
  const consultation = preview.format === 'consultation' && !asObserver;
  const [isHub, setIsHub] = useState(false);
  const [hubName, setHubName] = useState('');
  const [hubPlace, setHubPlace] = useState('');
  const [hubHeadcount, setHubHeadcount] = useState('');
  const [hubGroups, setHubGroups] = useState<StakeholderGroup[]>([]);
  const [hubMissing, setHubMissing] = useState<{ name?: boolean; headcount?: boolean; groups?: boolean }>({});
  const headcount = Number(hubHeadcount);
  const headcountValid = Number.isInteger(headcount) && headcount >= 1 && headcount <= HUB_MAX_HEADCOUNT;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isHub) {
      // A hub is remote (HUB2); its groups are the ones present, its coordinator's group the first of them.
      const wrong = { name: !hubName.trim(), headcount: !headcountValid, groups: hubGroups.length === 0 };
      setHubMissing(wrong);
      const first = wrong.name ? 'join-hub-name' : wrong.headcount ? 'join-hub-headcount' : wrong.groups ? `join-hub-group-${STAKEHOLDER_GROUPS[0]}` : null;
      if (first) {
        document.getElementById(first)?.focus();
        return;
      }
    } else if (!group || !mode) {
      setMissing({ group: !group, mode: !mode });
      document.getElementById(!group ? 'join-group' : 'join-mode-in-room')?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const joined = await api.join({
        joinCode: code,
        displayName: anonymous || !name.trim() ? null : name.trim(),
        language,
        ...(isHub
          ? {
              stakeholderGroup: hubGroups[0]!,
              mode: 'remote' as const,
              role: 'hub' as const,
              hub: { name: hubName.trim(), place: hubPlace.trim(), headcount, groups: hubGroups },
            }
          : { stakeholderGroup: group as StakeholderGroup, mode: mode as Mode, role: asObserver ? ('observer' as const) : ('participant' as const) }),
        ...(consultation && invitation.trim() && { invitationCode: invitation.trim() }),
      });
      saveCredential({ sessionId: joined.session.id, joinCode: joined.session.joinCode, title: joined.session.title, format: joined.session.format, token: joined.token });
      navigate(`/s/${joined.session.id}`);
    } catch (e) {
      setError(e as RequestError);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="card">
      <p className="notice">{t('join.attributionNotice', { rule: t(`words.attribution.${preview.attribution}`) })}</p>
      {asObserver && <p className="notice">{t('join.observerNote')}</p>}

      <label htmlFor="join-name">{t('join.nameLabel')}</label>
      <input
        id="join-name"
        autoComplete="nickname"
        maxLength={LIMITS.displayNameLength}
        value={anonymous ? '' : name}
        disabled={anonymous}
        aria-describedby="join-name-hint"
        onChange={(e) => setName(e.target.value)}
      />
      <p id="join-name-hint" className="hint">
        {t('join.nameHint')}
      </p>
      <label className="choice">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        {t('join.anonymousLabel')}
      </label>

      {!asObserver && (
        <label className="choice">
          <input type="checkbox" id="join-as-hub" checked={isHub} aria-controls="join-hub-fields" aria-expanded={isHub} onChange={(e) => setIsHub(e.target.checked)} />
          {t('hubs.join.option')}
        </label>
      )}
      {isHub ? (
        <fieldset id="join-hub-fields">
          <legend>{t('hubs.join.legend')}</legend>
          <label htmlFor="join-hub-name">{t('hubs.join.name')}</label>
          <input
            id="join-hub-name"
            required
            maxLength={HUB_LIMITS.nameLength}
            value={hubName}
            aria-invalid={Boolean(hubMissing.name)}
            aria-describedby="join-hub-name-error"
            onChange={(e) => setHubName(e.target.value)}
          />
          <p id="join-hub-name-error" className="form-error" role="alert">
            {hubMissing.name ? t('errors.required') : ''}
          </p>
          <label htmlFor="join-hub-place">{t('hubs.join.place')}</label>
          <input id="join-hub-place" maxLength={HUB_LIMITS.placeLength} value={hubPlace} onChange={(e) => setHubPlace(e.target.value)} />
          <label htmlFor="join-hub-headcount">{t('hubs.join.headcount')}</label>
          <input
            id="join-hub-headcount"
            type="number"
            inputMode="numeric"
            required
            min={1}
            max={HUB_MAX_HEADCOUNT}
            value={hubHeadcount}
            aria-invalid={Boolean(hubMissing.headcount)}
            aria-describedby="join-hub-headcount-error"
            onChange={(e) => setHubHeadcount(e.target.value)}
          />
          <p id="join-hub-headcount-error" className="form-error" role="alert">
            {hubMissing.headcount ? t('errors.required') : ''}
          </p>
          <fieldset aria-describedby="join-hub-groups-hint join-hub-groups-error" aria-invalid={Boolean(hubMissing.groups)}>
            <legend>{t('hubs.join.groups')}</legend>
            <p id="join-hub-groups-hint" className="hint">
              {t('hubs.join.groupsHint')}
            </p>
            {STAKEHOLDER_GROUPS.map((g) => (
              <label key={g} className="choice">
                <input
                  id={`join-hub-group-${g}`}
                  type="checkbox"
                  checked={hubGroups.includes(g)}
                  onChange={(e) => setHubGroups((list) => (e.target.checked ? STAKEHOLDER_GROUPS.filter((x) => x === g || list.includes(x)) : list.filter((x) => x !== g)))}
                />
                {t(`words.group.${g}`)}
              </label>
            ))}
            <p id="join-hub-groups-error" className="form-error" role="alert">
              {hubMissing.groups ? t('errors.required') : ''}
            </p>
          </fieldset>
        </fieldset>
      ) : (
        <>
          <label htmlFor="join-group">{t('join.groupLabel')}</label>
          <select
            id="join-group"
            required
            value={group}
            aria-invalid={Boolean(missing.group)}
            aria-describedby="join-group-error"
            onChange={(e) => {
              setGroup(e.target.value as StakeholderGroup);
              setMissing((m) => ({ ...m, group: false }));
            }}
          >
            <option value="" disabled>
              —
            </option>
            {STAKEHOLDER_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`words.group.${g}`)}
              </option>
            ))}
          </select>
          <p id="join-group-error" className="form-error" role="alert">
            {missing.group ? t('errors.required') : ''}
          </p>

          <fieldset aria-describedby="join-mode-error" aria-invalid={Boolean(missing.mode)}>
            <legend>{t('join.modeLabel')}</legend>
            {MODES.map((m) => (
              <label key={m} className="choice">
                <input
                  id={`join-mode-${m}`}
                  type="radio"
                  name="mode"
                  value={m}
                  required
                  checked={mode === m}
                  onChange={() => {
                    setMode(m);
                    setMissing((x) => ({ ...x, mode: false }));
                  }}
                />
                {t(`words.mode.${m}`)}
              </label>
            ))}
            <p id="join-mode-error" className="form-error" role="alert">
              {missing.mode ? t('errors.required') : ''}
            </p>
          </fieldset>
        </>
      )}

      <label htmlFor="join-language">{t('join.languageLabel')}</label>
      <select
        id="join-language"
        value={language}
        onChange={(e) => {
          if (!isLanguage(e.target.value)) return;
          setLang(e.target.value);
          void setLanguage(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`words.languageName.${l}`)}
          </option>
        ))}
      </select>

      {consultation && (
        <>
          <label htmlFor="join-invitation">{t('consult.join.invitation')}</label>
          <input id="join-invitation" value={invitation} onChange={(e) => setInvitation(e.target.value)} autoComplete="off" aria-describedby="join-invitation-hint" />
          <p id="join-invitation-hint" className="hint">
            {t('consult.join.invitationHint')}
          </p>
        </>
      )}
      <FormError error={error} />
      <button type="submit" disabled={busy}>
        {busy ? t('join.joining') : t(asObserver ? 'join.submitObserver' : 'join.submit')}
      </button>
    </form>
  );
}

/** "Send me my link again" (CONS19): the answer is the same whether or not the address is known. */
function LostLink({ code }: { code: string }) {
  const { t } = useTranslation();
  const [joinCode, setJoinCode] = useState(code);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<RequestError>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSent(false);
    try {
      await request<{ sent: true }>('POST', '/api/consultation-link', { joinCode: normalizeJoinCode(joinCode) ?? joinCode.trim(), email: email.trim() });
      setSent(true);
    } catch (e) {
      setError(e as RequestError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="card lost-link">
      <summary>{t('consult.lostLink.summary')}</summary>
      <form onSubmit={submit}>
        <p className="hint">{t('consult.lostLink.explain')}</p>
        <label htmlFor="lost-code">{t('consult.lostLink.code')}</label>
        <input id="lost-code" required autoComplete="off" value={joinCode} onChange={(e) => setJoinCode(e.target.value)} />
        <label htmlFor="lost-email">{t('consult.lostLink.email')}</label>
        <input id="lost-email" type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        {/* The reason alone (mail is off, say): "internal" is no fault of the person's. */}
        <p className="form-error" role="alert">
          {error ? (error.reason ? t(`reasons.${error.reason}`, { defaultValue: t(`errors.${error.code}`) }) : t(`errors.${error.code}`)) : ''}
        </p>
        <p role="status">{sent ? t('consult.lostLink.sent') : ''}</p>
        <button type="submit" disabled={busy}>
          {t('consult.lostLink.send')}
        </button>
      </form>
    </details>
  );
}
