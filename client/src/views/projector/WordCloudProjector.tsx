import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { estimateWidth, layoutWordCloud, type CloudWord } from './word-cloud-layout';

const COUNT_SCALE = 0.5; // the count is written at half the word's size…
const COUNT_MIN = 20; // px, …but never smaller than this (projector.css)

/** A short-text poll's words (PROJ10): sized by count, placed without overlap, each with its count in text. */
export function WordCloudProjector({ words, compact = false }: { words: readonly CloudWord[]; compact?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<{ width: number; height: number; font: string }>();
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setBox({ width: element.clientWidth, height: element.clientHeight, font: getComputedStyle(element).fontFamily });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const placed = useMemo(() => {
    if (!box || box.width === 0) return [];
    const base = compact ? 22 : 30;
    return layoutWordCloud(words, {
      width: box.width,
      height: box.height,
      minSize: base,
      maxSize: compact ? 64 : 150,
      // The count follows the word at half its size: measured with it, so it never overlaps.
      measure: (word, size) => Math.ceil(textWidth(word, size, box.font) + textWidth(' 0000', Math.max(size * COUNT_SCALE, COUNT_MIN), box.font)),
    });
  }, [words, box, compact]);
  const left = words.filter((w) => !placed.some((p) => p.key === w.key));
  if (words.length === 0) return <p className="pj-muted">{t('townhall.poll.noAnswers')}</p>;
  return (
    <>
      <div ref={ref} className={compact ? 'pj-cloud pj-cloud-compact' : 'pj-cloud'}>
        <ul className="pj-cloud-words" data-testid="projector-word-cloud">
          {placed.map((w) => (
            <li
              key={w.key}
              dir="auto"
              data-testid="projector-word"
              style={{ left: w.x - w.width / 2, top: w.y - w.height / 2, inlineSize: w.width, blockSize: w.height, fontSize: w.size }}
            >
              <span className="pj-word">{w.word}</span> <span className="pj-word-count">{w.count}</span>
            </li>
          ))}
        </ul>
      </div>
      {left.length > 0 && (
        <p className="pj-cloud-rest">
          {t('projector.notAllShown')}{' '}
          {left.map((w) => (
            <span key={w.key} dir="auto">
              {w.word} ({w.count}){' '}
            </span>
          ))}
        </p>
      )}
    </>
  );
}

let context: CanvasRenderingContext2D | null | undefined;

/** The rendered width of bold text (canvas measureText), or a safe estimate without a canvas. */
function textWidth(text: string, size: number, font: string): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return estimateWidth(text, size);
  context.font = `800 ${size}px ${font}`;
  return Math.max(context.measureText(text).width, 0);
}
