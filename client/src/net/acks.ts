import type { QueueView } from '@open-talks/shared/protocol';
import { CONSULTATION_ACK_EFFECTS } from '../consultation/acks';
import { useLive } from '../state/live-store';
import type { Command, CommandSuccess } from './command-types';

type AckEffects = { [K in Command]?: (ack: CommandSuccess<K>) => void };

const store = () => useLive.getState();
const question = ({ question }: CommandSuccess<'qa:approve'>) => store().thQuestion(question);
const queue = ({ queue }: { queue: QueueView }) => store().thQueue(queue);
const poll = ({ poll }: CommandSuccess<'poll:create'>) => {
  store().thPoll(poll.poll);
  if (poll.results) store().thPollResults(poll.results);
};
const agenda = ({ agenda }: CommandSuccess<'agenda:add'>) => store().thAgenda(agenda);
const cafe = ({ cafe }: CommandSuccess<'cafe:get'>) => store().applyCafe(cafe);

/**
 * What a staff command's ack puts into the store at once, by command. The server broadcasts the
 * same change to staff too; applying it twice is harmless, and the screen does not wait for the
 * broadcast. A participant's own commands (`qa:ask`, `poll:vote`, `hand:raise`…) are not here:
 * their screen follows the broadcast, which is what their audience may see.
 */
const ACK_EFFECTS = {
  'qa:approve': question,
  'qa:hide': question,
  'qa:edit': question,
  'qa:merge': question,
  'qa:pin': question,
  'qa:answer': question,
  'qa:reopen': question,
  'hand:dismiss': queue,
  'hand:move': queue,
  'hand:alternate': queue,
  'hand:give-floor': queue,
  'hand:end-floor': queue,
  'hand:pause-floor': queue,
  'hand:resume-floor': queue,
  'hand:extend-floor': queue,
  'poll:create': poll,
  'poll:edit': poll,
  'poll:open': poll,
  'poll:close': poll,
  'poll:results-visible': poll,
  'poll:project': ({ projectedPollId }) => store().thProjected(projectedPollId),
  'projector:show': ({ projector }) => store().applyProjector(projector),
  'caption:add': ({ captions }) => store().thCaptions(captions),
  'agenda:add': agenda,
  'agenda:edit': agenda,
  'agenda:remove': agenda,
  'agenda:move': agenda,
  'agenda:next': agenda,
  'agenda:pause': agenda,
  'agenda:resume': agenda,
  'agenda:extend': agenda,
  'townhall:configure': ({ settings }) => store().thSettings(settings),
  'cafe:get': cafe,
  'cafe:set-tables': cafe,
  'cafe:make-tables': cafe,
  'cafe:set-rounds': cafe,
  'cafe:plan': cafe,
  'cafe:move': cafe,
  'cafe:lock': cafe,
  ...CONSULTATION_ACK_EFFECTS,
} satisfies AckEffects;

export function applyAck<K extends Command>(command: K, ack: CommandSuccess<K>): void {
  (ACK_EFFECTS as AckEffects)[command]?.(ack);
}
