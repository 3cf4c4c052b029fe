// Theme suggestions (THEME1–THEME6, docs/notepads.md): the key ideas grouped by what they say,
// each group named by its top terms. Lexical and local: per language, terms (stop words out,
// stemmed or segmented) and their character 3-grams, TF-IDF, optionally a latent projection (LSA,
// off by default: worse on the labelled set), agglomerative clustering with a distance threshold.
// Pure and deterministic: the same ideas, in any order, give the same themes.
import { cut, dendrogramOf, denseDistances, sparseDistances, type Linkage } from './cluster.js';
import { latentVectors } from './lsa.js';
import { detectLanguage, THEME_LANGUAGES, type ThemeLanguage } from './language.js';
import { tfidf } from './tfidf.js';
import { tokenize, type Token } from './tokenize.js';

export interface ThemeIdeaInput {
  key: string;
  text: string;
  /** The idea's language if known (BCP 47); otherwise it is told from the text. */
  language?: string | null;
  table?: string | null;
  round?: number | null;
}

export interface SuggestThemesOptions {
  /** Cosine distance at which clusters stop merging (0–1): lower gives more, tighter themes. */
  threshold?: number;
  linkage?: Linkage;
  /** The smallest group that becomes a theme. */
  minSize?: number;
  /** Terms shown per theme. */
  terms?: number;
  /** The session's language, used for ideas too short to tell. */
  language?: string | null;
  /** Latent dimensions per language, at most one per four ideas (0, the default: compare the TF-IDF vectors themselves). */
  dimensions?: number;
  /** Weight of the character n-grams of each term beside the term itself (0: none; default 0.5). */
  subword?: number;
  /** Length of those n-grams (default 3). */
  gram?: number;
}

const SUBWORD = '\u0001';
/** Weight of a term's character 3-grams beside the term (THEME4), chosen on the tuning languages. */
const DEFAULT_SUBWORD = 0.5;

/** A term and, if asked, its character n-grams (the term between boundary marks), marked apart. */
function features(term: string, language: ThemeLanguage, weight: number, gram: number): string[] {
  if (weight <= 0) return [term];
  const chars = [...term];
  if (language === 'zh') return chars.length > 1 ? [term, ...chars.map((c) => SUBWORD + c)] : [term];
  const padded = ['^', ...chars, '$'];
  if (padded.length <= gram) return [term];
  const out = [term];
  for (let i = 0; i + gram <= padded.length; i++) out.push(SUBWORD + padded.slice(i, i + gram).join(''));
  return out;
}

export interface SuggestedTheme {
  name: string;
  language: ThemeLanguage;
  /** Top terms, as written (the most frequent surface form of each stem). */
  terms: string[];
  ideaKeys: string[];
}

export interface ThemeSuggestions {
  themes: SuggestedTheme[];
  /** Ideas in no theme: alone in what they say, or with no words left after stop words. */
  unassigned: string[];
}

/** Tuned on the labelled set's English and French (test/fixtures/themes, `npm run bench:themes`). */
export const DEFAULT_THEME_THRESHOLD = 0.95;

const SEPARATOR: Record<ThemeLanguage, string> = { en: ', ', fr: ', ', es: ', ', ru: ', ', ar: '، ', zh: '、' };

function byKey<T extends { key: string }>(a: T, b: T): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Most frequent surface form per term; ties to the shorter, then the first in code-point order. */
function surfaceForms(tokens: readonly Token[][]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const list of tokens) {
    for (const { term, surface } of list) {
      const forms = counts.get(term) ?? new Map<string, number>();
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
      counts.set(term, forms);
    }
  }
  const best = new Map<string, string>();
  for (const [term, forms] of counts) {
    const [form] = [...forms].sort(([x, a], [y, b]) => b - a || x.length - y.length || (x < y ? -1 : x > y ? 1 : 0))[0]!;
    best.set(term, form);
  }
  return best;
}

function suggestForLanguage(language: ThemeLanguage, ideas: readonly ThemeIdeaInput[], options: Required<Omit<SuggestThemesOptions, 'language'>>): ThemeSuggestions {
  const stems = new Map<string, string>();
  const tokens = ideas.map((idea) => tokenize(idea.text, language, stems));
  const withTerms = ideas.flatMap((idea, i) => (tokens[i]!.length > 0 ? [i] : []));
  const unassigned = ideas.filter((_, i) => tokens[i]!.length === 0).map((idea) => idea.key);
  const model = tfidf(
    withTerms.map((i) => tokens[i]!.flatMap((t) => features(t.term, language, options.subword, options.gram))),
    (term) => (term.startsWith(SUBWORD) ? options.subword : 1),
  );
  const forms = surfaceForms(withTerms.map((i) => tokens[i]!));
  const n = model.vectors.length;
  // Latent dimensions: at most one for every four ideas, so that a small language is still reduced.
  const dimensions = Math.min(options.dimensions, Math.ceil(n / 4));
  const distances = dimensions > 1 && n > 2 ? denseDistances(latentVectors(model.vectors, model.terms, dimensions)) : sparseDistances(model.vectors);
  const themes: SuggestedTheme[] = [];
  for (const members of cut(n, dendrogramOf(distances, n, options.linkage), options.threshold)) {
    if (members.length < options.minSize) {
      for (const m of members) unassigned.push(ideas[withTerms[m]!]!.key);
      continue;
    }
    // The centroid's heaviest terms, among those at least two of the group's ideas share.
    const weight = new Map<number, number>();
    const support = new Map<number, number>();
    for (const m of members) {
      const { indices, values } = model.vectors[m]!;
      indices.forEach((t, k) => {
        weight.set(t, (weight.get(t) ?? 0) + values[k]!);
        support.set(t, (support.get(t) ?? 0) + 1);
      });
    }
    const ranked = [...weight]
      .filter(([t]) => support.get(t)! >= 2 && !model.terms[t]!.startsWith(SUBWORD))
      .sort(([x, a], [y, b]) => b - a || (model.terms[x]! < model.terms[y]! ? -1 : 1))
      .map(([t]) => forms.get(model.terms[t]!)!);
    const terms = ranked.slice(0, options.terms);
    const keys = members.map((m) => ideas[withTerms[m]!]!.key);
    themes.push({ name: terms.slice(0, terms.length >= 3 ? 3 : 2).join(SEPARATOR[language]), language, terms, ideaKeys: keys });
  }
  return { themes, unassigned };
}

/** Proposed themes for `ideas` (THEME1): nothing is applied; a person accepts, renames, merges or rejects. */
export function suggestThemes(ideas: readonly ThemeIdeaInput[], options: SuggestThemesOptions = {}): ThemeSuggestions {
  const settings = {
    threshold: options.threshold ?? DEFAULT_THEME_THRESHOLD,
    linkage: options.linkage ?? 'average',
    minSize: Math.max(2, options.minSize ?? 2),
    terms: options.terms ?? 5,
    dimensions: options.dimensions ?? 0,
    subword: options.subword ?? DEFAULT_SUBWORD,
    gram: options.gram ?? 3,
  } as const;
  // One idea per key (the first in key order), in key order: the input's order cannot matter (THEME5).
  const unique = [...new Map([...ideas].sort(byKey).map((idea) => [idea.key, idea])).values()].sort(byKey);
  const byLanguage = new Map<ThemeLanguage, ThemeIdeaInput[]>();
  for (const idea of unique) {
    const hint = idea.language ?? (idea.text.replace(/[\p{P}\p{S}\p{N}\s]/gu, '').length < 3 ? options.language : null);
    const language = detectLanguage(idea.text, hint);
    const list = byLanguage.get(language);
    if (list) list.push(idea);
    else byLanguage.set(language, [idea]);
  }
  const themes: SuggestedTheme[] = [];
  const unassigned: string[] = [];
  for (const language of THEME_LANGUAGES) {
    const group = byLanguage.get(language);
    if (!group) continue;
    const result = suggestForLanguage(language, group, settings);
    themes.push(...result.themes);
    unassigned.push(...result.unassigned);
  }
  themes.sort((a, b) => b.ideaKeys.length - a.ideaKeys.length || (a.ideaKeys[0]! < b.ideaKeys[0]! ? -1 : 1));
  return { themes, unassigned: unassigned.sort() };
}
