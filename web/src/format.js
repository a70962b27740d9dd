// Small display helpers shared by the pages.
export function formatNumber(value) {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
}

const OPS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '≈' };

// One target as a reader of the plan would write it: "2025年 ≥35%".
export function formatTarget(target, unit) {
  if (!target) return '—';
  if (target.kind === 'qualitative') return `${target.year}年 ${target.text}`;
  const op = target.op ? OPS[target.op] || target.op : '';
  const kind = { increment: '新增', cumulative: '累计', change: target.reference_year ? `比${target.reference_year}年` : '变化' }[target.kind] || '';
  const value = target.value === null || target.value === undefined ? target.text : formatNumber(target.value);
  const suffix = target.kind === 'change' ? '%' : unit || '';
  return `${target.year}年 ${kind}${op}${value}${suffix}`;
}

export function formatTime(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString('zh-CN', { hour12: false });
}

// Reporting periods on offer: the plan's years up to this year, newest first.
export function periodChoices(plan) {
  const now = new Date().getFullYear();
  const years = new Set();
  for (const i of plan?.indicators || []) {
    if (i.baseline?.year) years.add(i.baseline.year);
    for (const t of i.targets || []) if (t.year) years.add(t.year);
  }
  if (plan?.period) for (let y = plan.period.start; y <= plan.period.end; y += 1) years.add(y);
  let low = Math.min(...years, now - 1);
  const high = Math.max(...years, now);
  low = Math.max(low, high - 15);
  const list = [];
  for (let y = high; y >= low; y -= 1) list.push(String(y));
  return list;
}

export function defaultPeriod() {
  return String(new Date().getFullYear() - 1);
}
