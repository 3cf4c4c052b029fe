import { can } from '@open-talks/shared';
import type { ServerToClientEvents } from '@open-talks/shared/protocol';
import { CONSULTATION_EVENT_HANDLERS } from '../consultation/events';
import { notesLanguageChanged } from '../notepad/notes-language';
import { useLive } from '../state/live-store';

/**
 * What this tab does with each event the server pushes. Every event has an entry, so one added
 * to `ServerToClientEvents` and not handled here is a compile error; `null` says it is left
 * alone on purpose.
 */
export type ServerEventHandlers = { [K in keyof ServerToClientEvents]: ServerToClientEvents[K] | null };

const store = () => useLive.getState();

const RESYNC_SPREAD_MS = 3_000; // ms: how widely the clients of a session taken over spread their re-reads

/** `resync` fetches the whole state again (net/realtime.ts owns the connection). */
export function serverEventHandlers(resync: () => void): ServerEventHandlers {
  return {
    'session:state': (state) => store().applyState(state),
    'session:changed': (session) => store().applySession(session),
    'projector:changed': (projector) => store().applyProjector(projector),
    'attendance:changed': (counts) => store().applyAttendance(counts),
    'participant:changed': (participant) => store().upsertParticipant(participant),
    'participant:removed': ({ participantId }) => store().dropParticipant(participantId),
    'me:changed': (me) => {
      const before = store().live;
      store().applyMe(me);
      const previousRole = before?.viewer.kind === 'participant' ? before.viewer.participant.role : undefined;
      // A new role can show more (or less) of the session: fetch what this role may see.
      if (previousRole && previousRole !== me.role && can(me.role, 'participants:list') !== can(previousRole, 'participants:list')) resync();
    },
    'me:removed': () => store().setStatus('refused', 'removed'),
    // Spread over a few seconds: a takeover tells a whole Town Hall at once (CLU29).
    'session:resync': () => void setTimeout(resync, Math.random() * RESYNC_SPREAD_MS),
    // LANG50: the versions of the organisers' texts (and contributions) in other languages.
    'content:versions': (entry) => store().applyContentVersions(entry),
    'connection:replaced': ({ max }) => store().setReplaced(max),
    'cafe:changed': (cafe) => store().applyCafe(cafe),
    'cafe:live': (view) => store().applyCafeLive(view),
    'cafe:seat': ({ seat }) => store().applySeat(seat),
    'cafe:timer': (payload) => store().applyRoundTimer(payload),
    'cafe:prompt': (prompt) => store().addPrompt(prompt),
    'notepad:language': (change) => notesLanguageChanged(change),
    'qa:question': (question) => store().thQuestion(question),
    'qa:gone': ({ questionId }) => store().thQuestionGone(questionId),
    'qa:votes': (counts) => store().thVotes(counts),
    'qa:voted': ({ questionId, voted }) => store().thVoted(questionId, voted),
    'hand:queue': (queue) => store().thQueue(queue),
    'hand:you': (you) => store().thYou(you),
    'floor:changed': (floor) => store().thFloor(floor),
    'poll:changed': (poll) => store().thPoll(poll),
    'poll:deleted': ({ pollId }) => store().thPollDeleted(pollId),
    'poll:results': (results) => store().thPollResults(results),
    'poll:ballot': ({ pollId, ballot }) => store().thBallot(pollId, ballot),
    'poll:projected': ({ pollId }) => store().thProjected(pollId),
    'caption:lines': (lines) => store().thCaptions(lines),
    'agenda:changed': (agenda) => store().thAgenda(agenda),
    'townhall:settings': (settings) => store().thSettings(settings),
    // Each countdown reaches 0:00 on this device's (corrected) clock and announces it itself.
    'townhall:time-up': null,
    // The consultation's live deltas go to its own store (client/src/consultation, CONS46).
    ...CONSULTATION_EVENT_HANDLERS,
  };
}
