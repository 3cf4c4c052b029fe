import type { ReactNode } from 'react';

/** A private-use character the catalogs never hold: where a translated text goes in a sentence. */
export const SLOT = '\uE000';

/**
 * "Now: {{title}}" with the title as an element of its own (its `lang` and `dir`): the sentence is
 * translated with SLOT as the title, then split around it.
 */
export function slotted(sentence: string, node: ReactNode): ReactNode {
  const at = sentence.indexOf(SLOT);
  if (at === -1) return sentence;
  return (
    <>
      {sentence.slice(0, at)}
      {node}
      {sentence.slice(at + SLOT.length)}
    </>
  );
}
