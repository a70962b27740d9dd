// Plans as the server lists them, with each plan's full record fetched once per visit, and the
// plan and period the user last looked at (so moving between pages keeps the choice).
import { api } from './api.js';
import { defaultPeriod } from './format.js';

const details = new Map();

export async function listPlans() {
  const body = await api.get('/plans');
  return body.plans || [];
}

export async function planDetail(id) {
  if (!details.has(id)) {
    const body = await api.get(`/plans/${encodeURIComponent(id)}`);
    // GET /plans/{id} answers in the `plan show --json` shape, {"plans":[plan]}.
    details.set(id, body.plans ? body.plans[0] : body);
  }
  return details.get(id);
}

export function forgetPlanDetails() {
  details.clear();
}

// A ?plan= / ?period= in the address (a shared link) wins over what this tab remembers.
function fromAddress(name) {
  return new URLSearchParams(window.location.search).get(name) || '';
}

export function rememberedPlan(plans) {
  const linked = fromAddress('plan');
  if (linked && plans.some((p) => p.id === linked)) return linked;
  const saved = sessionStorage.getItem('zhiyou.plan');
  if (saved && plans.some((p) => p.id === saved)) return saved;
  // First visit: the quality programme's own plan (质优 / 质量), else the largest one.
  const quality = plans.find((p) => p.indicator_count > 0 && /质优|质量/.test(p.title));
  const largest = [...plans].sort((a, b) => b.indicator_count - a.indicator_count)[0];
  return (quality || largest)?.id || '';
}

export function rememberPlan(id) {
  if (id) sessionStorage.setItem('zhiyou.plan', id);
}

export function rememberedPeriod() {
  return fromAddress('period') || sessionStorage.getItem('zhiyou.period') || defaultPeriod();
}

export function rememberPeriod(period) {
  if (period) sessionStorage.setItem('zhiyou.period', period);
}

// GET that may hit a route the server does not have yet, or one this role may not read (the
// public sees published plans, not every figure): resolves to null then and tells `unavailable`
// why, instead of showing an error message.
export async function optionalGet(path, query, unavailable) {
  try {
    return await api.get(path, { query, quiet: true });
  } catch (error) {
    if (error.missingRoute || error.status === 401 || error.status === 403) {
      unavailable?.(error.missingRoute ? 'missing' : 'forbidden', error);
      return null;
    }
    throw error;
  }
}
