import { directionOf } from '@open-talks/shared';
import type { CaptionView } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';

const LINES = 2; // captions on the screen at once

/** Live captions along the bottom, over any mode (PROJ15): the last two lines, large. */
export function CaptionsBar({ captions }: { captions: readonly CaptionView[] }) {
  const { t } = useTranslation();
  const last = captions.slice(-LINES);
  if (last.length === 0) return null;
  return (
    <section className="projector-captions pj-captions" aria-label={t('townhall.captions.heading')} data-testid="projector-captions">
      {last.map((c) => (
        <p key={c.id} lang={c.language} dir={directionOf(c.language)}>
          {c.text}
        </p>
      ))}
    </section>
  );
}
