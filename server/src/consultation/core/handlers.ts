// The core part's commands (CONS1–CONS19): each one line to its service.
import type { ConsultationContext } from '../context.js';
import type { HandlersFor } from '../handlers.js';
import type { CoreServices } from './services.js';

export type CoreCommand =
  | 'consultation:get'
  | 'consultation:configure'
  | 'consultation:add-question'
  | 'consultation:edit-question'
  | 'consultation:remove-question'
  | 'consultation:move-question'
  | 'consultation:set-phase'
  | 'consultation:invite'
  | 'consultation:set-email'
  | 'contribution:submit'
  | 'contribution:edit'
  | 'contribution:comment'
  | 'contribution:support'
  | 'contribution:flag'
  | 'contribution:get'
  | 'contribution:versions'
  | 'contribution:approve'
  | 'contribution:hide'
  | 'contribution:merge'
  | 'contribution:tag'
  | 'contribution:carry'
  | 'comment:approve'
  | 'comment:hide'
  | 'response:write'
  | 'response:edit'
  | 'response:delete';

export function coreHandlers(_ctx: ConsultationContext, { setup, contributions, supports, moderation, responses }: CoreServices): HandlersFor<CoreCommand> {
  return {
    'consultation:get': (p) => setup.get(p),
    'consultation:configure': (p, body) => setup.configure(p, body),
    'consultation:add-question': (p, body) => setup.addQuestion(p, body),
    'consultation:edit-question': (p, body) => setup.editQuestion(p, body),
    'consultation:remove-question': (p, { questionId }) => setup.removeQuestion(p, questionId),
    'consultation:move-question': (p, body) => setup.moveQuestion(p, body),
    'consultation:set-phase': (p, body) => setup.setPhase(p, body),
    'consultation:invite': (p, { count }) => setup.invite(p, count),
    'consultation:set-email': (p, { email }) => setup.setEmail(p, email),
    'contribution:submit': (p, body) => contributions.submit(p, body),
    'contribution:edit': (p, body) => contributions.edit(p, body),
    'contribution:comment': (p, body) => contributions.comment(p, body),
    'contribution:support': (p, body) => supports.support(p, body),
    'contribution:flag': (p, { contributionId, reason }) => supports.flag(p, contributionId, reason),
    'contribution:get': (p, { contributionId }) => contributions.get(p, contributionId),
    'contribution:versions': (p, { contributionId }) => contributions.versions(p, contributionId),
    'contribution:approve': (p, { contributionId }) => moderation.approve(p, contributionId),
    'contribution:hide': (p, { contributionId, reason }) => moderation.hide(p, contributionId, reason),
    'contribution:merge': (p, { sourceId, targetId }) => moderation.merge(p, sourceId, targetId),
    'contribution:tag': (p, { contributionId, themes }) => moderation.tag(p, contributionId, themes),
    'contribution:carry': (p, { contributionId, carry }) => moderation.carry(p, contributionId, carry),
    'comment:approve': (p, { commentId }) => moderation.approveComment(p, commentId),
    'comment:hide': (p, { commentId, reason }) => moderation.hideComment(p, commentId, reason),
    'response:write': (p, body) => responses.write(p, body),
    'response:edit': (p, body) => responses.edit(p, body),
    'response:delete': (p, { responseId }) => responses.delete(p, responseId),
  };
}
