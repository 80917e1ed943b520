// RFC 7946 checks for the GeoJSON export. The structure (types, members, positions, duplicate
// keys) is checked by @placemarkio/check-geojson; what that library leaves out is checked here:
// positions in range ([longitude, latitude]), no "crs" member (removed by RFC 7946, § 4), Point
// geometries only (a place is a point) and a properties object on every feature.
import { getIssues } from '@placemarkio/check-geojson';

export function geoJsonIssues(text: string): string[] {
  const issues = getIssues(text).map((issue) => `check-geojson: ${issue.message}`);
  if (issues.length) return issues;
  const collection = JSON.parse(text) as Record<string, unknown>;
  if (collection.type !== 'FeatureCollection') return [`type ${String(collection.type)} instead of FeatureCollection`];
  if ('crs' in collection) issues.push('the collection has a crs member (RFC 7946 § 4: none)');
  const features = collection.features as Array<Record<string, unknown>>;
  features.forEach((feature, index) => {
    const where = `feature ${index}`;
    if (feature.type !== 'Feature') issues.push(`${where}: type ${String(feature.type)}`);
    if ('crs' in feature) issues.push(`${where}: has a crs member`);
    const properties = feature.properties;
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) issues.push(`${where}: properties is not an object`);
    const geometry = feature.geometry as { type?: string; coordinates?: unknown; crs?: unknown } | null;
    if (geometry === null) return; // RFC 7946 § 3.2: an unlocated feature has a null geometry.
    if (geometry.type !== 'Point') return void issues.push(`${where}: geometry ${String(geometry.type)} instead of Point`);
    if ('crs' in geometry) issues.push(`${where}: the geometry has a crs member`);
    const position = geometry.coordinates as number[];
    if (position.length !== 2) issues.push(`${where}: ${position.length} coordinates instead of [longitude, latitude]`);
    const [longitude, latitude] = position;
    if (!(longitude >= -180 && longitude <= 180)) issues.push(`${where}: longitude ${longitude} out of range`);
    if (!(latitude >= -90 && latitude <= 90)) issues.push(`${where}: latitude ${latitude} out of range`);
  });
  return issues;
}
