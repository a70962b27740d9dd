// Evaluation statuses as the server reports them, in the order the overview lists them,
// with the Chinese label and the traffic-light colour a reader expects.
export const STATUSES = [
  { key: 'met', label: '达标', colour: '#1f9d55', light: 'green' },
  { key: 'on_track', label: '符合序时', colour: '#67c23a', light: 'green' },
  { key: 'lagging', label: '滞后', colour: '#e6a23c', light: 'yellow' },
  { key: 'off_track', label: '严重滞后', colour: '#d93f3f', light: 'red' },
  { key: 'qualitative', label: '定性评价', colour: '#7d8fb3', light: 'none' },
  { key: 'no_data', label: '无数据', colour: '#b1b5bd', light: 'none' },
];

const BY_KEY = Object.fromEntries(STATUSES.map((s) => [s.key, s]));

export function statusInfo(key) {
  return BY_KEY[key] || BY_KEY.no_data;
}

export function countByStatus(results) {
  const counts = Object.fromEntries(STATUSES.map((s) => [s.key, 0]));
  for (const r of results) counts[statusInfo(r.status).key] += 1;
  return counts;
}
