import { MODES, STAKEHOLDER_GROUPS, type AttendanceCounts } from '@open-talks/shared';
import { useTranslation } from 'react-i18next';

/**
 * Participants' counts as tables of words and numbers: readable without colour, by screen readers too.
 * `folded`: the breakdown opens on request (a Town Hall phone page stays short, QA16).
 */
export function AttendancePanel({ attendance, headingLevel = 2, folded = false }: { attendance: AttendanceCounts; headingLevel?: 2 | 3; folded?: boolean }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const others = attendance.present - attendance.participants.present;
  const grid = (
    <div className="attendance-grid">
      <div>
        <Sub>{t('attendance.byMode')}</Sub>
        <CountTable rows={MODES.map((mode) => [t(`words.mode.${mode}`), attendance.byMode[mode], mode])} />
      </div>
      <div>
        <Sub>{t('attendance.byGroup')}</Sub>
        <CountTable rows={STAKEHOLDER_GROUPS.map((group) => [t(`words.group.${group}`), attendance.byGroup[group], group])} />
        {STAKEHOLDER_GROUPS.some((group) => attendance.byGroup[group] === null) && (
          <p className="muted attendance-note" data-testid="not-shown-note">
            {t('chathamHouse.note')}
          </p>
        )}
      </div>
    </div>
  );
  return (
    <section className="attendance" aria-labelledby="attendance-heading">
      <Heading id="attendance-heading">{t('attendance.heading')}</Heading>
      {/* Participants only (ATTEND1): the facilitator, staff and observers are counted apart. */}
      <p className="attendance-total">
        <strong data-testid="present-count">{t('attendance.present', { count: attendance.participants.present })}</strong>{' '}
        <span className="muted">({t('attendance.joined', { count: attendance.participants.joined })})</span>
      </p>
      {/* Hubs apart (HUB10): "1 hub, 25 people", each hub counted once, its headcount beside it. */}
      {attendance.hubs.present > 0 && (
        <p className="attendance-hubs" data-testid="hubs-count">
          {t('hubs.summary', { hubs: t('hubs.hubCount', { count: attendance.hubs.present }), people: t('hubs.peopleCount', { count: attendance.hubs.people }) })}
        </p>
      )}
      {others > 0 && (
        <p className="muted" data-testid="others-count">
          {t('attendanceApart.staffAndObservers', { count: others })}
        </p>
      )}
      {folded ? (
        <details>
          <summary>{t('thUi.attendance.breakdown')}</summary>
          {grid}
        </details>
      ) : (
        grid
      )}
    </section>
  );
}

/** `count: null` is a group not shown under the Chatham House Rule (ATTR5): too few, or its count would give another back. */
function CountTable({ rows }: { rows: [label: string, count: number | null, key: string][] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.map(([, count]) => count ?? 0));
  return (
    <table className="count-table">
      <tbody>
        {rows.map(([label, count, key]) => (
          <tr key={key} data-key={key}>
            <th scope="row">{label}</th>
            <td className={count === null ? 'count count-hidden' : 'count'}>{count ?? t('chathamHouse.notShownShort')}</td>
            <td className="bar-cell" aria-hidden="true">
              <span className="bar" style={{ inlineSize: `${((count ?? 0) / max) * 100}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
