export { EvidencePanel, type EvidencePanelProps } from './EvidencePanel';
export { StatisticsTable } from './StatisticsTable';
