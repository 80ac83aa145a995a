import { TIME_ZONES } from '@/features/interviews/times';

/** The list of time zones, the chosen one first selected. A plain select: it works without JavaScript. */
export function ZoneOptions() {
  return TIME_ZONES.map((zone) => (
    <option key={zone} value={zone}>
      {zone.replaceAll('_', ' ')}
    </option>
  ));
}
