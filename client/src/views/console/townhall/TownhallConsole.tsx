import { can, type Action, type Role } from '@open-talks/shared';
import type { TownhallLive } from '@open-talks/shared/protocol';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../../components/PanelBoundary';
import { AgendaPanel } from './AgendaPanel';
import { CaptionsPanel } from './CaptionsPanel';
import { PollsPanel } from './PollsPanel';
import { QaPanel } from './QaPanel';
import { QueuePanel } from './QueuePanel';
import { SettingsPanel } from './SettingsPanel';

/** The Town Hall actions that make someone staff on the console; each opens one panel. */
export const TOWNHALL_STAFF_ACTIONS = ['qa:moderate', 'hand:manage', 'poll:manage', 'caption:write', 'agenda:manage', 'townhall:configure'] as const satisfies readonly Action[];

export function isTownhallStaff(role: Role): boolean {
  return TOWNHALL_STAFF_ACTIONS.some((action) => can(role, action));
}

/** The staff side of a Town Hall: the panels this role may use, and only those; each with its own error boundary (CAPTION2). */
export function TownhallConsole({ townhall, role }: { townhall: TownhallLive; role: Role }) {
  const { t } = useTranslation();
  const floor = townhall.floor ?? townhall.queue?.floor ?? null;
  return (
    <div className="th-console" aria-label={t('thConsole.heading')} role="region">
      {can(role, 'hand:manage') && townhall.queue && (
        <PanelBoundary name="queue">
          <QueuePanel queue={townhall.queue} floor={floor} interventionMs={townhall.settings.interventionMs} />
        </PanelBoundary>
      )}
      {can(role, 'qa:moderate') && (
        <PanelBoundary name="questions">
          <QaPanel questions={townhall.qa.questions} moderation={townhall.settings.moderation} />
        </PanelBoundary>
      )}
      {can(role, 'poll:manage') && (
        <PanelBoundary name="polls">
          <PollsPanel polls={townhall.polls} projectedPollId={townhall.projectedPollId} />
        </PanelBoundary>
      )}
      {can(role, 'caption:write') && (
        <PanelBoundary name="captions">
          <CaptionsPanel captions={townhall.captions} />
        </PanelBoundary>
      )}
      {can(role, 'agenda:manage') && (
        <PanelBoundary name="agenda">
          <AgendaPanel agenda={townhall.agenda} />
        </PanelBoundary>
      )}
      {can(role, 'townhall:configure') && (
        <PanelBoundary name="settings">
          <SettingsPanel settings={townhall.settings} />
        </PanelBoundary>
      )}
    </div>
  );
}
