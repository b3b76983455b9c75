import type { LoadStep } from '@sifa/kernel';

/** The dashboard's figures (web/reports/DashboardPage.tsx), asked in one batch as the page does. */
const DASHBOARD = [
  'mediation.accepted',
  'mediation.successful',
  'mediation.success-rate',
  'mediation.agreement-amount',
  'mediation.court-accepted',
  'mediation.court-success-rate',
  'mediation.judicial-confirmations',
  'mediation.average-duration',
  'mediation.overdue',
  'mediation.at-risk',
].join(',');

/**
 * A mediation officer's day for the load bench (bench/load.ts, ADR 0021): the register with and without filters, a
 * dispute's page (the kernel adds the shared matter page's parties, timeline, deadlines and documents), registering a
 * dispute and marking a risk, and the dashboard.
 */
export const MEDIATION_LOAD_STEPS: readonly LoadStep[] = [
  { name: 'GET /api/mediation/disputes', path: '/api/mediation/disputes?page=1&pageSize=20' },
  { name: 'GET /api/mediation/disputes?status&category', path: '/api/mediation/disputes?page=1&pageSize=20&status=mediating&category=neighbour' },
  { name: 'GET /api/mediation/disputes/{id}', path: '/api/mediation/disputes/{matter}' },
  { name: 'GET /api/mediation/disputes/{id}/sessions', path: '/api/mediation/disputes/{matter}/sessions' },
  {
    name: 'POST /api/mediation/disputes',
    method: 'POST',
    path: '/api/mediation/disputes',
    write: true,
    body: ({ org, n }) => ({
      orgId: org,
      category: 'neighbour',
      source: 'window',
      summary: `邻里排水纠纷${String(n)}`,
      description: '排水沟堵塞引发争执',
      parties: [{ kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13907971234', role: 'applicant' }],
    }),
  },
  {
    name: 'POST /api/mediation/disputes/{id}/risk',
    method: 'POST',
    path: '/api/mediation/disputes/{matter}/risk',
    write: true,
    body: ({ n }) => ({ atRisk: n % 2 === 0, reason: '双方多次冲突' }),
  },
  { name: 'GET /api/indicator-values (dashboard)', path: `/api/indicator-values?ids=${DASHBOARD}` },
];
