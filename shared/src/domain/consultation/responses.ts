// Official responses (CONS16): a contribution has at most one response; writing a new one for it
// moves the link, and a response left answering nothing is deleted.

/** Given the current links (contribution → response) and a response's new contributions: the responses left empty. */
export function relink(links: ReadonlyMap<string, string>, responseId: string, contributionIds: readonly string[]): { emptied: string[]; links: Map<string, string> } {
  const next = new Map(links);
  for (const [contributionId, linked] of links) if (linked === responseId) next.delete(contributionId);
  for (const id of contributionIds) next.set(id, responseId);
  const before = new Set(links.values());
  const after = new Set(next.values());
  return { emptied: [...before].filter((id) => id !== responseId && !after.has(id)), links: next };
}
