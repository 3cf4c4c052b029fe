import { SEATED_ROLES, type Attribution } from '@open-talks/shared';
import type { CafeLive, ParticipantView, SeatView, TablemateView } from '@open-talks/shared/protocol';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { seatEvent, type SeatAt } from '../../announce/policy';
import { useAnnounce } from '../../announce/store';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../../components/cafe/Countdown';
import { PromptList } from '../../components/cafe/PromptList';
import { tableName } from '../../components/cafe/table-name';
import { keys, Translated } from '../../components/translated';

// The editor is heavy: it loads only once the person has a table in a running round.
const TableNotepad = lazy(() => import('../../notepad/TableNotepad'));

/**
 * Where to go and what to talk about: "Round 2 of 3 — go to table 7, Lotus, host: Amina",
 * the question, the countdown, the video room for remote tables, and who else is there.
 */
export function CafeCard({
  cafe,
  attribution,
  me,
  sessionId,
  token,
}: {
  cafe: CafeLive;
  attribution: Attribution;
  me: ParticipantView;
  sessionId: string;
  token: string | undefined;
}) {
  const { t } = useTranslation();
  const { live, seat } = cafe;
  const total = live.rounds.length;
  const focus = live.focusRound;
  const question = focus ? live.rounds[focus - 1]?.question : undefined;
  const prompts = [...live.prompts, ...(seat?.prompts ?? [])];
  const seated = SEATED_ROLES.has(me.role);

  let heading: string;
  if (total === 0) heading = t('run.notSetUp');
  else if (live.phase === 'finished') heading = t('run.finished');
  else if (live.phase === 'not-started') heading = t('run.notStarted');
  else if (live.phase === 'between-rounds') heading = t('run.roundOver', { round: live.run.round, total });
  else heading = seat ? goTo(t, seat, total, attribution) : t('run.roundOf', { round: live.run.round, total });
  useCafeAnnouncements(heading, seat, seat ? `${t('run.next')} ${goTo(t, seat, total, attribution)}` : '');

  return (
    <section className="card cafe-card" aria-labelledby="cafe-card-heading" data-testid="cafe-card">
      {/* Not a live region of its own: its changes go through the view's announcer, at the participant's level (A11Y14). */}
      <h2 id="cafe-card-heading">{heading}</h2>
      {live.phase !== 'in-round' && seat && (
        <p className="next-seat" data-testid="next-seat">
          {t('run.next')} {goTo(t, seat, total, attribution)}
        </p>
      )}
      {seat?.youHost && <p className="notice">{t('run.youHost')}</p>}
      {!seat && seated && focus !== null && total > 0 && <p className="notice">{live.tables.some((x) => x.seated > 0) ? t('run.noSeat') : t('run.noPlanYet')}</p>}
      {question && focus !== null && (
        <div className="question-block">
          <h3>{t('run.question', { round: focus })}</h3>
          <Translated k={keys.roundQuestion(focus)} text={question} as="p" className="question" />
        </div>
      )}
      {live.phase === 'in-round' && <Countdown timer={live.run.timer} label={t('run.timeLeft')} kind="round" />}
      {seat?.table.videoUrl && (
        <p>
          <a className="video-link" href={seat.table.videoUrl} target="_blank" rel="noopener noreferrer">
            {t('run.videoRoom', { table: tableName(t, seat.table) })}
          </a>
        </p>
      )}
      {seat && <Tablemates seat={seat} attribution={attribution} />}
      {(prompts.length > 0 || live.phase === 'in-round') && <PromptList prompts={prompts} />}
      {seat && token && live.phase === 'in-round' && (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <TableNotepad sessionId={sessionId} token={token} seat={seat} me={me} attribution={attribution} />
        </Suspense>
      )}
    </section>
  );
}

/**
 * Says a new round or phase (what to act on) and a table that changed (addressed to this person),
 * never what the page showed when it loaded.
 */
function useCafeAnnouncements(heading: string, seat: SeatView | null, seatText: string): void {
  const say = useAnnounce((s) => s.say);
  const saidHeading = useRef(heading);
  const seatBefore = useRef<SeatAt | null | undefined>(undefined);
  const round = seat?.round ?? null;
  const tableId = seat?.table.id ?? null;
  // Said once per seat, in the words it has then: not again when only its words re-render.
  const words = useRef(seatText);
  words.current = seatText;
  useEffect(() => {
    if (saidHeading.current === heading) return;
    saidHeading.current = heading;
    say(heading, { kind: 'round-changed' });
  }, [heading, say]);
  useEffect(() => {
    const now: SeatAt | null = round !== null && tableId !== null ? { round, tableId } : null;
    const event = seatEvent(seatBefore.current, now);
    seatBefore.current = now;
    if (event && words.current) say(words.current, event);
  }, [round, tableId, say]);
}

/** "go to table 7" in a first round; then "you move to table 7" or "you stay at table 1 (you host it)" (SEAT10). */
function goTo(t: ReturnType<typeof useTranslation>['t'], seat: SeatView, total: number, attribution: Attribution): string {
  const table = tableName(t, seat.table);
  const round = seat.round;
  // `change` is absent from seats a server before SEAT10 sent.
  const change = seat.change ?? 'new';
  if (seat.youHost) return change === 'new' ? t('run.goToHosting', { round, total, table }) : t('seatMove.stayHosting', { round, total, table });
  const host = seat.host ? personName(t, seat.host, attribution) : null;
  if (change === 'move') return host ? t('seatMove.moveToWithHost', { round, total, table, host }) : t('seatMove.moveTo', { round, total, table });
  if (change === 'stay') return host ? t('seatMove.stayWithHost', { round, total, table, host }) : t('seatMove.stay', { round, total, table });
  return host ? t('run.goToWithHost', { round, total, table, host }) : t('run.goTo', { round, total, table });
}

/** As the server sent them (ATTR1–ATTR2): a name under `named`, a group under `group`, else "a participant". */
function personName(t: ReturnType<typeof useTranslation>['t'], person: TablemateView, attribution: Attribution): string {
  if (attribution === 'named') return person.displayName ?? t('words.anonymous');
  if (!person.stakeholderGroup) return t('credit.aParticipant');
  return t('run.someoneFrom', { group: t(`words.group.${person.stakeholderGroup}`) });
}

function Tablemates({ seat, attribution }: { seat: SeatView; attribution: Attribution }) {
  const { t } = useTranslation();
  const everyone = [...(seat.host ? [seat.host] : []), ...seat.tablemates];
  return (
    <div className="tablemates">
      <h3>{t('run.atYourTable', { count: everyone.length })}</h3>
      {seat.table.hub ? (
        <p className="muted">{t('run.hubTableHere')}</p>
      ) : everyone.length === 0 ? (
        <p className="muted">{t('run.aloneAtTable')}</p>
      ) : (
        <ul>
          {everyone.map((p, i) => (
            <li key={i}>
              {attribution === 'named' ? (
                <>
                  <span className="mate-name">{p.displayName ?? t('words.anonymous')}</span>
                  {p.stakeholderGroup && <> · {t(`words.group.${p.stakeholderGroup}`)}</>}
                </>
              ) : (
                (p.stakeholderGroup && t(`words.group.${p.stakeholderGroup}`)) || t('credit.aParticipant')
              )}
              {seat.table.kind === 'hybrid' && p.mode && <> · {t(`words.mode.${p.mode}`)}</>}
              {p.isHost && <> · {t('run.hostMark')}</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
