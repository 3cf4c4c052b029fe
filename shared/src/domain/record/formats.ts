// The export formats and the small text helpers every renderer (and the public page) shares,
// so a time or a credit reads the same in each format.
import type { Credit } from './types.js';

export const RECORD_FORMATS = ['md', 'html', 'docx', 'json', 'csv'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** An ASCII file name from the title (Content-Disposition also carries the UTF-8 one). */
export function recordFileName(title: string, date: number, format: RecordFormat): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase() || 'session';
  return `${slug}-${new Date(date).toISOString().slice(0, 10)}.${format}`;
}

/** "2026-11-23 14:05 UTC": one zone for everyone who reads the record. */
export function formatRecordTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2026-11-23". */
export function formatRecordDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** "4:05" (minutes:seconds), or "1:02:03" past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * "Amina (Civil society)", "Civil society", or '' when the attribution says nothing; with
 * `hubLabel`, a hub's credit follows ("…, hub Nairobi hub, iHub: 25 present", HUB41).
 */
export function creditText(credit: Credit, groupLabel: (group: NonNullable<Credit['group']>) => string, hubLabel?: (hub: NonNullable<Credit['hub']>) => string): string {
  const group = credit.group ? groupLabel(credit.group) : null;
  const person = credit.name && group ? `${credit.name} (${group})` : (credit.name ?? group ?? '');
  const hub = credit.hub && hubLabel ? hubLabel(credit.hub) : '';
  return [person, hub].filter(Boolean).join(', ');
}
