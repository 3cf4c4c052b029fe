declare const PAYLOAD: unique symbol;

/** A type carried by the event table and nowhere at runtime: what a server event sends. */
export interface PayloadMarker<T> {
  readonly [PAYLOAD]?: T;
}

/** `event<QuestionItem>()`; `event<void>()` for none (left out, the table would infer `unknown`). */
export function event<T>(): PayloadMarker<T> {
  return {};
}
