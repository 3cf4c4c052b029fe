// Stored rows → what one audience may see (consultation-views.ts). Every list, event and ack of
// the consultation goes through these, so the attribution (ATTR1–ATTR4) is applied in one place:
// a name only under `named`, group and mode unless `anonymous`, staff included; authors see their
// own in full; pending and hidden ones, flags and hidden reasons only where the audience may.
import { attribute, type Attribution } from '@open-talks/shared';
import type { ContributionOrigin, CommentView, ContributionView, ResponseView } from '@open-talks/shared/protocol';
import type { ContributionStatus, ResponseStatus, Stance } from '@open-talks/shared/consultation';
import type { Selectable } from 'kysely';
import type { ConsultationCommentsTable, ConsultationContributionsTable, ConsultationResponsesTable } from '../store/consultation-schema.js';

/** Who looks: staff (facilitator, moderators) see every status and the flags; a person sees their own in full. */
export interface Audience {
  staff: boolean;
  participantId: string | null;
}

export const PUBLIC_AUDIENCE: Audience = { staff: false, participantId: null };

/** A contribution row with what lists join to it: the author's current display name and the response answering it. */
export type ContributionRow = Selectable<ConsultationContributionsTable> & {
  author_name: string | null;
  response: Selectable<ConsultationResponsesTable> | null;
  /** The contribution ids the response answers (a response may answer a group). */
  response_contribution_ids?: string[];
};

export type CommentRow = Selectable<ConsultationCommentsTable> & { author_name: string | null };

export function responseView(row: Selectable<ConsultationResponsesTable>, contributionIds: string[]): ResponseView {
  return {
    id: row.id,
    contributionIds,
    status: row.status as ResponseStatus,
    text: row.text,
    respondedAt: row.responded_at,
    editedAt: row.edited_at,
  };
}

export function contributionView(row: ContributionRow, attribution: Attribution, audience: Audience): ContributionView {
  const self = row.author_id !== null && row.author_id === audience.participantId;
  const author = attribute(attribution, row.author_id === null ? null : { displayName: row.author_name, stakeholderGroup: row.stakeholder_group, mode: row.mode }, { self });
  return {
    id: row.id,
    questionId: row.question_id,
    title: row.title,
    text: row.text,
    language: row.language,
    author,
    status: row.status as ContributionStatus,
    hiddenReason: audience.staff || self ? row.hidden_reason : null,
    mergedInto: audience.staff || self ? row.merged_into : null,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    versions: row.versions,
    supports: row.supports,
    comments: row.comments,
    stances: { agree: row.agree, disagree: row.disagree, neutral: row.neutral },
    themes: JSON.parse(row.themes) as string[],
    carry: row.carry === 1,
    flags: audience.staff ? row.flags : 0,
    origin: row.origin === null ? null : (JSON.parse(row.origin) as ContributionOrigin),
    response: row.response === null ? null : responseView(row.response, row.response_contribution_ids ?? [row.id]),
  };
}

export function commentView(row: CommentRow, attribution: Attribution, audience: Audience): CommentView {
  const self = row.author_id === audience.participantId;
  return {
    id: row.id,
    contributionId: row.contribution_id,
    stance: row.stance as Stance,
    text: row.text,
    language: row.language,
    author: attribute(attribution, { displayName: row.author_name, stakeholderGroup: row.stakeholder_group, mode: row.mode }, { self }),
    mine: self,
    status: row.status as ContributionStatus,
    hiddenReason: audience.staff || self ? row.hidden_reason : null,
    createdAt: row.created_at,
  };
}

/** Whether this audience may see a contribution (or comment) of this status at all. */
export function visibleTo(status: string, authorId: string | null, audience: Audience): boolean {
  return status === 'published' || audience.staff || (authorId !== null && authorId === audience.participantId);
}
