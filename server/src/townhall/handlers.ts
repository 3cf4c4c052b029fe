import { approveQuestion, editQuestion, hideQuestion, markAnswered, pinQuestion, reopenQuestion } from '@open-talks/shared';
import type { CommandName } from '@open-talks/shared/protocol';
import type { CommandHandler } from '../realtime/command.js';
import type { TownhallService } from './townhall-service.js';

type Prefix = 'qa' | 'hand' | 'poll' | 'caption' | 'agenda' | 'townhall';
export type TownhallCommand = Extract<CommandName, `${Prefix}:${string}`>;
export type TownhallHandlers = { [K in TownhallCommand]: CommandHandler<K> };

/**
 * Every Town Hall command, once: Socket.IO and the HTTP routes both run these through
 * `runCommand`, which parses, checks and limits from the command table before they are called.
 */
export function townhallHandlers(th: TownhallService): TownhallHandlers {
  return {
    'qa:ask': (p, payload) => th.qa.ask(p, payload),
    'qa:vote': (p, payload) => th.qa.vote(p, payload),
    'qa:approve': (p, { questionId }) => th.qa.moderate(p, questionId, (board) => approveQuestion(board, questionId)),
    'qa:hide': (p, { questionId, reason }) => th.qa.moderate(p, questionId, (board) => hideQuestion(board, questionId, reason)),
    'qa:edit': (p, { questionId, text }) => th.qa.moderate(p, questionId, (board, now) => editQuestion(board, questionId, text, now)),
    'qa:merge': (p, payload) => th.qa.merge(p, payload),
    'qa:pin': (p, { questionId }) => th.qa.moderate(p, questionId, (board) => pinQuestion(board, questionId)),
    'qa:unpin': (p) => th.qa.unpin(p),
    'qa:answer': (p, { questionId }) => th.qa.moderate(p, questionId, (board, now) => markAnswered(board, questionId, now)),
    'qa:reopen': (p, { questionId }) => th.qa.moderate(p, questionId, (board) => reopenQuestion(board, questionId)),
    'hand:raise': (p, { topic }) => th.queue.raise(p, topic),
    'hand:lower': (p) => th.queue.lower(p),
    'hand:dismiss': (p, { handle }) => th.queue.dismiss(p, handle),
    'hand:move': (p, { handle, toIndex }) => th.queue.move(p, handle, toIndex),
    'hand:alternate': (p, { on }) => th.queue.alternate(p, on),
    'hand:give-floor': (p, { handle }) => th.queue.giveFloor(p, handle),
    'hand:end-floor': (p) => th.queue.endFloor(p),
    'hand:pause-floor': (p) => th.queue.pauseFloor(p),
    'hand:resume-floor': (p) => th.queue.resumeFloor(p),
    'hand:extend-floor': (p, { seconds }) => th.queue.extendFloor(p, seconds),
    'poll:create': (p, payload) => th.polls.create(p, payload),
    'poll:edit': (p, payload) => th.polls.edit(p, payload),
    'poll:open': (p, { pollId }) => th.polls.open(p, pollId),
    'poll:close': (p, { pollId }) => th.polls.close(p, pollId),
    'poll:delete': (p, { pollId }) => th.polls.delete(p, pollId),
    'poll:results-visible': (p, { pollId, visible }) => th.polls.resultsVisible(p, pollId, visible),
    'poll:project': (p, { pollId }) => th.polls.project(p, pollId),
    'poll:vote': (p, payload) => th.polls.vote(p, payload),
    'poll:withdraw': (p, { pollId }) => th.polls.withdraw(p, pollId),
    'caption:add': (p, payload) => th.captions.add(p, payload),
    'agenda:add': (p, payload) => th.agenda.add(p, payload),
    'agenda:edit': (p, payload) => th.agenda.edit(p, payload),
    'agenda:remove': (p, { itemId }) => th.agenda.remove(p, itemId),
    'agenda:move': (p, payload) => th.agenda.move(p, payload),
    'agenda:next': (p) => th.agenda.next(p),
    'agenda:pause': (p) => th.agenda.pause(p),
    'agenda:resume': (p) => th.agenda.resume(p),
    'agenda:extend': (p, { minutes }) => th.agenda.extend(p, minutes),
    'townhall:configure': (p, payload) => th.configure(p, payload),
  };
}
