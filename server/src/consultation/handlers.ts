import type { CommandName } from '@open-talks/shared/protocol';
import type { CommandHandler } from '../realtime/command.js';

type Prefix = 'consultation' | 'contribution' | 'comment' | 'response' | 'statement' | 'opinion';
export type ConsultationCommand = Extract<CommandName, `${Prefix}:${string}`>;
export type ConsultationHandlers = { [K in ConsultationCommand]: CommandHandler<K> };
/** A part of the consultation's commands: each part of the consultation module answers its own. */
export type HandlersFor<K extends ConsultationCommand> = { [C in K]: CommandHandler<C> };
