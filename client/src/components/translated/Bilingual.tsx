import { useTranslation } from 'react-i18next';
import { useLive } from '../../state/live-store';
import { useTranslated } from './useTranslated';

/**
 * LANG70–LANG72: an organiser's text on the projector, in the screen's language and, when the
 * facilitator chose a second language, in that one beside it; each with its `lang` and `dir`.
 */
export function Bilingual({ k, text }: { k: string; text: string }) {
  const { i18n } = useTranslation();
  const second = useLive((s) => s.live?.session.projector?.secondLanguage ?? null);
  const first = useTranslated(k, text);
  const other = useTranslated(k, text, second ? { language: second } : {});
  if (!second || second === i18n.language) return <span {...first.attrs}>{first.shown.text}</span>;
  return (
    <span className="pj-bilingual" data-testid="pj-bilingual">
      <span {...first.attrs}>{first.shown.text}</span>
      <span className="pj-second" {...other.attrs}>
        {other.shown.text}
      </span>
    </span>
  );
}
