// What became of a stored item that is no longer evidence: the repair of a reference (SER5) reads
// it to say why a source is gone, and to follow a merge to the item that survived it.
export type EvidenceFate = { change: 'merged'; into: string } | { change: 'hidden' };

/** Items that are not evidence now, by key: merged questions (to their survivor) and hidden ones. */
export type EvidenceFates = Map<string, EvidenceFate>;
