import { createContext, useContext } from 'react';
import type { Chart, SourceRecord } from '../../db';

/**
 * What kpo: references inside findings resolve against: the task's charts, sources (with their citation
 * numbers across all findings) and saved views. Provided once per task so every finding reads the same.
 */
export interface ReferenceLookup {
  readonly charts: ReadonlyMap<string, Chart>;
  readonly sources: ReadonlyMap<string, SourceRecord>;
  readonly citationNumbers: ReadonlyMap<string, number>;
  readonly viewNames: ReadonlyMap<string, string>;
  /** Every finding's saved text, so an editor can renumber citations with its unsaved draft. */
  readonly findings: readonly { readonly id: string; readonly markdown: string }[];
}

export const EMPTY_LOOKUP: ReferenceLookup = {
  charts: new Map(),
  sources: new Map(),
  citationNumbers: new Map(),
  viewNames: new Map(),
  findings: [],
};

export const ReferenceContext = createContext<ReferenceLookup>(EMPTY_LOOKUP);

export function useReferenceLookup(): ReferenceLookup {
  return useContext(ReferenceContext);
}
