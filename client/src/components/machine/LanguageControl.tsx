import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../hooks/useCommand';
import { languageName } from '../translated';
import { WrittenIn } from './WrittenIn';
import '../translated/translated.css';

/**
 * "Language: English — Change" under one's own question, contribution or comment (MT39): the
 * author (or the staff) says which language it is really in (`content:set-original-language`).
 * The item comes back re-announced with its new language; the change is said in a status region.
 */
export function LanguageControl({ k, language }: { k: string; language: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { send, message } = useCommand();
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const [choice, setChoice] = useState(language);
  const change = useRef<HTMLButtonElement>(null);
  const reopened = useRef(false);
  // The language's name in the page's language ("French" on an English page), as the markers say it.
  const name = (tag: string) => languageName(tag, i18n.language);

  // Opening moves focus into the select; closing brings it back to "Change" (keyboard users keep their place).
  useEffect(() => {
    if (open) document.getElementById(`${id}-language`)?.focus();
    else if (reopened.current) change.current?.focus();
  }, [open, id]);

  function show() {
    setChoice(language);
    reopened.current = true;
    setUsed(true);
    setOpen(true);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (choice === language) {
      setOpen(false);
      return;
    }
    const ack = await send('content:set-original-language', { key: k, language: choice }, t('machineTranslation.languageChanged', { language: name(choice) }));
    if (ack) setOpen(false);
  }

  return (
    <div className="language-control">
      {open ? (
        <form className="language-control-form" onSubmit={(e) => void save(e)}>
          <WrittenIn id={`${id}-language`} value={choice} onChange={setChoice} />{' '}
          <button type="submit" className="secondary">
            {t('machineTranslation.saveLanguage')}
          </button>{' '}
          <button type="button" className="link-button" onClick={() => setOpen(false)}>
            {t('machineTranslation.cancel')}
          </button>
        </form>
      ) : (
        <>
          <span>{t('machineTranslation.languageIs', { language: name(language) })}</span>{' '}
          <button ref={change} type="button" className="link-button" aria-label={t('machineTranslation.changeLanguage')} onClick={show}>
            {t('machineTranslation.change')}
          </button>
        </>
      )}{' '}
      {/* Only once used: a list of questions need not carry a live region per row. It exists before the answer comes, so it is heard. */}
      {used && (
        <span role="status" className="language-control-status">
          {message && !message.error ? message.text : ''}
        </span>
      )}
      <span role="alert" className="form-error">
        {message?.error ? message.text : ''}
      </span>
    </div>
  );
}
