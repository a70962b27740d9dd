import { createRouter, createWebHistory } from 'vue-router';
import { loadMe, role, session } from './session.js';

// meta.roles: who the navigation offers the page to (absent: everyone, signed in or not).
export const routes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { bare: true, title: '登录' } },
  // Where '/' leads depends on the role, known only once /me has answered (see beforeEach).
  { path: '/', name: 'home', component: { render: () => null } },
  { path: '/overview', name: 'overview', component: () => import('./views/OverviewView.vue'), meta: { title: '总览', menu: true } },
  {
    path: '/plans/:planId/indicators/:indicatorId',
    name: 'indicator',
    component: () => import('./views/IndicatorView.vue'),
    meta: { title: '指标' },
  },
  {
    path: '/entry',
    name: 'entry',
    component: () => import('./views/EntryView.vue'),
    meta: { title: '数据填报', menu: true, roles: ['unit_reporter', 'office', 'admin'] },
  },
  {
    path: '/import',
    name: 'import',
    component: () => import('./views/ImportView.vue'),
    meta: { title: '规划导入', menu: true, roles: ['office', 'admin'] },
  },
  {
    path: '/reports',
    name: 'reports',
    component: () => import('./views/ReportsView.vue'),
    meta: { title: '报告', menu: true, roles: ['office', 'admin', 'inspector'] },
  },
  {
    path: '/trace',
    name: 'trace',
    component: () => import('./views/TraceView.vue'),
    meta: { title: '质量追溯', menu: true, roles: ['office', 'admin', 'inspector'] },
  },
  {
    path: '/products',
    name: 'products',
    component: () => import('./views/ProductsView.vue'),
    meta: { title: '产品赋码', menu: true, roles: ['enterprise', 'office', 'admin'] },
  },
  { path: '/users', name: 'users', component: () => import('./views/UsersView.vue'), meta: { title: '用户管理', menu: true, roles: ['admin'] } },
  { path: '/audit', name: 'audit', component: () => import('./views/AuditView.vue'), meta: { title: '审计日志', menu: true, roles: ['admin'] } },
  { path: '/:rest(.*)*', name: 'missing', component: () => import('./views/MissingView.vue'), meta: { title: '页面不存在' } },
];

export function homeFor(currentRole) {
  if (currentRole === 'unit_reporter') return '/entry';
  if (currentRole === 'enterprise') return '/products';
  if (currentRole === 'public') return '/login';
  return '/overview';
}

export function allowed(route, currentRole) {
  const roles = route.meta?.roles;
  return !roles || roles.includes(currentRole);
}

export function menuFor(currentRole) {
  return routes.filter((r) => r.meta?.menu && allowed(r, currentRole));
}

const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  if (!session.loaded) await loadMe();
  if (to.name === 'login') return true;
  if (to.name === 'home') return { path: homeFor(role()), replace: true };
  if (!allowed(to, role())) {
    return session.me ? { path: homeFor(role()) } : { name: 'login', query: { next: to.fullPath } };
  }
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta?.title ? `${to.meta.title} · ` : ''}质优 Zhiyou`;
});

export default router;
