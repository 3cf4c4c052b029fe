// The consultation's tables (migration 0011); same conventions as schema.ts.

export interface ConsultationsTable {
  session_id: string;
  settings: string; // JSON ConsultationSettings
  phase: string;
  schedule: string; // JSON ConsultationSchedule
  questions: string; // JSON ConsultationQuestion[], in order
  updated_at: number;
}

export interface ConsultationInvitationsTable {
  session_id: string;
  code: string;
  created_at: number;
  used_by: string | null;
  used_at: number | null;
}

export interface ConsultationContributionsTable {
  id: string;
  session_id: string;
  question_id: string;
  author_id: string | null;
  title: string;
  text: string;
  language: string;
  stakeholder_group: string | null;
  mode: string | null;
  status: string;
  hidden_reason: string | null;
  created_at: number;
  edited_at: number | null;
  merged_into: string | null;
  themes: string; // JSON string[]
  carry: number; // 0 or 1
  flags: number;
  reviewed: number; // 0 or 1
  supports: number;
  comments: number;
  agree: number;
  disagree: number;
  neutral: number;
  versions: number;
  origin: string | null; // JSON ContributionOrigin
  search_text: string;
}

export interface ConsultationVersionsTable {
  contribution_id: string;
  version: number;
  title: string;
  text: string;
  language: string;
  replaced_at: number;
}

export interface ConsultationCommentsTable {
  id: string;
  session_id: string;
  contribution_id: string;
  author_id: string;
  stance: string;
  text: string;
  language: string;
  stakeholder_group: string | null;
  mode: string | null;
  status: string;
  hidden_reason: string | null;
  created_at: number;
}

export interface ConsultationSupportsTable {
  contribution_id: string;
  participant_id: string;
  session_id: string;
  question_id: string;
  created_at: number;
}

export interface ConsultationFlagsTable {
  contribution_id: string;
  participant_id: string;
  session_id: string;
  reason: string;
  created_at: number;
}

export interface ConsultationResponsesTable {
  id: string;
  session_id: string;
  status: string;
  text: string;
  responded_at: number;
  edited_at: number | null;
}

export interface ConsultationResponseLinksTable {
  contribution_id: string;
  response_id: string;
  session_id: string;
}

export interface ConsultationStatementsTable {
  id: string;
  session_id: string;
  question_id: string;
  author_id: string | null;
  text: string;
  seeded: number; // 0 or 1
  status: string;
  created_at: number;
  answers: number;
}

export interface ConsultationAnswersTable {
  statement_id: string;
  participant_id: string;
  session_id: string;
  question_id: string;
  vote: number; // 1 agree, -1 disagree, 0 pass
  answered_at: number;
}

export interface ConsultationOpinionsTable {
  session_id: string;
  question_id: string;
  report: string; // JSON OpinionReport
  computed_at: number;
}

export interface ConsultationEmailsTable {
  participant_id: string;
  session_id: string;
  email: string;
}

export interface ConsultationTables {
  consultations: ConsultationsTable;
  consultation_invitations: ConsultationInvitationsTable;
  consultation_contributions: ConsultationContributionsTable;
  consultation_versions: ConsultationVersionsTable;
  consultation_comments: ConsultationCommentsTable;
  consultation_supports: ConsultationSupportsTable;
  consultation_flags: ConsultationFlagsTable;
  consultation_responses: ConsultationResponsesTable;
  consultation_response_links: ConsultationResponseLinksTable;
  consultation_statements: ConsultationStatementsTable;
  consultation_answers: ConsultationAnswersTable;
  consultation_opinions: ConsultationOpinionsTable;
  consultation_emails: ConsultationEmailsTable;
}
