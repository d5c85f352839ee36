// Findings (issue 5): kpo: references inside a finding's Markdown, and which links may be followed.
export type { FindingReference, ReferenceKind } from './references';
export {
  REFERENCE_KINDS,
  citationNumbers,
  findingReferences,
  kpoUrl,
  parseKpoUrl,
  referenceLink,
} from './references';
export { MAX_WEB_URL_LENGTH, isWebUrl, parseWebUrl, safeFindingUrl } from './safe-url';
