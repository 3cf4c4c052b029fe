import type { Poll } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';
import { Bilingual, keys } from '../../components/translated';
import { VoteAt } from './VoteAt';

/** An open poll (PROJ8): its question, its options or scale, and where to vote. */
export function PollOpenProjector({ poll, joinCode }: { poll: Poll; joinCode: string }) {
  const { t } = useTranslation();
  return (
    <section className="pj-poll" aria-labelledby="pj-poll-question" data-testid="projector-poll">
      <div className="pj-poll-main">
        <p className="pj-kicker">{t('projector.poll')}</p>
        <h2 id="pj-poll-question" className="pj-poll-question">
          <Bilingual k={keys.pollQuestion(poll.id)} text={poll.question} />
        </h2>
        {(poll.kind === 'single' || poll.kind === 'multiple') && (
          <ol className="pj-options">
            {poll.options.map((option) => (
              <li key={option.id}>
                <Bilingual k={keys.pollOption(poll.id, option.id)} text={option.label} />
              </li>
            ))}
          </ol>
        )}
        {poll.kind === 'rating' && poll.scale && (
          <div className="pj-scale">
            <p>{t('projector.rateFrom', { min: poll.scale.min, max: poll.scale.max })}</p>
            <ol className="pj-scale-points" aria-hidden="true">
              {Array.from({ length: poll.scale.max - poll.scale.min + 1 }, (_, i) => (
                <li key={i}>{poll.scale!.min + i}</li>
              ))}
            </ol>
            {(poll.scale.minLabel || poll.scale.maxLabel) && (
              <p className="pj-scale-ends">
                <span>
                  <bdi>{poll.scale.minLabel && `${poll.scale.min}: ${poll.scale.minLabel}`}</bdi>
                </span>
                <span>
                  <bdi>{poll.scale.maxLabel && `${poll.scale.max}: ${poll.scale.maxLabel}`}</bdi>
                </span>
              </p>
            )}
          </div>
        )}
        {poll.kind === 'text' && <p className="pj-short-answer">{t('projector.shortAnswer')}</p>}
      </div>
      <VoteAt joinCode={joinCode} label="vote" />
    </section>
  );
}
