// PLACEHOLDER (lead, contract commit): replaced by the core part (helper "c-core").
import { AppError } from '../../errors.js';
import type { ConsultationContext } from '../context.js';
import type { HandlersFor } from '../handlers.js';

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

const notYet = () => Promise.reject(new AppError('conflict', 'The consultation is being built'));

export function coreHandlers(_ctx: ConsultationContext): HandlersFor<CoreCommand> {
  return {
    'consultation:get': notYet,
    'consultation:configure': notYet,
    'consultation:add-question': notYet,
    'consultation:edit-question': notYet,
    'consultation:remove-question': notYet,
    'consultation:move-question': notYet,
    'consultation:set-phase': notYet,
    'consultation:invite': notYet,
    'consultation:set-email': notYet,
    'contribution:submit': notYet,
    'contribution:edit': notYet,
    'contribution:comment': notYet,
    'contribution:support': notYet,
    'contribution:flag': notYet,
    'contribution:get': notYet,
    'contribution:versions': notYet,
    'contribution:approve': notYet,
    'contribution:hide': notYet,
    'contribution:merge': notYet,
    'contribution:tag': notYet,
    'contribution:carry': notYet,
    'comment:approve': notYet,
    'comment:hide': notYet,
    'response:write': notYet,
    'response:edit': notYet,
    'response:delete': notYet,
  };
}
