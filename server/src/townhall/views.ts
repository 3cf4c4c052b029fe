// Town Hall views for each audience, from the room's copy (pure mapping; who gets what is in
// the notifier). Names follow the session's attribution, as the café's tablemates do (CAFE3).
import {
  agendaItemStatus,
  effectiveOrder,
  questionView,
  type Agenda,
  type Attribution,
  type Ballot,
  type Floor,
  type Poll,
  type Question,
  type SpeakerQueue,
} from '@open-talks/shared';
import type { AgendaView, FloorView, HandStatus, MyBallot, PersonRef, QuestionItem, QueueView } from '@open-talks/shared/protocol';
import type { ParticipantRecord } from '../store/index.js';
import type { TownhallRoom } from './room.js';

export type Lookup = (participantId: string) => ParticipantRecord | undefined;

/** Who looks: a participant (or null for the projector), and whether they are staff. */
export interface TownhallViewer {
  participantId: string | null;
  staff: boolean;
}

export const PUBLIC_VIEWER: TownhallViewer = { participantId: null, staff: false };

const UNKNOWN: PersonRef = { displayName: null, stakeholderGroup: 'other', mode: 'in-room' };

/** A name only under `named` attribution (or for staff, who see the participant list anyway). */
export function personRef(person: ParticipantRecord | undefined, attribution: Attribution, withName = false): PersonRef {
  if (!person) return UNKNOWN;
  return {
    displayName: withName || attribution === 'named' ? person.displayName : null,
    stakeholderGroup: person.stakeholderGroup,
    mode: person.mode,
  };
}

export function questionItem(room: TownhallRoom, question: Question, viewer: TownhallViewer, lookup: Lookup): QuestionItem {
  const { voted: _voted, authorId, ...view } = questionView(room.board, question, { participantId: viewer.participantId ?? '', moderator: viewer.staff });
  return {
    ...view,
    author: question.anonymous ? null : personRef(lookup(question.authorId), room.attribution),
    authorId: viewer.staff ? authorId : null,
  };
}

export function floorView(floor: Floor | null, attribution: Attribution, lookup: Lookup): FloorView | null {
  if (!floor) return null;
  const person = lookup(floor.participantId);
  const speaker = person ? personRef(person, attribution) : { ...UNKNOWN, stakeholderGroup: floor.stakeholderGroup, mode: floor.mode };
  return { speaker, topic: floor.topic, since: floor.since, timer: floor.timer };
}

/** Everyone's own status, from one pass over the effective order (HAND7). */
export function handStatuses(queue: SpeakerQueue): Map<string, HandStatus> {
  const statuses = new Map<string, HandStatus>();
  effectiveOrder(queue).forEach((hand, position) => {
    statuses.set(hand.participantId, { raised: true, topic: hand.topic, position, hasFloor: false });
  });
  if (queue.floor) statuses.set(queue.floor.participantId, { raised: false, topic: queue.floor.topic, position: null, hasFloor: true });
  return statuses;
}

export const NO_HAND: HandStatus = { raised: false, topic: null, position: null, hasFloor: false };

export function handStatus(queue: SpeakerQueue, participantId: string): HandStatus {
  if (queue.floor?.participantId === participantId) return { raised: false, topic: queue.floor.topic, position: null, hasFloor: true };
  if (!queue.hands.some((h) => h.participantId === participantId)) return NO_HAND;
  return handStatuses(queue).get(participantId) ?? NO_HAND;
}

export function queueView(room: TownhallRoom, lookup: Lookup): QueueView {
  const { queue } = room;
  const baseIndex = new Map(queue.hands.map((hand, i) => [hand.participantId, i]));
  const floor = floorView(queue.floor, room.attribution, lookup);
  return {
    hands: effectiveOrder(queue).map((hand, position) => ({
      participantId: hand.participantId,
      person: { ...personRef(lookup(hand.participantId), room.attribution, true), mode: hand.mode, stakeholderGroup: hand.stakeholderGroup },
      topic: hand.topic,
      raisedAt: hand.raisedAt,
      position,
      baseIndex: baseIndex.get(hand.participantId) ?? position,
    })),
    alternate: queue.alternate,
    floor: floor && queue.floor ? { ...floor, speaker: personRef(lookup(queue.floor.participantId), room.attribution, true), participantId: queue.floor.participantId } : null,
    lastFloorMode: queue.lastFloorMode,
  };
}

/** One's ballot as one could send it again. */
export function myBallot(poll: Poll, ballot: Ballot): MyBallot {
  const choice =
    poll.kind === 'single' ? (ballot.keys[0] ?? '') : poll.kind === 'rating' ? Number(ballot.keys[0]) : poll.kind === 'text' ? (ballot.spellings ?? ballot.keys) : ballot.keys;
  return { pollId: poll.id, choice, castAt: ballot.castAt };
}

export function agendaView(agenda: Agenda): AgendaView {
  return {
    items: agenda.items.map((item) => ({ ...item, status: agendaItemStatus(agenda, item) })),
    currentId: agenda.currentId,
    timer: agenda.timer,
  };
}
