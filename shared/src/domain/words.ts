// The product's words (DESIGN.md, "Words"), as closed sets. Kept free of zod so the
// client can import them without pulling the schema library into the participant bundle.

export const SESSION_FORMATS = ['cafe', 'townhall', 'consultation'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

export const ROLES = ['facilitator', 'moderator', 'host', 'participant', 'rapporteur', 'captioner', 'translator', 'hub', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a facilitator may hand out from the console (there is one facilitator: the creator). */
export const ASSIGNABLE_ROLES = ['moderator', 'host', 'participant', 'rapporteur', 'captioner', 'translator', 'observer'] as const satisfies readonly Role[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** Roles a person may pick for themselves when joining (DESIGN.md, POST /api/join); a hub joins with its registration (HUB1). */
export const SELF_JOIN_ROLES = ['participant', 'observer', 'hub'] as const satisfies readonly Role[];
export type SelfJoinRole = (typeof SELF_JOIN_ROLES)[number];

export const MODES = ['in-room', 'remote'] as const;
export type Mode = (typeof MODES)[number];

export const STAKEHOLDER_GROUPS = ['government', 'private-sector', 'civil-society', 'academia', 'technical-community', 'intergovernmental', 'other'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const ATTRIBUTIONS = ['named', 'group', 'anonymous'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const RTL_LANGUAGES: ReadonlySet<Language> = new Set(['ar']);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Limits shared by the schemas and the forms, so a form never allows what the server refuses. */
export const LIMITS = {
  titleLength: 200, // characters
  displayNameLength: 60, // characters
  joinCodeLength: 6, // characters, without separators
} as const;
