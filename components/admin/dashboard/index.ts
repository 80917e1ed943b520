// The blocks of a network's dashboard (app/admin/reseaux/[slug]/page.tsx), each self-contained.
export { CallList, CallListTable } from './CallList';
export { CampaignRates } from './CampaignRates';
export { FreshnessChart } from './FreshnessChart';
export { FreshnessMap } from './FreshnessMap';
export { FurthestCommunes } from './FurthestCommunes';
export { ReviewAge } from './ReviewAge';
