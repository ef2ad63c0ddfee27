import { ApiError, SignInRequired } from '../api/client';
import type { RelationshipPath } from '../api/fragments';
import { fetchAccountNetwork, fetchNeighbours } from '../api/network';
import { downloadPng, downloadSvg } from '../map/export';
import { graphFromNeighbours, graphFromNetwork, mapNodeOf, type MapGraph, type MapNode } from '../map/graph-model';
import { StakeholderMap } from '../map/stakeholder-map';
import { byId, fill, h } from '../ui/dom';
import { showDashboard } from '../views/dashboard-view';
import { renderLegend } from '../views/legend';
import { MapToolbar } from '../views/map-toolbar';
import { SearchBox } from '../views/search-box';
import { SidePanel } from '../views/side-panel';
import type { Explorer, TabName } from './explorer';
import { describeError, hideNotice, showNotice } from './notice';

/** The signed-in page: search, the map with its toolbar, the side panel and the dashboard. */
export class ExplorerApp implements Explorer {
  readonly map: StakeholderMap;
  private readonly toolbar: MapToolbar;
  private readonly panel: SidePanel;
  private readonly search: SearchBox;
  private readonly overlay = byId('map-overlay');
  /** The organization (or person) whose network the map was drawn for; Redraw draws it again. */
  private root: MapNode | null = null;
  private caption = '';

  constructor() {
    this.map = new StakeholderMap(byId('map'), {
      select: (node) => {
        // A click on the background goes back to the node the map is about.
        const focus = node ?? this.map.node(this.map.rootId);
        if (focus) this.focus(focus);
      },
      expand: (node) => void this.expand(node),
    });
    this.toolbar = new MapToolbar({
      redraw: () => void this.redraw(),
      fit: () => this.map.fit(),
      clearHighlight: () => this.map.clearHighlight(),
      exportPng: () => downloadPng(this.map.cy, this.caption),
      exportSvg: () => downloadSvg(this.map.cy, this.caption),
    });
    this.panel = new SidePanel(this);
    this.search = new SearchBox((hit) => void this.open(mapNodeOf(hit)));
    renderLegend();
    byId('nav-map').addEventListener('click', () => this.showView('map'));
    byId('nav-dashboard').addEventListener('click', () => this.showView('dashboard'));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement)) this.map.clearHighlight();
    });
  }

  /** Called after every sign-in; what was on the map stays. */
  start(): void {
    hideNotice();
    if (this.map.isEmpty()) this.search.focus();
  }

  async open(node: MapNode): Promise<void> {
    this.showView('map');
    await this.busy(`Drawing the network of ${node.label}…`, async () => {
      if (node.type === 'Organization') {
        await this.drawAccount(node);
        this.root = node;
        this.focus(this.map.node(node.id) ?? node);
        return;
      }
      // A person is shown within the network of the organization they work at.
      const neighbours = await fetchNeighbours(node.id);
      if (!neighbours) throw new ApiError(`${node.label} no longer exists.`, 'NOT_FOUND');
      const employer = neighbours.employers?.[0]?.node;
      if (employer) {
        const account = mapNodeOf(employer);
        await this.drawAccount(account);
        this.root = account;
        if (!this.map.node(node.id)) this.map.merge(graphFromNeighbours(neighbours), employer.id);
      } else {
        this.draw(graphFromNeighbours(neighbours), node.label);
        this.root = node;
      }
      this.updateStatus();
      this.focus(this.map.node(node.id) ?? node);
    });
  }

  async expand(node: MapNode): Promise<void> {
    await this.busy(`Adding the network of ${node.label}…`, async () => {
      let graph: MapGraph;
      if (node.type === 'Organization') {
        graph = graphFromNetwork(node.id, await fetchAccountNetwork(node.id, 1, this.toolbar.nodeLimit));
      } else {
        const neighbours = await fetchNeighbours(node.id);
        if (!neighbours) throw new ApiError(`${node.label} no longer exists.`, 'NOT_FOUND');
        graph = graphFromNeighbours(neighbours);
      }
      const added = this.map.merge(graph, node.id);
      this.updateStatus();
      showNotice(added.length ? `Added ${added.length} nodes around ${node.label}.` : `Everything around ${node.label} is already on the map.`, 'info');
      this.focus(node);
    });
  }

  focus(node: MapNode, tab?: TabName): void {
    this.map.select(node.id);
    this.panel.setFocus(node, tab);
  }

  showGraph(graph: MapGraph, caption: string): void {
    this.draw(graph, caption);
    const root = this.map.node(graph.rootId);
    if (root) this.focus(root);
  }

  highlightPath(path: RelationshipPath): void {
    this.map.highlightPath(path);
    this.updateStatus();
  }

  private async drawAccount(account: MapNode): Promise<void> {
    const network = await fetchAccountNetwork(account.id, this.toolbar.depth, this.toolbar.nodeLimit);
    this.draw(graphFromNetwork(account.id, network), account.label);
  }

  private draw(graph: MapGraph, caption: string): void {
    this.caption = caption;
    this.map.show(graph);
    this.updateStatus();
  }

  private async redraw(): Promise<void> {
    if (!this.root) return;
    const focus = this.panel.focus;
    await this.open(this.root);
    if (focus && this.map.node(focus.id)) this.focus(focus);
  }

  private updateStatus(): void {
    this.toolbar.setStatus({
      caption: this.caption,
      nodes: this.map.cy.nodes().length,
      edges: this.map.cy.edges().length,
      truncated: this.map.truncated,
      nodeLimit: this.toolbar.nodeLimit,
    });
  }

  /** Shows what the map is waiting for; an error replaces an empty map or goes to the notice line. */
  private async busy(message: string, task: () => Promise<void>): Promise<void> {
    this.overlay.className = 'map-overlay busy';
    fill(this.overlay, h('p', {}, message));
    this.overlay.hidden = false;
    byId('map').setAttribute('aria-busy', 'true');
    try {
      await task();
      this.overlay.hidden = true;
    } catch (error) {
      if (error instanceof SignInRequired || !this.map.isEmpty()) this.overlay.hidden = true;
      else {
        this.overlay.className = 'map-overlay error';
        fill(this.overlay, h('p', {}, describeError(error)));
      }
      if (!(error instanceof SignInRequired)) showNotice(describeError(error));
    } finally {
      byId('map').removeAttribute('aria-busy');
    }
  }

  private showView(view: 'map' | 'dashboard'): void {
    byId('map-view').hidden = view !== 'map';
    byId('dashboard-view').hidden = view !== 'dashboard';
    byId('nav-map').setAttribute('aria-pressed', String(view === 'map'));
    byId('nav-dashboard').setAttribute('aria-pressed', String(view === 'dashboard'));
    if (view === 'dashboard') showDashboard();
    else this.map.cy.resize();
  }
}
