import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { RelationshipPath } from '../api/fragments';
import { edgeKey, graphFromPath, type MapGraph, type MapNode } from './graph-model';
import { edgeData, MAP_STYLE, nodeData, STANCE_COLORS } from './map-style';

const MAX_FIT_ZOOM = 1.4;

cytoscape.use(fcose);
cytoscape.use(svg);

export interface MapEvents {
  /** A node was clicked (null: the background). */
  select(node: MapNode | null): void;
  /** A node was double-clicked: draw its own network around it. */
  expand(node: MapNode): void;
}

declare global {
  interface Window {
    /** The map's cytoscape instance, for the browser console and the browser tests. */
    cy?: Core;
  }
}

/**
 * The stakeholder map: one cytoscape graph, drawn with the fcose force layout. Views change it
 * only through these methods, so what is drawn is always an API answer (or several merged).
 */
export class StakeholderMap {
  readonly cy: Core;
  private graphRootId = '';
  truncated = false;

  constructor(container: HTMLElement, events: MapEvents) {
    this.cy = cytoscape({ container, style: MAP_STYLE, minZoom: 0.15, maxZoom: 3, boxSelectionEnabled: false, selectionType: 'single' });
    this.cy.on('tap', 'node', (event) => events.select(toMapNode(event.target as NodeSingular)));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) events.select(null);
    });
    this.cy.on('dbltap', 'node', (event) => events.expand(toMapNode(event.target as NodeSingular)));
    window.cy = this.cy;
  }

  get rootId(): string {
    return this.graphRootId;
  }

  isEmpty(): boolean {
    return this.cy.nodes().empty();
  }

  /** Replaces the map with this graph. */
  show(graph: MapGraph): void {
    this.graphRootId = graph.rootId;
    this.truncated = graph.truncated;
    this.cy.elements().remove();
    this.add(graph);
    this.layout(true);
  }

  /** Adds what is new in this graph next to `aroundId`, keeping what is drawn; answers the added node ids. */
  merge(graph: MapGraph, aroundId: string): string[] {
    const added = this.add(graph, aroundId);
    this.truncated ||= graph.truncated;
    if (added.length) this.layout(false);
    return added;
  }

  nodes(): MapNode[] {
    return this.cy.nodes().map(toMapNode);
  }

  node(id: string): MapNode | null {
    const element = this.cy.getElementById(id);
    return element.nonempty() && element.isNode() ? toMapNode(element) : null;
  }

  /** Selects a node and brings it into view (the keyboard's way of clicking it). */
  select(id: string | null): void {
    this.cy.nodes().unselect();
    if (!id) return;
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    node.select();
    // Only a node out of sight is brought into view: moving a clicked node would break a double-click.
    const { x1, x2, y1, y2 } = this.cy.extent();
    const { x, y } = node.position();
    if (x < x1 || x > x2 || y < y1 || y > y2) this.cy.animate({ center: { eles: node }, duration: 200 });
  }

  /**
   * Highlights a path, adding any of its nodes and hops the map does not show yet, and fades
   * everything else. Each highlighted element keeps its place on the path in data `pathIndex`.
   */
  highlightPath(path: RelationshipPath): void {
    this.clearHighlight();
    const graph = graphFromPath(path);
    const added = this.add(graph, path.nodes[0].id);
    if (added.length) this.layout(false);
    this.cy.elements().addClass('faded');
    graph.nodes.forEach((node, index) => this.cy.getElementById(node.id).removeClass('faded').addClass('on-path').data('pathIndex', index));
    graph.edges.forEach((edge, index) => this.cy.getElementById(edgeKey(edge)).removeClass('faded').addClass('on-path').data('pathIndex', index));
    this.fitTo(this.cy.elements('.on-path'), 80);
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('faded on-path').removeData('pathIndex');
  }

  /** Rings the customers that more than one partner serves, and the other partners' SERVES hops. */
  markConflicts(customerIds: string[], partnerId: string): void {
    this.cy.elements().removeClass('conflict');
    for (const id of customerIds) {
      const customer = this.cy.getElementById(id);
      customer.addClass('conflict');
      customer.connectedEdges('[type = "SERVES"]').filter((edge) => edge.source().id() !== partnerId).addClass('conflict');
    }
  }

  /** Colours buying-center members by their stance (members not on the map are left out). */
  markStances(stances: Map<string, string>): void {
    this.cy.nodes().removeData('stance stanceColor');
    for (const [id, stance] of stances) {
      this.cy.getElementById(id).data({ stance, stanceColor: STANCE_COLORS[stance] ?? STANCE_COLORS.UNKNOWN });
    }
  }

  fit(): void {
    this.fitTo(this.cy.elements(), 30);
  }

  /** Fits the elements into view, but never closer than MAX_FIT_ZOOM: a few nodes would be drawn huge. */
  private fitTo(elements: cytoscape.CollectionReturnValue, padding: number): void {
    this.cy.fit(elements, padding);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center(elements);
    }
  }

  private add(graph: MapGraph, aroundId?: string): string[] {
    const around = aroundId ? this.cy.getElementById(aroundId) : undefined;
    const origin = around?.nonempty() ? around.position() : { x: 0, y: 0 };
    const added: string[] = [];
    graph.nodes.forEach((node, index) => {
      if (this.cy.getElementById(node.id).nonempty()) return;
      // New nodes start in a small circle around the node they belong to; the layout spreads them.
      const angle = (2 * Math.PI * index) / Math.max(graph.nodes.length, 1);
      this.cy.add({ group: 'nodes', data: nodeData(node, this.graphRootId), position: { x: origin.x + 60 * Math.cos(angle), y: origin.y + 60 * Math.sin(angle) } });
      added.push(node.id);
    });
    for (const edge of graph.edges) {
      const id = edgeKey(edge);
      if (this.cy.getElementById(id).nonempty()) continue;
      this.cy.add({ group: 'edges', data: edgeData(edge, id) });
    }
    this.cy.nodes().removeClass('root');
    this.cy.getElementById(this.graphRootId).addClass('root');
    return added;
  }

  private layout(fresh: boolean): void {
    this.cy
      .layout({
        name: 'fcose',
        // A fresh map starts from a spectral layout; an extended one keeps its shape ("proof" refines in place).
        quality: fresh ? 'default' : 'proof',
        randomize: fresh,
        animate: false,
        fit: false,
        nodeSeparation: 90,
        idealEdgeLength: () => 90,
        nodeRepulsion: () => 9000,
      } as cytoscape.LayoutOptions)
      .run();
    this.fit();
  }
}

function toMapNode(element: NodeSingular): MapNode {
  return { id: element.id(), type: element.data('type'), label: element.data('label'), kinds: element.data('kinds') ?? [] };
}
