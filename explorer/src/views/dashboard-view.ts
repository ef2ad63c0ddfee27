import { fetchDashboard, type DashboardAnswer } from '../api/dashboard';
import { barChart } from '../charts/bar-chart';
import { loadInto } from '../shell/load-into';
import { byId, h } from '../ui/dom';
import { compactMoney, date, enumText, money, percent } from '../ui/format';

const TIER_COLORS: Record<string, string> = { A: '#16a34a', B: '#f59e0b', C: '#94a3b8' };
const STAGE_COLORS: Record<string, string> = { WON: '#86efac', LOST: '#fca5a5' };

/** The dashboard: today's KPIs, the pipeline by stage and the accounts per ABC tier as charts. */
export function showDashboard(): void {
  const view = byId('dashboard-view');
  void loadInto(view, 'the dashboard', fetchDashboard, (answer) => render(view, answer));
}

function render(view: HTMLElement, { dashboard, pipeline }: DashboardAnswer): void {
  view.append(
    h('h2', {}, 'Dashboard', h('span', { class: 'subtle' }, ` · as of ${date(dashboard.asOf)}`)),
    h('div', { class: 'kpis' },
      kpi(money(dashboard.openPipeline), `open pipeline (${dashboard.openOpportunities} opportunities)`),
      kpi(money(dashboard.weightedPipeline), 'weighted pipeline'),
      kpi(percent(dashboard.winRate), 'win rate'),
      kpi(String(dashboard.buyingCentersWithMissingRoles), 'open deals with missing buying roles'),
      kpi(String(dashboard.dormantCustomers), 'dormant customers (180 days)'),
      kpi(String(dashboard.newLeads), 'new leads (30 days)'),
      kpi(String(dashboard.interactionsLast30Days), 'contacts logged (30 days)'),
    ),
    h('div', { class: 'charts' },
      h('section', { class: 'chart-card', id: 'chart-pipeline' },
        h('h3', {}, 'Pipeline by stage'),
        barChart('Pipeline by stage: amount (light) and weighted amount (dark)', pipeline.stages.map((stage) => ({
          label: enumText(stage.stage),
          value: stage.amount,
          inner: stage.weightedAmount,
          valueLabel: `${compactMoney(stage.amount)} · ${stage.count} deals`,
          color: STAGE_COLORS[stage.stage],
        }))),
        h('p', { class: 'hint' }, 'Light bar: amount; dark bar: amount × probability.'),
      ),
      h('section', { class: 'chart-card', id: 'chart-tiers' },
        h('h3', {}, 'Accounts per ABC tier'),
        barChart('Accounts per ABC tier', dashboard.accountsPerTier.map((tier) => ({
          label: `Tier ${tier.tier}`,
          value: tier.accounts,
          valueLabel: `${tier.accounts} accounts`,
          color: TIER_COLORS[tier.tier],
        }))),
        h('p', { class: 'hint' }, 'A: the accounts that make the first 80 % of the last 12 months’ revenue; B: the next 15 %; C: the rest.'),
      ),
      h('section', { class: 'chart-card', id: 'chart-cases' },
        h('h3', {}, 'Open cases by severity'),
        barChart('Open cases by severity', dashboard.openCasesBySeverity.map((row) => ({ label: enumText(row.severity), value: row.count, valueLabel: String(row.count), color: '#fdba74' }))),
      ),
    ),
  );
}

function kpi(value: string, label: string): HTMLElement {
  return h('div', { class: 'kpi' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label));
}
